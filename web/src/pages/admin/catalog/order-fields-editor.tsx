// The questions a product asks at checkout: type, required, validation and, for a select, its choices.
import { Checkbox, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { newOrderField, type OrderField, orderFieldTypes, replaceAt } from './definition';
import { BilingualInput, ListError, NumField, TextField, useError } from './fields';
import { AddItemButton, ItemCard, ListItemControls, useItemLabel } from './list-editor';

function ChoicesEditor({
  field,
  path,
  onChange,
}: {
  field: OrderField;
  path: string;
  onChange: (f: OrderField) => void;
}) {
  const { t } = useTranslation();
  const choices = field.validation.choices;
  const set = (next: OrderField['validation']['choices']) =>
    onChange({ ...field, validation: { ...field.validation, choices: next } });
  const error = useError(`${path}.validation.choices`);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('catalogEditor.orderField.choices')}
      </Text>
      {error ? (
        <Text c="red" size="xs">
          {error}
        </Text>
      ) : null}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalogEditor.orderField.choiceValue')}</Table.Th>
            <Table.Th>{t('catalogEditor.orderField.choiceLabelJa')}</Table.Th>
            <Table.Th>{t('catalogEditor.orderField.choiceLabelEn')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {choices.map((choice, i) => (
            <ChoiceRow
              // biome-ignore lint/suspicious/noArrayIndexKey: the items keep no state of their own (the form holds the list), so a moved item just shows the moved values
              key={`choice-${i}`}
              index={i}
              path={`${path}.validation.choices.${i}`}
              choice={choice}
              onChange={(c) => set(replaceAt(choices, i, c))}
              controls={<ListItemControls items={choices} index={i} name={choice.value} onChange={set} />}
            />
          ))}
        </Table.Tbody>
      </Table>
      <AddItemButton small onClick={() => set([...choices, { value: '', labelJa: '', labelEn: '' }])}>
        {t('catalogEditor.orderField.addChoice')}
      </AddItemButton>
    </Stack>
  );
}

function ChoiceRow({
  index,
  path,
  choice,
  onChange,
  controls,
}: {
  index: number;
  path: string;
  choice: OrderField['validation']['choices'][number];
  onChange: (c: OrderField['validation']['choices'][number]) => void;
  controls: React.ReactNode;
}) {
  const { t } = useTranslation();
  const errValue = useError(`${path}.value`);
  const errJa = useError(`${path}.labelJa`);
  const errEn = useError(`${path}.labelEn`);
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          aria-label={`${t('catalogEditor.orderField.choiceValue')} ${index + 1}`}
          value={choice.value}
          onChange={(e) => onChange({ ...choice, value: e.currentTarget.value })}
          error={errValue}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`${t('catalogEditor.orderField.choiceLabelJa')} ${index + 1}`}
          value={choice.labelJa}
          onChange={(e) => onChange({ ...choice, labelJa: e.currentTarget.value })}
          error={errJa}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`${t('catalogEditor.orderField.choiceLabelEn')} ${index + 1}`}
          value={choice.labelEn}
          onChange={(e) => onChange({ ...choice, labelEn: e.currentTarget.value })}
          error={errEn}
        />
      </Table.Td>
      <Table.Td>{controls}</Table.Td>
    </Table.Tr>
  );
}

function OrderFieldEditor({
  field,
  path,
  onChange,
  controls,
}: {
  field: OrderField;
  path: string;
  onChange: (f: OrderField) => void;
  controls: React.ReactNode;
}) {
  const { t } = useTranslation();
  const label = useItemLabel(field.label, field.key, t('catalogEditor.orderField.untitled'));
  const v = field.validation;
  const setV = (patch: Partial<OrderField['validation']>) =>
    onChange({ ...field, validation: { ...v, ...patch } });
  const textual = field.type !== 'number' && field.type !== 'select';
  return (
    <ItemCard kind={t('catalogEditor.orderField.title')} label={label} controls={controls}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextField
          label={t('catalogEditor.orderField.key')}
          value={field.key}
          onChange={(key) => onChange({ ...field, key })}
          path={`${path}.key`}
          required
          description={t('catalogEditor.codeHelp')}
        />
        <NativeSelect
          label={t('catalogEditor.orderField.type')}
          value={field.type}
          onChange={(e) => onChange({ ...field, type: e.currentTarget.value })}
          data={orderFieldTypes.map((type) => ({
            value: type,
            label: t(`catalogEditor.orderField.types.${type}`),
          }))}
          error={useError(`${path}.type`)}
        />
        <Checkbox
          mt="xl"
          label={t('catalogEditor.orderField.required')}
          checked={field.required}
          onChange={(e) => onChange({ ...field, required: e.currentTarget.checked })}
        />
      </SimpleGrid>
      <BilingualInput
        label={t('catalogEditor.orderField.label')}
        value={field.label}
        onChange={(l) => onChange({ ...field, label: l })}
        path={`${path}.label`}
        required
      />
      <BilingualInput
        label={t('catalogEditor.orderField.help')}
        value={field.help}
        onChange={(help) => onChange({ ...field, help })}
        path={`${path}.help`}
      />
      {textual ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextField
            label={t('catalogEditor.orderField.pattern')}
            value={v.pattern}
            onChange={(pattern) => setV({ pattern })}
            path={`${path}.validation.pattern`}
            description={t('catalogEditor.orderField.patternHelp')}
          />
          <NumField
            label={t('catalogEditor.orderField.minLength')}
            value={v.minLength}
            onChange={(minLength) => setV({ minLength })}
            path={`${path}.validation.minLength`}
            min={0}
          />
          <NumField
            label={t('catalogEditor.orderField.maxLength')}
            value={v.maxLength}
            onChange={(maxLength) => setV({ maxLength })}
            path={`${path}.validation.maxLength`}
            min={1}
          />
        </SimpleGrid>
      ) : null}
      {field.type === 'number' ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumField
            label={t('catalogEditor.orderField.min')}
            value={v.min}
            onChange={(min) => setV({ min })}
            path={`${path}.validation.min`}
          />
          <NumField
            label={t('catalogEditor.orderField.max')}
            value={v.max}
            onChange={(max) => setV({ max })}
            path={`${path}.validation.max`}
          />
        </SimpleGrid>
      ) : null}
      {field.type === 'select' ? <ChoicesEditor field={field} path={path} onChange={onChange} /> : null}
    </ItemCard>
  );
}

export function OrderFieldsEditor({
  fields,
  onChange,
}: {
  fields: OrderField[];
  onChange: (fields: OrderField[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <ListError path="orderFields" />
      {fields.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('catalogEditor.orderField.none')}
        </Text>
      ) : null}
      {fields.map((field, i) => (
        <OrderFieldEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: the items keep no state of their own (the form holds the list), so a moved item just shows the moved values
          key={`field-${i}`}
          field={field}
          path={`orderFields.${i}`}
          onChange={(f) => onChange(replaceAt(fields, i, f))}
          controls={<ListItemControls items={fields} index={i} name={field.key} onChange={onChange} />}
        />
      ))}
      <AddItemButton onClick={() => onChange([...fields, newOrderField()])}>
        {t('catalogEditor.orderField.add')}
      </AddItemButton>
    </Stack>
  );
}

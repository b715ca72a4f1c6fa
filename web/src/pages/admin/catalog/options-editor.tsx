// The options of a product: required or optional, included per plan and term, quantity, price per term, which plans and terms offer it, its documents.
import { Checkbox, MultiSelect, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { newOption, type Offer, type Option, type Plan, removeAt, replaceAt } from './definition';
import { BilingualInput, FieldErrors, ListError, NumField, TextField, useError } from './fields';
import { AddItemButton, ItemCard, ListItemControls, useItemLabel } from './list-editor';
import { QuantityFields, TaxRateField } from './plans-editor';

function OfferCell({
  offerIndex,
  offer,
  path,
  label,
  onChange,
}: {
  offerIndex: number;
  offer: Offer | undefined;
  path: string;
  label: string;
  onChange: (offer: Offer | undefined) => void;
}) {
  const { t } = useTranslation();
  const error = useError(`${path}.offers.${offerIndex}`);
  return (
    <>
      <Table.Td>
        <Checkbox
          label={label}
          checked={offer !== undefined}
          onChange={(e) =>
            onChange(e.currentTarget.checked ? { plan: '', term: '', price: '', included: false } : undefined)
          }
          error={error}
        />
      </Table.Td>
      <Table.Td>
        {offer ? (
          <NumField
            label={`${t('catalogEditor.option.price')} ${label}`}
            hideLabel
            value={offer.price}
            onChange={(price) => onChange({ ...offer, price })}
            path={`${path}.offers.${offerIndex}.price`}
            prefix="¥"
            min={0}
          />
        ) : null}
      </Table.Td>
      <Table.Td>
        {offer ? (
          <Checkbox
            label={t('catalogEditor.option.included')}
            aria-label={`${t('catalogEditor.option.included')} ${label}`}
            checked={offer.included}
            onChange={(e) => onChange({ ...offer, included: e.currentTarget.checked })}
          />
        ) : null}
      </Table.Td>
    </>
  );
}

/** Every plan × term of the product, each either offering the option (with its price) or not. */
function OffersMatrix({
  option,
  plans,
  path,
  onChange,
}: {
  option: Option;
  plans: Plan[];
  path: string;
  onChange: (offers: Offer[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const cells = plans.flatMap((plan) =>
    plan.terms
      .filter((term) => term.term !== '')
      .map((term) => ({
        plan: plan.code,
        term: term.term,
        planName: plan.name[lang] || plan.name.ja || plan.code,
      })),
  );
  // Offers naming a plan or term that no longer exists stay visible, so the server's error has a place.
  const orphans = option.offers
    .map((offer, index) => ({ offer, index }))
    .filter(({ offer }) => !cells.some((c) => c.plan === offer.plan && c.term === offer.term));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('catalogEditor.option.offers')}
      </Text>
      <ListError path={`${path}.offers`} />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalogEditor.option.offeredWith')}</Table.Th>
            <Table.Th>{t('catalogEditor.option.price')}</Table.Th>
            <Table.Th>{t('catalogEditor.option.included')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cells.map((cell) => {
            const index = option.offers.findIndex((o) => o.plan === cell.plan && o.term === cell.term);
            const offer = index >= 0 ? option.offers[index] : undefined;
            return (
              <Table.Tr key={`${cell.plan}/${cell.term}`}>
                <OfferCell
                  offerIndex={index >= 0 ? index : option.offers.length}
                  offer={offer}
                  path={path}
                  label={`${cell.planName} / ${cell.term}`}
                  onChange={(next) => {
                    if (next === undefined) onChange(removeAt(option.offers, index));
                    else if (index < 0)
                      onChange([...option.offers, { ...next, plan: cell.plan, term: cell.term }]);
                    else onChange(replaceAt(option.offers, index, next));
                  }}
                />
              </Table.Tr>
            );
          })}
          {orphans.map(({ offer, index }) => (
            <Table.Tr key={`orphan-${index}`}>
              <OfferCell
                offerIndex={index}
                offer={offer}
                path={path}
                label={`${offer.plan} / ${offer.term}`}
                onChange={(next) =>
                  onChange(
                    next === undefined
                      ? removeAt(option.offers, index)
                      : replaceAt(option.offers, index, next),
                  )
                }
              />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function OptionEditor({
  option,
  plans,
  documentKeys,
  path,
  onChange,
  controls,
}: {
  option: Option;
  plans: Plan[];
  documentKeys: string[];
  path: string;
  onChange: (o: Option) => void;
  controls: React.ReactNode;
}) {
  const { t } = useTranslation();
  const label = useItemLabel(option.name, option.code, t('catalogEditor.option.untitled'));
  const documentsError = useError(`${path}.termsDocuments`);
  const allErrors = useContext(FieldErrors);
  const errors = option.termsDocuments.map((_, i) => allErrors[`${path}.termsDocuments.${i}`]);
  return (
    <ItemCard kind={t('catalogEditor.option.title')} label={label} controls={controls}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextField
          label={t('catalogEditor.code')}
          value={option.code}
          onChange={(code) => onChange({ ...option, code })}
          path={`${path}.code`}
          required
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('catalogEditor.option.kind')}
          </Text>
          <SegmentedControl
            value={option.required ? 'required' : 'optional'}
            onChange={(v) => onChange({ ...option, required: v === 'required' })}
            data={[
              { value: 'optional', label: t('catalogEditor.option.optional') },
              { value: 'required', label: t('catalogEditor.option.required') },
            ]}
            aria-label={t('catalogEditor.option.kind')}
          />
        </Stack>
        <TextField
          label={t('catalogEditor.option.choiceGroup')}
          value={option.choiceGroup}
          onChange={(choiceGroup) => onChange({ ...option, choiceGroup })}
          path={`${path}.choiceGroup`}
          description={t('catalogEditor.option.choiceGroupHelp')}
        />
        <TaxRateField
          value={option.taxRate}
          onChange={(taxRate) => onChange({ ...option, taxRate })}
          path={`${path}.taxRate`}
        />
        <NumField
          label={t('catalogEditor.setupFee')}
          value={option.setupFee}
          onChange={(setupFee) => onChange({ ...option, setupFee })}
          path={`${path}.setupFee`}
          prefix="¥"
          min={0}
        />
      </SimpleGrid>
      <BilingualInput
        label={t('catalogEditor.name')}
        value={option.name}
        onChange={(name) => onChange({ ...option, name })}
        path={`${path}.name`}
        required
      />
      <BilingualInput
        label={t('catalogEditor.description')}
        value={option.description}
        onChange={(description) => onChange({ ...option, description })}
        path={`${path}.description`}
        multiline
      />
      <QuantityFields
        value={option.quantity}
        onChange={(quantity) => onChange({ ...option, quantity })}
        path={`${path}.quantity`}
      />
      <BilingualInput
        label={t('catalogEditor.quantity.unit')}
        value={option.quantityUnit}
        onChange={(quantityUnit) => onChange({ ...option, quantityUnit })}
        path={`${path}.quantityUnit`}
      />
      <MultiSelect
        label={t('catalogEditor.option.termsDocuments')}
        data={[...new Set([...documentKeys, ...option.termsDocuments])]}
        value={option.termsDocuments}
        onChange={(termsDocuments) => onChange({ ...option, termsDocuments })}
        error={[documentsError, ...errors].filter(Boolean).join(' ') || undefined}
        searchable
        comboboxProps={{ withinPortal: false }}
      />
      <OffersMatrix
        option={option}
        plans={plans}
        path={path}
        onChange={(offers) => onChange({ ...option, offers })}
      />
    </ItemCard>
  );
}

export function OptionsEditor({
  options,
  plans,
  documentKeys,
  onChange,
}: {
  options: Option[];
  plans: Plan[];
  documentKeys: string[];
  onChange: (options: Option[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <ListError path="options" />
      {options.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('catalogEditor.option.none')}
        </Text>
      ) : null}
      {options.map((option, i) => (
        <OptionEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: the items keep no state of their own (the form holds the list), so a moved item just shows the moved values
          key={`option-${i}`}
          option={option}
          plans={plans}
          documentKeys={documentKeys}
          path={`options.${i}`}
          onChange={(o) => onChange(replaceAt(options, i, o))}
          controls={<ListItemControls items={options} index={i} name={option.code} onChange={onChange} />}
        />
      ))}
      <AddItemButton onClick={() => onChange([...options, newOption()])}>
        {t('catalogEditor.option.add')}
      </AddItemButton>
    </Stack>
  );
}

// The plans of a product: terms with their prices, tax rate, setup fee, quantity, minimum term, early termination, billing, renewal, usage components with tiers.
import {
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  billingTimings,
  confirmationRules,
  earlyTerminationKinds,
  newPlan,
  newUsageComponent,
  type Plan,
  type QuantityRule,
  renewalModes,
  replaceAt,
  taxRates,
  tierModes,
  type UsageComponent,
} from './definition';
import { BilingualInput, ListError, NumField, TextField, useError } from './fields';
import { AddItemButton, ItemCard, ListItemControls, useItemLabel } from './list-editor';

export function TaxRateField({
  value,
  onChange,
  path,
}: {
  value: string;
  onChange: (v: string) => void;
  path: string;
}) {
  const { t } = useTranslation();
  const error = useError(path);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('catalogEditor.taxRate')}
      </Text>
      <SegmentedControl
        value={value}
        onChange={onChange}
        data={taxRates.map((r) => ({ value: r, label: t(`catalogEditor.taxRates.${r}`) }))}
        aria-label={t('catalogEditor.taxRate')}
      />
      {error ? (
        <Text c="red" size="xs">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}

export function QuantityFields({
  value,
  onChange,
  path,
}: {
  value: QuantityRule;
  onChange: (v: QuantityRule) => void;
  path: string;
}) {
  const { t } = useTranslation();
  const error = useError(path);
  return (
    <Stack gap={4}>
      <SimpleGrid cols={3} spacing="sm">
        <NumField
          label={t('catalogEditor.quantity.min')}
          value={value.min}
          onChange={(min) => onChange({ ...value, min })}
          path={`${path}.min`}
          min={0}
        />
        <NumField
          label={t('catalogEditor.quantity.max')}
          value={value.max}
          onChange={(max) => onChange({ ...value, max })}
          path={`${path}.max`}
          min={0}
        />
        <NumField
          label={t('catalogEditor.quantity.step')}
          value={value.step}
          onChange={(step) => onChange({ ...value, step })}
          path={`${path}.step`}
          min={1}
        />
      </SimpleGrid>
      {error ? (
        <Text c="red" size="xs">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}

function TermRow({
  index,
  term,
  price,
  path,
  onChange,
  controls,
}: {
  index: number;
  term: string;
  price: number | '';
  path: string;
  onChange: (term: string, price: number | '') => void;
  controls: React.ReactNode;
}) {
  const { t } = useTranslation();
  const termError = useError(`${path}.term`);
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          aria-label={`${t('catalogEditor.plan.term')} ${index + 1}`}
          value={term}
          onChange={(e) => onChange(e.currentTarget.value, price)}
          error={termError}
          placeholder="monthly / 12m"
        />
      </Table.Td>
      <Table.Td>
        <NumField
          label={`${t('catalogEditor.plan.price')} ${term}`}
          hideLabel
          value={price}
          onChange={(p) => onChange(term, p)}
          path={`${path}.price`}
          prefix="¥"
          min={0}
        />
      </Table.Td>
      <Table.Td>{controls}</Table.Td>
    </Table.Tr>
  );
}

function UsageComponentEditor({
  usage,
  path,
  onChange,
  controls,
}: {
  usage: UsageComponent;
  path: string;
  onChange: (u: UsageComponent) => void;
  controls: React.ReactNode;
}) {
  const { t } = useTranslation();
  const label = useItemLabel(usage.name, usage.code, t('catalogEditor.usage.untitled'));
  return (
    <Card
      withBorder
      padding="sm"
      component="section"
      aria-label={`${t('catalogEditor.usage.title')}: ${label}`}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{label}</Text>
          {controls}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextField
            label={t('catalogEditor.code')}
            value={usage.code}
            onChange={(code) => onChange({ ...usage, code })}
            path={`${path}.code`}
            required
          />
          <NativeSelect
            label={t('catalogEditor.usage.tierMode')}
            value={usage.tierMode}
            onChange={(e) => onChange({ ...usage, tierMode: e.currentTarget.value })}
            data={tierModes.map((m) => ({ value: m, label: t(`catalogEditor.usage.tierModes.${m}`) }))}
          />
          <TaxRateField
            value={usage.taxRate}
            onChange={(taxRate) => onChange({ ...usage, taxRate })}
            path={`${path}.taxRate`}
          />
        </SimpleGrid>
        <BilingualInput
          label={t('catalogEditor.name')}
          value={usage.name}
          onChange={(name) => onChange({ ...usage, name })}
          path={`${path}.name`}
          required
        />
        <BilingualInput
          label={t('catalogEditor.usage.unit')}
          value={usage.unit}
          onChange={(unit) => onChange({ ...usage, unit })}
          path={`${path}.unit`}
          required
        />
        <Text size="sm" fw={500}>
          {t('catalogEditor.usage.tiers')}
        </Text>
        <ListError path={`${path}.tiers`} />
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalogEditor.usage.upTo')}</Table.Th>
              <Table.Th>{t('catalogEditor.usage.unitPrice')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {usage.tiers.map((tier, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the items keep no state of their own (the form holds the list), so a moved item just shows the moved values
              <Table.Tr key={`tier-${i}`}>
                <Table.Td>
                  <NumField
                    label={`${t('catalogEditor.usage.upTo')} ${i + 1}`}
                    hideLabel
                    value={tier.upTo}
                    onChange={(upTo) =>
                      onChange({ ...usage, tiers: replaceAt(usage.tiers, i, { ...tier, upTo }) })
                    }
                    path={`${path}.tiers.${i}.upTo`}
                    min={1}
                    description={
                      i === usage.tiers.length - 1 ? t('catalogEditor.usage.openEnded') : undefined
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <NumField
                    label={`${t('catalogEditor.usage.unitPrice')} ${i + 1}`}
                    hideLabel
                    value={tier.unitPrice}
                    onChange={(unitPrice) =>
                      onChange({ ...usage, tiers: replaceAt(usage.tiers, i, { ...tier, unitPrice }) })
                    }
                    path={`${path}.tiers.${i}.unitPrice`}
                    prefix="¥"
                    min={0}
                  />
                </Table.Td>
                <Table.Td>
                  <ListItemControls
                    items={usage.tiers}
                    index={i}
                    name={`${t('catalogEditor.usage.tier')} ${i + 1}`}
                    onChange={(tiers) => onChange({ ...usage, tiers })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <AddItemButton
          small
          onClick={() => onChange({ ...usage, tiers: [...usage.tiers, { upTo: '', unitPrice: '' }] })}
        >
          {t('catalogEditor.usage.addTier')}
        </AddItemButton>
      </Stack>
    </Card>
  );
}

function PlanEditor({
  plan,
  path,
  onChange,
  controls,
}: {
  plan: Plan;
  path: string;
  onChange: (p: Plan) => void;
  controls: React.ReactNode;
}) {
  const { t } = useTranslation();
  const label = useItemLabel(plan.name, plan.code, t('catalogEditor.plan.untitled'));
  const renewalError = useError(`${path}.renewalModes`);
  return (
    <ItemCard kind={t('catalogEditor.plan.title')} label={label} controls={controls}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextField
          label={t('catalogEditor.code')}
          value={plan.code}
          onChange={(code) => onChange({ ...plan, code })}
          path={`${path}.code`}
          required
          description={t('catalogEditor.codeHelp')}
        />
        <TaxRateField
          value={plan.taxRate}
          onChange={(taxRate) => onChange({ ...plan, taxRate })}
          path={`${path}.taxRate`}
        />
        <NumField
          label={t('catalogEditor.setupFee')}
          value={plan.setupFee}
          onChange={(setupFee) => onChange({ ...plan, setupFee })}
          path={`${path}.setupFee`}
          prefix="¥"
          min={0}
        />
      </SimpleGrid>
      <BilingualInput
        label={t('catalogEditor.name')}
        value={plan.name}
        onChange={(name) => onChange({ ...plan, name })}
        path={`${path}.name`}
        required
      />
      <BilingualInput
        label={t('catalogEditor.description')}
        value={plan.description}
        onChange={(description) => onChange({ ...plan, description })}
        path={`${path}.description`}
        multiline
      />
      <Text size="sm" fw={500}>
        {t('catalogEditor.plan.terms')}
      </Text>
      <ListError path={`${path}.terms`} />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalogEditor.plan.term')}</Table.Th>
            <Table.Th>{t('catalogEditor.plan.price')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.terms.map((term, i) => (
            <TermRow
              // biome-ignore lint/suspicious/noArrayIndexKey: the items keep no state of their own (the form holds the list), so a moved item just shows the moved values
              key={`term-${i}`}
              index={i}
              term={term.term}
              price={term.price}
              path={`${path}.terms.${i}`}
              onChange={(termKey, price) =>
                onChange({ ...plan, terms: replaceAt(plan.terms, i, { term: termKey, price }) })
              }
              controls={
                <ListItemControls
                  items={plan.terms}
                  index={i}
                  name={term.term}
                  onChange={(next) => onChange({ ...plan, terms: next })}
                />
              }
            />
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('catalogEditor.plan.termHelp')}
      </Text>
      <AddItemButton
        small
        onClick={() => onChange({ ...plan, terms: [...plan.terms, { term: '', price: '' }] })}
      >
        {t('catalogEditor.plan.addTerm')}
      </AddItemButton>
      <QuantityFields
        value={plan.quantity}
        onChange={(quantity) => onChange({ ...plan, quantity })}
        path={`${path}.quantity`}
      />
      <BilingualInput
        label={t('catalogEditor.quantity.unit')}
        value={plan.quantityUnit}
        onChange={(quantityUnit) => onChange({ ...plan, quantityUnit })}
        path={`${path}.quantityUnit`}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NumField
          label={t('catalogEditor.plan.minimumTerm')}
          value={plan.minimumTermMonths}
          onChange={(minimumTermMonths) => onChange({ ...plan, minimumTermMonths })}
          path={`${path}.minimumTermMonths`}
          suffix={t('catalogEditor.months')}
          min={0}
        />
        <NativeSelect
          label={t('catalogEditor.plan.earlyTermination')}
          value={plan.earlyTermination.kind}
          onChange={(e) =>
            onChange({
              ...plan,
              earlyTermination: { ...plan.earlyTermination, kind: e.currentTarget.value },
            })
          }
          data={earlyTerminationKinds.map((k) => ({
            value: k,
            label: t(`catalogEditor.plan.earlyTerminationKinds.${k}`),
          }))}
          error={useError(`${path}.earlyTermination`)}
        />
        {plan.earlyTermination.kind === 'fixed' ? (
          <NumField
            label={t('catalogEditor.plan.earlyTerminationFee')}
            value={plan.earlyTermination.fee}
            onChange={(fee) => onChange({ ...plan, earlyTermination: { ...plan.earlyTermination, fee } })}
            path={`${path}.earlyTermination.fee`}
            prefix="¥"
            min={0}
          />
        ) : (
          <div />
        )}
        <NativeSelect
          label={t('catalogEditor.plan.billingTiming')}
          value={plan.billingTiming}
          onChange={(e) => onChange({ ...plan, billingTiming: e.currentTarget.value })}
          data={billingTimings.map((b) => ({
            value: b,
            label: t(`catalogEditor.plan.billingTimings.${b}`),
          }))}
        />
        <NativeSelect
          label={t('catalogEditor.plan.confirmationRule')}
          value={plan.confirmationRule}
          onChange={(e) => onChange({ ...plan, confirmationRule: e.currentTarget.value })}
          data={confirmationRules.map((r) => ({
            value: r,
            label: t(`catalogEditor.plan.confirmationRules.${r}`),
          }))}
        />
        <Checkbox.Group
          label={t('catalogEditor.plan.renewalModes')}
          value={plan.renewalModes}
          onChange={(renewal) => onChange({ ...plan, renewalModes: renewal })}
          error={renewalError}
        >
          <Group gap="md" mt={6}>
            {renewalModes.map((m) => (
              <Checkbox key={m} value={m} label={t(`catalogEditor.plan.renewalModeNames.${m}`)} />
            ))}
          </Group>
        </Checkbox.Group>
      </SimpleGrid>
      <Text size="sm" fw={500}>
        {t('catalogEditor.usage.title')}
      </Text>
      <ListError path={`${path}.usageComponents`} />
      {plan.usageComponents.map((usage, i) => (
        <UsageComponentEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: the items keep no state of their own (the form holds the list), so a moved item just shows the moved values
          key={`usage-${i}`}
          usage={usage}
          path={`${path}.usageComponents.${i}`}
          onChange={(u) => onChange({ ...plan, usageComponents: replaceAt(plan.usageComponents, i, u) })}
          controls={
            <ListItemControls
              items={plan.usageComponents}
              index={i}
              name={usage.code}
              onChange={(next) => onChange({ ...plan, usageComponents: next })}
            />
          }
        />
      ))}
      <AddItemButton
        small
        onClick={() => onChange({ ...plan, usageComponents: [...plan.usageComponents, newUsageComponent()] })}
      >
        {t('catalogEditor.usage.add')}
      </AddItemButton>
    </ItemCard>
  );
}

export function PlansEditor({ plans, onChange }: { plans: Plan[]; onChange: (plans: Plan[]) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <ListError path="plans" />
      {plans.map((plan, i) => (
        <PlanEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: the items keep no state of their own (the form holds the list), so a moved item just shows the moved values
          key={`plan-${i}`}
          plan={plan}
          path={`plans.${i}`}
          onChange={(p) => onChange(replaceAt(plans, i, p))}
          controls={<ListItemControls items={plans} index={i} name={plan.code} onChange={onChange} />}
        />
      ))}
      <AddItemButton onClick={() => onChange([...plans, newPlan()])}>
        {t('catalogEditor.plan.add')}
      </AddItemButton>
    </Stack>
  );
}

// The console's billing calendar (/admin/billing-calendar): the default billing profile's editor and its twelve-month schedule.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AdminBillingSchedule,
  agencyClosings,
  type BillingProfileRules,
  closingRules,
  useBillingProfile,
  useBillingSchedule,
  usePutBillingProfile,
} from '../../api/billing-profiles';
import { ProblemAlert } from '../../components/problem';
import { OperatorGate } from './gate';

const profileCode = 'default';
const confirmationRules = ['on_order', 'usage_month_13', 'next_month_13', 'month_after_next_13'] as const;
type ConfirmationRule = (typeof confirmationRules)[number];

function thisMonth(): string {
  // The store's month: Asia/Tokyo, whatever the browser's zone.
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
  }).format(new Date());
}

/** A date as the visitor reads it, with the weekday, e.g. 2026/05/07(木). */
function useDateText() {
  const { i18n } = useTranslation();
  return (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
    }).format(new Date(Date.UTC(y, m - 1, d)));
  };
}

function RulesEditor({ name, latest }: { name: string; latest: BillingProfileRules }) {
  const { t } = useTranslation();
  const put = usePutBillingProfile(profileCode);
  const [rules, setRules] = useState<BillingProfileRules>(latest);
  const [effectiveFrom, setEffectiveFrom] = useState(thisMonth());
  useEffect(() => setRules(latest), [latest]);
  const day = (value: string | number) =>
    typeof value === 'number' ? value : Number.parseInt(value, 10) || 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    put.mutate({ name, effectiveFrom, rules });
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <NativeSelect
            label={t('admin.billingCalendar.closing')}
            value={rules.closing}
            onChange={(e) =>
              setRules({ ...rules, closing: e.currentTarget.value as BillingProfileRules['closing'] })
            }
            data={closingRules.map((c) => ({ value: c, label: t(`admin.billingCalendar.closings.${c}`) }))}
          />
          <NumberInput
            label={t('admin.billingCalendar.reflectionDay')}
            min={1}
            max={28}
            value={rules.reflectionDay}
            onChange={(v) => setRules({ ...rules, reflectionDay: day(v) })}
          />
          <NumberInput
            label={t('admin.billingCalendar.debitDay')}
            min={1}
            max={28}
            value={rules.directDebit.day}
            onChange={(v) => setRules({ ...rules, directDebit: { day: day(v) } })}
          />
          <NumberInput
            label={t('admin.billingCalendar.sendDay')}
            min={1}
            max={28}
            value={rules.bankTransfer.sendDay}
            onChange={(v) => setRules({ ...rules, bankTransfer: { ...rules.bankTransfer, sendDay: day(v) } })}
          />
          <NumberInput
            label={t('admin.billingCalendar.dueAfterDays')}
            min={1}
            max={90}
            value={rules.bankTransfer.dueAfterDays}
            onChange={(v) =>
              setRules({ ...rules, bankTransfer: { ...rules.bankTransfer, dueAfterDays: day(v) } })
            }
          />
          <TextInput
            label={t('admin.billingCalendar.effectiveFrom')}
            description={t('admin.billingCalendar.effectiveFromHelp')}
            value={effectiveFrom}
            onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('admin.billingCalendar.agencyClosings')}
          value={rules.agency.closings}
          onChange={(value) =>
            setRules({
              ...rules,
              agency: { closings: agencyClosings.filter((c) => value.includes(c)) },
            })
          }
        >
          <Group gap="md" mt={6}>
            {agencyClosings.map((c) => (
              <Checkbox key={c} value={c} label={t(`admin.billingCalendar.agency.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        {put.isError ? <ProblemAlert error={put.error} /> : null}
        {put.isSuccess ? (
          <Alert color="green" role="status">
            {t('admin.billingCalendar.saved', { month: put.variables?.effectiveFrom ?? '' })}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={put.isPending}>
            {t('admin.billingCalendar.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ScheduleTable({ schedule, rule }: { schedule: AdminBillingSchedule; rule: ConfirmationRule }) {
  const { t } = useTranslation();
  const date = useDateText();
  // Every month of the schedule may come from another version; the agency columns are those any month offers.
  const closings = agencyClosings.filter((c) =>
    schedule.months.some((m) => m.confirmations.some((x) => x.agency.some((a) => a.closing === c))),
  );
  // A region the keyboard can reach: the table is wider than most screens and has nothing focusable to scroll it by.
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to be scrolled from the keyboard (WCAG 2.1.1)
    <section tabIndex={0} aria-label={t('admin.billingCalendar.table.region')} style={{ overflowX: 'auto' }}>
      <Table striped withTableBorder miw={1100}>
        <Table.Caption>{t('admin.billingCalendar.table.caption', { from: schedule.from })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.billingCalendar.table.month')}</Table.Th>
            <Table.Th>{t('admin.billingCalendar.table.period')}</Table.Th>
            <Table.Th>{t('admin.billingCalendar.table.close')}</Table.Th>
            <Table.Th>{t('admin.billingCalendar.table.confirmation')}</Table.Th>
            <Table.Th>{t('admin.billingCalendar.table.reflection')}</Table.Th>
            <Table.Th>{t('admin.billingCalendar.table.card')}</Table.Th>
            <Table.Th>{t('admin.billingCalendar.table.directDebit')}</Table.Th>
            <Table.Th>{t('admin.billingCalendar.table.sending')}</Table.Th>
            <Table.Th>{t('admin.billingCalendar.table.transferDue')}</Table.Th>
            {closings.map((c) => (
              <Table.Th key={c}>
                {t('admin.billingCalendar.table.agency', {
                  closing: t(`admin.billingCalendar.closings.${c}`),
                })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schedule.months.map((m) => {
            const row = m.confirmations.find((c) => c.rule === rule);
            if (!row) return null;
            return (
              <Table.Tr key={m.month}>
                <Table.Td>{m.month}</Table.Td>
                <Table.Td>
                  {date(m.periodStart)} – {date(m.periodEnd)}
                </Table.Td>
                <Table.Td>{date(m.close)}</Table.Td>
                <Table.Td>{date(row.confirmation)}</Table.Td>
                <Table.Td>{date(row.reflection)}</Table.Td>
                <Table.Td>{date(row.card)}</Table.Td>
                <Table.Td>{date(row.directDebit)}</Table.Td>
                <Table.Td>{date(row.bankTransfer.sending)}</Table.Td>
                <Table.Td>{date(row.bankTransfer.due)}</Table.Td>
                {closings.map((c) => {
                  const due = row.agency.find((a) => a.closing === c);
                  return <Table.Td key={c}>{due ? date(due.due) : '—'}</Table.Td>;
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </section>
  );
}

function BillingCalendarBody() {
  const { t } = useTranslation();
  const profile = useBillingProfile(profileCode);
  const [from, setFrom] = useState(thisMonth());
  const [rule, setRule] = useState<ConfirmationRule>('on_order');
  const validFrom = /^\d{4}-(0[1-9]|1[0-2])$/.test(from) ? from : thisMonth();
  const schedule = useBillingSchedule(profileCode, validFrom);

  if (profile.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.billingCalendar.loading')}</Text>
      </Group>
    );
  }
  if (profile.isError) return <ProblemAlert error={profile.error} />;
  const latest = profile.data.versions.at(-1);
  return (
    <Stack gap="lg">
      <Text>{t('admin.billingCalendar.about')}</Text>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('admin.billingCalendar.editor', { name: profile.data.name })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('admin.billingCalendar.versions', {
              list: profile.data.versions
                .map(
                  (v) =>
                    `${t('admin.billingCalendar.versionFrom', { month: v.effectiveFrom })}: ${t(
                      `admin.billingCalendar.closings.${v.rules.closing}`,
                    )}`,
                )
                .join(' / '),
            })}
          </Text>
          {latest ? <RulesEditor name={profile.data.name} latest={latest.rules} /> : null}
        </Stack>
      </Paper>
      <Group align="flex-end">
        <TextInput
          label={t('admin.billingCalendar.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={160}
        />
        <NativeSelect
          label={t('admin.billingCalendar.rule')}
          value={rule}
          onChange={(e) => setRule(e.currentTarget.value as ConfirmationRule)}
          data={confirmationRules.map((r) => ({ value: r, label: t(`admin.billingCalendar.rules.${r}`) }))}
        />
      </Group>
      {schedule.isError ? <ProblemAlert error={schedule.error} /> : null}
      {schedule.data ? <ScheduleTable schedule={schedule.data} rule={rule} /> : null}
      <Text size="sm" c="dimmed">
        {t('admin.billingCalendar.legend')}
      </Text>
    </Stack>
  );
}

/** The billing calendar page, for the owner and billing staff. */
export function AdminBillingCalendar() {
  const { t } = useTranslation();
  return (
    <OperatorGate
      title={t('admin.billingCalendar.title')}
      about={t('admin.billingCalendar.about')}
      section="billingCalendar"
    >
      {() => <BillingCalendarBody />}
    </OperatorGate>
  );
}

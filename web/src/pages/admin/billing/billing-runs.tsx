// The console's billing runs: every monthly close with its state, counts, totals, who started it and when; closing a month after a dry run that shows what it would write.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type BillingRun, mayBill, useBillingRuns, useStartBillingRun } from '../../../api/admin-billing';
import { EmptyState, EmptyStateText } from '../../../components/empty-state';
import { ProblemAlert } from '../../../components/problem';
import classes from '../admin.module.css';
import { OperatorGate } from '../gate';
import { useOrderFormat } from '../order-format';
import { useMonthText, useProblemAtFields } from './billing-format';

/** Who started a run, in words, and the operator's id under it. */
function StartedBy({ run }: { run: BillingRun }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm">
        {t(`admin.billing.actors.${run.startedBy.kind}`, { defaultValue: t('admin.billing.actors.other') })}
      </Text>
      {run.startedBy.id && (
        <Text size="xs" c="dimmed">
          {run.startedBy.id}
        </Text>
      )}
    </>
  );
}

function RunState({ state }: { state: BillingRun['state'] }) {
  const { t } = useTranslation();
  // Plain text rather than a badge: a badge in a narrow table column is cut to its first letter.
  return (
    <Text size="sm" fw={600} c={state === 'completed' ? 'teal.9' : 'blue.9'} data-state={state}>
      {t(`admin.billing.runStates.${state}`)}
    </Text>
  );
}

function RunList() {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const monthText = useMonthText();
  const runs = useBillingRuns();
  if (runs.isPending)
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  if (runs.isError) return <ProblemAlert error={runs.error} />;
  if (runs.data.length === 0)
    return (
      <EmptyState title={t('admin.billing.runs.emptyTitle')}>
        <EmptyStateText>{t('admin.billing.runs.emptyBody')}</EmptyStateText>
      </EmptyState>
    );
  return (
    <Table.ScrollContainer minWidth={1200}>
      <Table striped withTableBorder data-testid="billing-runs">
        <Table.Caption>{t('admin.billing.runs.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr className={classes.nowrap}>
            <Table.Th>{t('admin.billing.month')}</Table.Th>
            <Table.Th>{t('admin.billing.runs.period')}</Table.Th>
            <Table.Th>{t('admin.billing.runs.profile')}</Table.Th>
            <Table.Th>{t('admin.billing.runs.state')}</Table.Th>
            <Table.Th>{t('admin.billing.runs.invoices')}</Table.Th>
            <Table.Th>{t('admin.billing.runs.lines')}</Table.Th>
            <Table.Th>{t('admin.billing.runs.tax')}</Table.Th>
            <Table.Th>{t('admin.billing.runs.total')}</Table.Th>
            <Table.Th>{t('admin.billing.runs.startedBy')}</Table.Th>
            <Table.Th>{t('admin.billing.runs.startedAt')}</Table.Th>
            <Table.Th>{t('admin.billing.runs.finishedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.data.map((run) => (
            <Table.Tr key={run.id} data-run={run.month}>
              <Table.Td className={classes.nowrap}>
                <Anchor component={Link} to={`/admin/billing/invoices?month=${run.month}`}>
                  {monthText(run.month)}
                </Anchor>
              </Table.Td>
              <Table.Td className={classes.nowrap}>
                {t('admin.billing.range', {
                  from: format.date(run.periodFrom),
                  to: format.date(run.periodThrough),
                })}
              </Table.Td>
              <Table.Td>
                {run.profileId === 'default' ? t('admin.billing.runs.defaultProfile') : run.profileId}
              </Table.Td>
              <Table.Td className={classes.nowrap}>
                <RunState state={run.state} />
              </Table.Td>
              <Table.Td>
                {t('admin.billing.runs.invoiceCount', { count: run.invoiceCount, members: run.memberCount })}
              </Table.Td>
              <Table.Td>{run.lineCount.toLocaleString()}</Table.Td>
              <Table.Td className={classes.nowrap}>{format.yen(run.taxAmount)}</Table.Td>
              <Table.Td className={classes.nowrap}>{format.yen(run.totalAmount)}</Table.Td>
              <Table.Td>
                <StartedBy run={run} />
              </Table.Td>
              <Table.Td className={classes.nowrap}>{format.time(run.startedAt)}</Table.Td>
              <Table.Td className={classes.nowrap}>
                {run.finishedAt ? format.time(run.finishedAt) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Written({ result }: { result: { invoices: number; lines: number; total: number } }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  return (
    <SimpleGrid cols={3} spacing="sm" data-testid="billing-run-written">
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t('admin.billing.runs.invoices')}
        </Text>
        <Text fw={600}>{t('admin.billing.runs.count', { count: result.invoices })}</Text>
      </Stack>
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t('admin.billing.runs.lines')}
        </Text>
        <Text fw={600}>{t('admin.billing.runs.count', { count: result.lines })}</Text>
      </Stack>
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t('admin.billing.runs.total')}
        </Text>
        <Text fw={600}>{format.yen(result.total)}</Text>
      </Stack>
    </SimpleGrid>
  );
}

function CloseMonthForm() {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const preview = useStartBillingRun();
  const close = useStartBillingRun();
  const atFields = useProblemAtFields();
  const monthText = useMonthText();
  const [month, setMonth] = useState('');
  const previewed = preview.isSuccess && preview.variables.month === month ? preview.data : null;
  const closed = close.isSuccess && close.variables.month === month ? close.data : null;
  const error = preview.error ?? close.error;
  const { byField, rest } = atFields(error, ['month'], {});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.reset();
    preview.mutate({ month, dryRun: true });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="close-month-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="close-month-title">
          {t('admin.billing.close.title')}
        </Title>
        <Text size="sm">{t('admin.billing.close.lead')}</Text>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <TextInput
              type="month"
              label={t('admin.billing.month')}
              description={t('admin.billing.close.monthHelp')}
              value={month}
              onChange={(event) => {
                setMonth(event.currentTarget.value);
                preview.reset();
                close.reset();
              }}
              error={byField.month}
              name="month"
              required
              w={220}
            />
            <Button type="submit" variant="default" loading={preview.isPending} disabled={month === ''}>
              {t('admin.billing.close.dryRun')}
            </Button>
          </Group>
        </form>
        {rest && error && <ProblemAlert error={error} />}
        {previewed && !closed && (
          <Alert
            color={previewed.alreadyClosed ? 'gray' : 'blue'}
            title={
              previewed.alreadyClosed
                ? t('admin.billing.close.alreadyClosed', { month: monthText(month) })
                : t('admin.billing.close.wouldWrite', { month: monthText(month) })
            }
            data-testid="billing-run-preview"
          >
            <Stack gap="sm">
              <Written
                result={
                  previewed.alreadyClosed
                    ? {
                        invoices: previewed.run.invoiceCount,
                        lines: previewed.run.lineCount,
                        total: previewed.run.totalAmount,
                      }
                    : previewed.written
                }
              />
              {!previewed.alreadyClosed && (
                <>
                  <Text size="sm">{t('admin.billing.close.confirmLead')}</Text>
                  <Group>
                    <Button
                      color="red"
                      loading={close.isPending}
                      onClick={() => close.mutate({ month, dryRun: false })}
                    >
                      {t('admin.billing.close.confirm', { month: monthText(month) })}
                    </Button>
                    <Button variant="subtle" onClick={() => preview.reset()} disabled={close.isPending}>
                      {t('admin.orders.cancel')}
                    </Button>
                  </Group>
                </>
              )}
            </Stack>
          </Alert>
        )}
        {close.isPending && (
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text size="sm">{t('admin.billing.close.running')}</Text>
          </Group>
        )}
        {closed && (
          <Alert
            color="teal"
            role="status"
            title={t('admin.billing.close.done', { month: monthText(month) })}
            data-testid="billing-run-result"
          >
            <Stack gap="sm">
              <Written result={closed.written} />
              <Text size="sm">
                {t('admin.billing.close.runTotals', {
                  invoices: closed.run.invoiceCount,
                  members: closed.run.memberCount,
                  total: format.yen(closed.run.totalAmount),
                })}
              </Text>
              <Anchor component={Link} to={`/admin/billing/invoices?month=${month}`} size="sm">
                {t('admin.billing.close.seeInvoices')}
              </Anchor>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

export function AdminBillingRuns() {
  const { t } = useTranslation();
  return (
    <OperatorGate
      title={t('admin.billing.runs.title')}
      about={t('admin.billing.runs.about')}
      section="billing"
    >
      {(operator) => (
        <Stack gap="lg">
          {mayBill(operator.roles, 'close') && <CloseMonthForm />}
          <RunList />
        </Stack>
      )}
    </OperatorGate>
  );
}

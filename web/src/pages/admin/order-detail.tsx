// One order in the admin console: contacts, lines with their status and amounts, order fields, consents, timeline, provisioning hand-offs, and the operator's actions on each line.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OperatorProfile } from '../../api/admin';
import {
  type AdminOrder,
  type AdminOrderContact,
  type AdminOrderEvent,
  type AdminOrderLine,
  mayUpdateOrders,
  type ProvisioningRequest,
  useAdminOrder,
  useChangeLineStartDate,
  useConfirmLineStart,
  useMarkLinePreparing,
  useRejectLine,
  useResendProvisioning,
} from '../../api/admin-orders';
import { ApiError } from '../../api/client';
import { formatPhone } from '../../components/phone';
import { ProblemAlert, useFieldErrors } from '../../components/problem';
import classes from './admin.module.css';
import { OperatorGate } from './gate';
import { LineStatusBadge, OrderStatusBadge } from './order-badges';
import { type OrderFormat, useOrderFormat } from './order-format';

function ContactCard({ title, contact }: { title: string; contact: AdminOrderContact }) {
  const { t } = useTranslation();
  const rows: [keyof AdminOrderContact, string | null][] = [
    ['companyName', contact.companyName],
    ['departmentName', contact.departmentName],
    ['name', contact.name],
    ['nameKana', contact.nameKana],
    ['email', contact.email],
    ['phone', formatPhone(contact.phone)],
    ['postalCode', contact.postalCode],
    ['address', contact.address],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder captionSide="top">
      <Table.Caption>{title}</Table.Caption>
      <Table.Tbody>
        {rows.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Th w={140}>{t(`admin.orders.contact.${key}`)}</Table.Th>
            <Table.Td className={classes.breakAll}>{value ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A date picker and a confirm button in a dialog: confirm the start, or move the start date. */
function StartDateDialog({
  line,
  mode,
  opened,
  onClose,
}: {
  line: AdminOrderLine;
  mode: 'confirm' | 'change';
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const confirm = useConfirmLineStart();
  const change = useChangeLineStartDate();
  const action = mode === 'confirm' ? confirm : change;
  const fieldErrors = useFieldErrors();
  const [date, setDate] = useState(line.serviceStartDate ?? '');
  const [reason, setReason] = useState('');
  const server = action.isError
    ? fieldErrors(action.error, ['serviceStartDate', 'note'])
    : { byField: {} as Record<string, string>, other: [] };
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (date === '') {
      setMissing(true);
      return;
    }
    const note = reason.trim();
    action.mutate(
      { lineId: line.id, serviceStartDate: date, ...(mode === 'change' && note !== '' ? { note } : {}) },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      lockScroll={false}
      title={mode === 'confirm' ? t('admin.orders.confirmStart.title') : t('admin.orders.changeStart.title')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {mode === 'confirm'
              ? t('admin.orders.confirmStart.lead', { product: format.name(line.productName) })
              : t('admin.orders.changeStart.lead', { product: format.name(line.productName) })}
          </Text>
          {action.isError && Object.keys(server.byField).length === 0 && (
            <ProblemAlert error={action.error} />
          )}
          <TextInput
            type="date"
            label={t('admin.orders.serviceStartDate')}
            value={date}
            onChange={(event) => {
              setDate(event.currentTarget.value);
              setMissing(false);
              if (action.isError) action.reset();
            }}
            error={missing ? t('admin.orders.dateRequired') : server.byField.serviceStartDate}
            required
            name="serviceStartDate"
          />
          {mode === 'change' && (
            <TextInput
              label={t('admin.orders.changeStart.reason')}
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={server.byField.note}
              name="note"
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('admin.orders.cancel')}
            </Button>
            <Button type="submit" loading={action.isPending}>
              {mode === 'confirm'
                ? t('admin.orders.confirmStart.submit')
                : t('admin.orders.changeStart.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RejectDialog({
  line,
  opened,
  onClose,
}: {
  line: AdminOrderLine;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const reject = useRejectLine();
  const fieldErrors = useFieldErrors();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const server = reject.isError
    ? fieldErrors(reject.error, ['reason'])
    : { byField: {} as Record<string, string>, other: [] };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    reject.mutate({ lineId: line.id, reason: reason.trim() }, { onSuccess: onClose });
  };
  return (
    <Modal opened={opened} onClose={onClose} lockScroll={false} title={t('admin.orders.reject.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('admin.orders.reject.lead', { product: format.name(line.productName) })}</Text>
          {reject.isError && server.byField.reason === undefined && <ProblemAlert error={reject.error} />}
          <Textarea
            label={t('admin.orders.reject.reason')}
            description={t('admin.orders.reject.reasonHelp')}
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('admin.orders.reject.reasonRequired') : server.byField.reason}
            required
            name="reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('admin.orders.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reject.isPending}>
              {t('admin.orders.reject.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const deliveryColor = { pending: 'gray', delivered: 'green', failed: 'red' } as const;

/** Where the hand-off of a line to its provider stands: the webhook and each mail, and a resend when it failed. */
function ProvisioningRequests({
  requests,
  mayUpdate,
  format,
}: {
  requests: ProvisioningRequest[];
  mayUpdate: boolean;
  format: OrderFormat;
}) {
  const { t } = useTranslation();
  const resend = useResendProvisioning();
  if (requests.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('admin.orders.provisioning.none')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {requests.map((request) => {
        const { delivery } = request;
        return (
          <Paper withBorder p="sm" key={request.id} data-provisioning-request={request.id}>
            <Stack gap={6}>
              <Group gap="sm" justify="space-between">
                <Group gap="sm">
                  <Badge
                    variant="light"
                    color={deliveryColor[delivery.status]}
                    data-delivery-status={delivery.status}
                  >
                    {t(`admin.orders.provisioning.statuses.${delivery.status}`)}
                  </Badge>
                  <Text size="sm">
                    {t('admin.orders.provisioning.sent', {
                      count: delivery.sendCount,
                      at: format.time(delivery.lastSentAt),
                    })}
                  </Text>
                </Group>
                {mayUpdate && delivery.status === 'failed' && (
                  <Button
                    size="xs"
                    variant="light"
                    loading={resend.isPending && resend.variables === request.id}
                    onClick={() => resend.mutate(request.id)}
                  >
                    {t('admin.orders.provisioning.resend')}
                  </Button>
                )}
              </Group>
              <Text size="sm" data-channel="webhook">
                {delivery.webhook
                  ? t('admin.orders.provisioning.webhook', {
                      status: t(`admin.orders.provisioning.messageStatuses.${delivery.webhook.status}`, {
                        defaultValue: delivery.webhook.status,
                      }),
                      attempts: delivery.webhook.attempts,
                      code: delivery.webhook.lastStatusCode ?? '—',
                    })
                  : t('admin.orders.provisioning.noWebhook')}
              </Text>
              {delivery.mails.map((mail) => (
                <Text size="sm" key={mail.outboxId} data-channel="mail" className={classes.breakAll}>
                  {t('admin.orders.provisioning.mail', {
                    to: mail.to,
                    status: t(`admin.orders.provisioning.messageStatuses.${mail.status}`, {
                      defaultValue: mail.status,
                    }),
                  })}
                </Text>
              ))}
            </Stack>
          </Paper>
        );
      })}
      {resend.isError && <ProblemAlert error={resend.error} />}
      {resend.isSuccess && (
        <Alert color="green" role="status">
          {t('admin.orders.provisioning.resent')}
        </Alert>
      )}
    </Stack>
  );
}

/** The priced rows of a line as confirmed; the API passes the snapshot through untyped, so it is read defensively. */
interface PricedRow {
  kind: string;
  code: string;
  labelJa: string;
  labelEn: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  taxRate: number;
  recurring: boolean;
}
function pricingOf(pricing: Record<string, unknown>): {
  rows: PricedRow[];
  monthlyAmount: number | null;
  termAmount: number | null;
  oneTimeAmount: number | null;
} {
  const num = (value: unknown) => (typeof value === 'number' ? value : null);
  const rows = Array.isArray(pricing.lines) ? (pricing.lines as PricedRow[]) : [];
  return {
    rows,
    monthlyAmount: num(pricing.monthlyAmount),
    termAmount: num(pricing.termAmount),
    oneTimeAmount: num(pricing.oneTimeAmount),
  };
}

function LineCard({
  line,
  requests,
  mayUpdate,
  format,
}: {
  line: AdminOrderLine;
  requests: ProvisioningRequest[];
  mayUpdate: boolean;
  format: OrderFormat;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'confirm' | 'change' | 'reject' | null>(null);
  const close = () => setDialog(null);
  const open = line.status === 'received' || line.status === 'preparing';
  const preparing = useMarkLinePreparing();
  const fields = Object.entries(line.orderFields);
  const pricing = pricingOf(line.pricing);
  return (
    <Paper withBorder p="md" data-line={line.position}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {format.name(line.productName)}
            </Title>
            <Text size="sm" c="dimmed">
              {t('admin.orders.lineSummary', {
                plan: format.name(line.planName),
                term: format.term(line.term),
                quantity: line.quantity,
              })}
              {line.isTrial && ` · ${t('admin.orders.trial', { days: line.trialDays ?? 0 })}`}
            </Text>
            {line.options.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('admin.orders.options')}:{' '}
                {line.options
                  .map((option) =>
                    option.quantity
                      ? `${format.name(option.name)} × ${option.quantity}`
                      : format.name(option.name),
                  )
                  .join(', ')}
              </Text>
            )}
          </Stack>
          <Stack gap={4} align="flex-end">
            <LineStatusBadge status={line.status} />
            {line.serviceStartDate && (
              <Text size="sm" data-start-date={line.serviceStartDate}>
                {t('admin.orders.startsOn', { date: format.date(line.serviceStartDate) })}
              </Text>
            )}
          </Stack>
        </Group>
        {line.rejectionReason && (
          <Alert color="red" title={t('admin.orders.rejectionReason')}>
            {line.rejectionReason}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.orders.item')}</Table.Th>
                <Table.Th ta="right">{t('admin.orders.unitPrice')}</Table.Th>
                <Table.Th ta="right">{t('admin.orders.quantity')}</Table.Th>
                <Table.Th ta="right">{t('admin.orders.amount')}</Table.Th>
                <Table.Th ta="right">{t('admin.orders.taxRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pricing.rows.map((row) => (
                <Table.Tr key={`${row.kind}-${row.code}`}>
                  <Table.Td>
                    {format.lang === 'en' ? row.labelEn : row.labelJa}
                    {!row.recurring && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        {t('admin.orders.oneTime')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{format.yen(row.unitPrice)}</Table.Td>
                  <Table.Td ta="right">{row.quantity}</Table.Td>
                  <Table.Td ta="right">{format.yen(row.amount)}</Table.Td>
                  <Table.Td ta="right">{row.taxRate}%</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group gap="lg">
          {pricing.monthlyAmount !== null && (
            <Text size="sm">
              {t('admin.orders.monthly')}: {format.yen(pricing.monthlyAmount)}
            </Text>
          )}
          {pricing.termAmount !== null && (
            <Text size="sm">
              {t('admin.orders.perTerm')}: {format.yen(pricing.termAmount)}
            </Text>
          )}
          {pricing.oneTimeAmount !== null && (
            <Text size="sm">
              {t('admin.orders.oneTimeTotal')}: {format.yen(pricing.oneTimeAmount)}
            </Text>
          )}
        </Group>
        <Title order={4} size="h5">
          {t('admin.orders.orderFields')}
        </Title>
        {fields.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('admin.orders.noOrderFields')}
          </Text>
        ) : (
          <Table variant="vertical" layout="fixed" withTableBorder>
            <Table.Tbody>
              {fields.map(([key, value]) => (
                <Table.Tr key={key} data-order-field={key}>
                  <Table.Th w={200}>
                    {format.name(line.orderFieldLabels[key] ?? { ja: key, en: key })}
                  </Table.Th>
                  <Table.Td className={classes.breakAll}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Title order={4} size="h5">
          {t('admin.orders.provisioning.title')}
        </Title>
        <ProvisioningRequests requests={requests} mayUpdate={mayUpdate} format={format} />
        {mayUpdate && (open || line.status === 'started') && (
          <Group gap="xs">
            {line.status === 'received' && (
              <Button variant="light" loading={preparing.isPending} onClick={() => preparing.mutate(line.id)}>
                {t('admin.orders.markPreparing')}
              </Button>
            )}
            {open && (
              <Button onClick={() => setDialog('confirm')}>{t('admin.orders.confirmStart.open')}</Button>
            )}
            {line.status === 'started' && line.serviceStartDate && (
              <Button variant="light" onClick={() => setDialog('change')}>
                {t('admin.orders.changeStart.open')}
              </Button>
            )}
            {open && (
              <Button variant="outline" color="red" onClick={() => setDialog('reject')}>
                {t('admin.orders.reject.open')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {dialog === 'confirm' || dialog === 'change' ? (
        <StartDateDialog line={line} mode={dialog} opened onClose={close} />
      ) : null}
      {preparing.isError && <ProblemAlert error={preparing.error} />}
      {dialog === 'reject' && <RejectDialog line={line} opened onClose={close} />}
    </Paper>
  );
}

/** `operator:opr_…` → the kind (member, operator, provider, system) and the id behind it. */
function actorOf(actor: string): { kind: string; id: string } {
  const [kind = 'system', ...rest] = actor.split(':');
  return { kind, id: rest.join(':') };
}

function Timeline({ order, format }: { order: AdminOrder; format: OrderFormat }) {
  const { t } = useTranslation();
  const lineName = (event: AdminOrderEvent) => {
    const line = order.lines.find((candidate) => candidate.id === event.orderLineId);
    return line ? format.name(line.productName) : null;
  };
  const statusName = (status: string) => t(`admin.orders.lineStatuses.${status}`, { defaultValue: status });
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder data-timeline>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.orders.timeline.at')}</Table.Th>
            <Table.Th>{t('admin.orders.timeline.event')}</Table.Th>
            <Table.Th>{t('admin.orders.timeline.actor')}</Table.Th>
            <Table.Th>{t('admin.orders.timeline.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.timeline.map((event) => {
            const actor = actorOf(event.actor);
            const product = lineName(event);
            return (
              <Table.Tr key={event.id} data-event={event.kind}>
                <Table.Td className={classes.nowrap}>{format.time(event.at)}</Table.Td>
                <Table.Td>
                  {t(`admin.orders.timeline.kinds.${event.kind}`, { defaultValue: event.kind })}
                  {event.toStatus && (
                    <Text span size="sm">
                      {' '}
                      {event.fromStatus
                        ? t('admin.orders.timeline.fromTo', {
                            from: statusName(event.fromStatus),
                            to: statusName(event.toStatus),
                          })
                        : statusName(event.toStatus)}
                    </Text>
                  )}
                  {product && (
                    <Text size="xs" c="dimmed">
                      {product}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {t(`admin.orders.timeline.actors.${actor.kind}`, { defaultValue: actor.kind })}
                  {event.actorName && (
                    <Text size="xs" c="dimmed" className={classes.breakAll} data-actor={actor.id}>
                      {format.name(event.actorName)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className={classes.breakAll}>{event.note ?? ''}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function OrderDetail({ id, operator }: { id: string; operator: OperatorProfile }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const order = useAdminOrder(id);
  const mayUpdate = mayUpdateOrders(operator.roles);
  const back = (
    <Anchor component={Link} to="/admin/orders">
      {t('admin.orders.back')}
    </Anchor>
  );
  if (order.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  }
  if (order.isError) {
    const missing = order.error instanceof ApiError && order.error.status === 404;
    return (
      <Stack gap="md" align="flex-start">
        {back}
        {missing ? (
          <Alert color="yellow" role="alert">
            {t('admin.orders.notFound')}
          </Alert>
        ) : (
          <ProblemAlert error={order.error} />
        )}
      </Stack>
    );
  }
  const data = order.data;
  const summary: { key: 'placedAt' | 'member' | 'paymentMethod' | 'locale'; value: ReactNode }[] = [
    { key: 'placedAt', value: format.time(data.placedAt) },
    {
      key: 'member',
      value: (
        <>
          <Anchor component={Link} to={`/admin/members/${encodeURIComponent(data.member.id)}`}>
            {data.member.loginId}
          </Anchor>
          <Text size="sm">
            {data.member.companyName ? `${data.member.companyName} · ` : ''}
            {data.member.name}
          </Text>
        </>
      ),
    },
    { key: 'paymentMethod', value: format.paymentMethod(data.paymentMethod) },
    { key: 'locale', value: t(`admin.orders.locales.${data.locale}`, { defaultValue: data.locale }) },
  ];
  return (
    <Stack gap="lg">
      {back}
      <Group gap="sm">
        <Title order={2} size="h3" data-order-number>
          {data.number}
        </Title>
        <OrderStatusBadge status={data.status} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Table variant="vertical" layout="fixed" withTableBorder captionSide="top">
          <Table.Caption>{t('admin.orders.summary')}</Table.Caption>
          <Table.Tbody>
            {summary.map(({ key, value }) => (
              <Table.Tr key={key} data-field={key}>
                <Table.Th w={160}>{t(`admin.orders.${key}`)}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Table variant="vertical" layout="fixed" withTableBorder captionSide="top">
          <Table.Caption>{t('admin.orders.amounts')}</Table.Caption>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>{t('admin.orders.subtotal')}</Table.Th>
              <Table.Td ta="right">{format.yen(data.subtotalAmount)}</Table.Td>
            </Table.Tr>
            {data.taxBreakdown.map((rate) => (
              <Table.Tr key={rate.rate}>
                <Table.Th>
                  {t('admin.orders.taxFor', { rate: rate.rate, taxable: format.yen(rate.taxableAmount) })}
                </Table.Th>
                <Table.Td ta="right">{format.yen(rate.taxAmount)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr data-field="total">
              <Table.Th>{t('admin.orders.totalWithTax')}</Table.Th>
              <Table.Td ta="right" fw={700}>
                {format.yen(data.totalAmount)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <ContactCard title={t('admin.orders.customerContact')} contact={data.customerContact} />
        <ContactCard title={t('admin.orders.billingContact')} contact={data.billingContact} />
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('admin.orders.lines')}
      </Title>
      <Stack gap="md">
        {data.lines.map((line) => (
          <LineCard
            key={line.id}
            line={line}
            requests={data.provisioningRequests.filter((request) => request.orderLineId === line.id)}
            mayUpdate={mayUpdate}
            format={format}
          />
        ))}
      </Stack>
      <Title order={2} size="h4">
        {t('admin.orders.consents.title')}
      </Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.orders.consents.kind')}</Table.Th>
            <Table.Th>{t('admin.orders.consents.document')}</Table.Th>
            <Table.Th>{t('admin.orders.consents.version')}</Table.Th>
            <Table.Th>{t('admin.orders.consents.at')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.consents.map((consent) => (
            <Table.Tr key={consent.documentKey} data-consent={consent.documentKey}>
              <Table.Td>
                {t(`admin.orders.consents.kinds.${consent.kind}`, { defaultValue: consent.kind })}
              </Table.Td>
              <Table.Td>{format.name(consent.documentTitle)}</Table.Td>
              <Table.Td>{consent.documentVersion}</Table.Td>
              <Table.Td className={classes.nowrap}>{format.time(consent.consentedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h4">
        {t('admin.orders.timeline.title')}
      </Title>
      <Timeline order={data} format={format} />
    </Stack>
  );
}

export function AdminOrderPage() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  return (
    <OperatorGate title={t('admin.orders.title')} about={t('admin.orders.about')} section="orders">
      {(operator) => <OrderDetail id={orderId} operator={operator} />}
    </OperatorGate>
  );
}

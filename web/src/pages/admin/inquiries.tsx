// The admin inquiry inbox: the filtered list, and one inquiry with its conversation, internal notes, assignment, status and reply.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { OperatorProfile } from '../../api/admin';
import {
  type AdminInquiry,
  type AdminInquiryMessage,
  type InquiryAssignee,
  useAddInquiryNote,
  useAdminInquiry,
  useAssignInquiry,
  useChangeInquiryStatus,
  useInquiryAssignees,
  useInquiryInbox,
  useReplyToInquiry,
} from '../../api/admin-inquiries';
import { ApiError } from '../../api/client';
import {
  type InquiryStatus,
  inquiryCategories,
  inquiryStatuses,
  isInquiryCategory,
} from '../../api/inquiries';
import { InquiryStatusBadge, useInquiryTime } from '../../components/inquiry-status';
import { ProblemAlert, useFieldErrors } from '../../components/problem';
import inquiryClasses from '../inquiry.module.css';
import { OperatorGate } from './gate';
import { offsetParam, Pager } from './pager';

const pageSize = 50;

function isStatus(value: string | null): value is InquiryStatus {
  return value !== null && (inquiryStatuses as readonly string[]).includes(value);
}

/** Operator ids to names; an id the directory does not know (yet) reads "operator". */
function useOperatorName(): (id: string | null) => string {
  const { t } = useTranslation();
  const assignees = useInquiryAssignees();
  return (id) => {
    if (id === null) return t('admin.inquiries.nobody');
    return (
      assignees.data?.find((entry) => entry.id === id)?.displayName ?? t('admin.inquiries.unknownOperator')
    );
  };
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Group gap="sm" role="status">
      <Loader size="sm" />
      <Text>{t('admin.inquiries.loading')}</Text>
    </Group>
  );
}

function Inbox() {
  const { t } = useTranslation();
  const time = useInquiryTime();
  const operatorName = useOperatorName();
  // Filters live in the URL, so a filtered inbox can be bookmarked and Back returns to it.
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const category = params.get('category');
  const assignee = params.get('assignee') ?? '';
  const q = params.get('q') ?? '';
  const offset = offsetParam(params);
  const [keyword, setKeyword] = useState(q);
  const inbox = useInquiryInbox({
    status: isStatus(status) ? status : undefined,
    category: isInquiryCategory(category) ? category : undefined,
    assignee: assignee === '' ? undefined : assignee,
    q: q === '' ? undefined : q,
    limit: pageSize,
    offset,
  });

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name);
    else next.set(name, value);
    next.delete('offset');
    setParams(next);
  };
  const setOffset = (value: number) => {
    const next = new URLSearchParams(params);
    if (value === 0) next.delete('offset');
    else next.set('offset', String(value));
    setParams(next);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilter('q', keyword.trim());
  };

  let table = null;
  if (inbox.isPending) table = <Loading />;
  else if (inbox.isError) table = <ProblemAlert error={inbox.error} />;
  else if (inbox.data.total === 0) table = <Text c="dimmed">{t('admin.inquiries.none')}</Text>;
  else {
    const page = inbox.data;
    table = (
      <Stack gap="sm">
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover withTableBorder>
            <Table.Caption>
              {t('admin.inquiries.caption', {
                total: page.total,
                from: page.offset + 1,
                to: page.offset + page.items.length,
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.inquiries.number')}</Table.Th>
                <Table.Th>{t('admin.inquiries.subject')}</Table.Th>
                <Table.Th>{t('admin.inquiries.contact')}</Table.Th>
                <Table.Th>{t('admin.inquiries.status')}</Table.Th>
                <Table.Th>{t('admin.inquiries.assignee')}</Table.Th>
                <Table.Th>{t('admin.inquiries.updatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((item) => (
                <Table.Tr key={item.id} data-inquiry={item.number}>
                  <Table.Td className={inquiryClasses.nowrap}>
                    <Anchor component={Link} to={`/admin/inquiries/${encodeURIComponent(item.id)}`}>
                      {item.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/admin/inquiries/${encodeURIComponent(item.id)}`}
                      size="sm"
                      display="block"
                    >
                      {item.subject}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`inquiry.categories.${item.category}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.contactName}</Text>
                    <Text size="xs" c="dimmed">
                      {item.memberId ? t('admin.inquiries.member') : t('admin.inquiries.guest')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <InquiryStatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={item.assigneeOperatorId ? undefined : 'dimmed'}>
                      {operatorName(item.assigneeOperatorId)}
                    </Text>
                  </Table.Td>
                  <Table.Td className={inquiryClasses.nowrap}>{time(item.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager
          total={page.total}
          offset={page.offset}
          shown={page.items.length}
          pageSize={pageSize}
          prevLabel={t('admin.inquiries.prev')}
          nextLabel={t('admin.inquiries.next')}
          onOffset={setOffset}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-label={t('admin.inquiries.filters')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('admin.inquiries.status')}
            value={isStatus(status) ? status : ''}
            onChange={(event) => setFilter('status', event.currentTarget.value)}
            data={[
              { value: '', label: t('admin.inquiries.allStatuses') },
              ...inquiryStatuses.map((value) => ({ value, label: t(`inquiry.statuses.${value}`) })),
            ]}
            name="status"
          />
          <NativeSelect
            label={t('admin.inquiries.category')}
            value={isInquiryCategory(category) ? category : ''}
            onChange={(event) => setFilter('category', event.currentTarget.value)}
            data={[
              { value: '', label: t('admin.inquiries.allCategories') },
              ...inquiryCategories.map((value) => ({ value, label: t(`inquiry.categories.${value}`) })),
            ]}
            name="category"
          />
          <NativeSelect
            label={t('admin.inquiries.assignee')}
            value={assignee === 'me' || assignee === 'none' ? assignee : ''}
            onChange={(event) => setFilter('assignee', event.currentTarget.value)}
            data={[
              { value: '', label: t('admin.inquiries.anyAssignee') },
              { value: 'me', label: t('admin.inquiries.mine') },
              { value: 'none', label: t('admin.inquiries.unassigned') },
            ]}
            name="assignee"
          />
          <form onSubmit={search}>
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t('admin.inquiries.search')}
                placeholder={t('admin.inquiries.searchPlaceholder')}
                value={keyword}
                onChange={(event) => setKeyword(event.currentTarget.value)}
                maxLength={200}
                name="q"
                w={260}
              />
              <Button type="submit" variant="default">
                {t('admin.inquiries.searchSubmit')}
              </Button>
            </Group>
          </form>
        </Group>
      </Paper>
      {table}
    </Stack>
  );
}

function ThreadMessage({
  direction,
  authorName,
  at,
  body,
}: {
  direction: AdminInquiryMessage['direction'];
  authorName: string;
  at: string;
  body: string;
}) {
  const { t } = useTranslation();
  const time = useInquiryTime();
  const className =
    direction === 'internal_note'
      ? inquiryClasses.note
      : direction === 'to_customer'
        ? inquiryClasses.reply
        : inquiryClasses.customer;
  const who =
    direction === 'internal_note'
      ? t('admin.inquiries.note', { name: authorName })
      : direction === 'to_customer'
        ? t('admin.inquiries.toCustomer', { name: authorName })
        : t('admin.inquiries.fromCustomer');
  return (
    <Paper withBorder p="md" className={className} data-direction={direction}>
      <Group justify="space-between" mb="xs" gap="xs">
        <Group gap="xs">
          <Text fw={700} size="sm">
            {who}
          </Text>
          {direction === 'internal_note' && (
            <Badge color="yellow" variant="filled" size="sm">
              {t('admin.inquiries.noteBadge')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {time(at)}
        </Text>
      </Group>
      <Text component="div" className={inquiryClasses.body}>
        {body}
      </Text>
    </Paper>
  );
}

function Assignment({
  inquiry,
  operator,
  assignees,
}: {
  inquiry: AdminInquiry;
  operator: OperatorProfile;
  assignees: InquiryAssignee[];
}) {
  const { t } = useTranslation();
  const assign = useAssignInquiry(inquiry.id);
  const [choice, setChoice] = useState(inquiry.assigneeOperatorId ?? '');
  const options = assignees.filter((entry) => entry.assignable || entry.id === inquiry.assigneeOperatorId);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('admin.inquiries.assign')}
      </Title>
      <Group align="flex-end" gap="xs">
        <NativeSelect
          label={t('admin.inquiries.assignTo')}
          value={choice}
          onChange={(event) => setChoice(event.currentTarget.value)}
          data={[
            { value: '', label: t('admin.inquiries.nobody') },
            ...options.map((entry) => ({ value: entry.id, label: entry.displayName })),
          ]}
          name="assignee"
        />
        <Button
          variant="default"
          loading={assign.isPending && assign.variables !== operator.id}
          disabled={choice === (inquiry.assigneeOperatorId ?? '')}
          onClick={() => assign.mutate(choice === '' ? null : choice)}
        >
          {choice === '' && inquiry.assigneeOperatorId !== null
            ? t('admin.inquiries.release')
            : t('admin.inquiries.assignSave')}
        </Button>
        {inquiry.assigneeOperatorId !== operator.id && (
          <Button
            variant="light"
            loading={assign.isPending && assign.variables === operator.id}
            onClick={() =>
              assign.mutate(operator.id, {
                onSuccess: () => setChoice(operator.id),
              })
            }
          >
            {t('admin.inquiries.assignMe')}
          </Button>
        )}
      </Group>
      {assign.isError && <ProblemAlert error={assign.error} />}
    </Stack>
  );
}

function StatusChange({ inquiry }: { inquiry: AdminInquiry }) {
  const { t } = useTranslation();
  const change = useChangeInquiryStatus(inquiry.id);
  const [reason, setReason] = useState('');
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('admin.inquiries.statusChange')}
      </Title>
      {inquiry.nextStatuses.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.inquiries.noTransitions')}
        </Text>
      ) : (
        <>
          <TextInput
            label={t('admin.inquiries.reason')}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.currentTarget.value)}
            name="reason"
          />
          <Group gap="xs">
            {/* Only the steps the server's state machine allows from here are offered. */}
            {inquiry.nextStatuses.map((status) => (
              <Button
                key={status}
                variant={status === 'closed' ? 'outline' : 'light'}
                color={status === 'closed' ? 'gray' : undefined}
                loading={change.isPending && change.variables?.status === status}
                data-next-status={status}
                onClick={() =>
                  change.mutate(
                    { status, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) },
                    { onSuccess: () => setReason('') },
                  )
                }
              >
                {t('admin.inquiries.statusTo', { status: t(`inquiry.statuses.${status}`) })}
              </Button>
            ))}
          </Group>
        </>
      )}
      {change.isError && <ProblemAlert error={change.error} />}
    </Stack>
  );
}

function MessageForm({ kind, inquiry }: { kind: 'reply' | 'note'; inquiry: AdminInquiry }) {
  const { t } = useTranslation();
  const reply = useReplyToInquiry(inquiry.id);
  const note = useAddInquiryNote(inquiry.id);
  const action = kind === 'reply' ? reply : note;
  const fieldErrors = useFieldErrors();
  const [body, setBody] = useState('');
  const server = action.isError ? fieldErrors(action.error, ['body']) : { byField: {}, other: [] };
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (action.isPending || body.trim() === '') return;
    action.mutate(body.trim(), { onSuccess: () => setBody('') });
  };
  return (
    <Paper withBorder p="md" className={kind === 'note' ? inquiryClasses.note : undefined}>
      <form onSubmit={send} noValidate data-form={kind}>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {kind === 'reply' ? t('admin.inquiries.reply') : t('admin.inquiries.addNote')}
          </Title>
          {action.isSuccess && body === '' && (
            <Alert color="green" role="status">
              {kind === 'reply' ? t('admin.inquiries.replySent') : t('admin.inquiries.noteAdded')}
            </Alert>
          )}
          {action.isError && server.byField.body === undefined && <ProblemAlert error={action.error} />}
          <Textarea
            label={kind === 'reply' ? t('admin.inquiries.replyLabel') : t('admin.inquiries.noteLabel')}
            autosize
            minRows={kind === 'reply' ? 5 : 2}
            maxLength={5000}
            value={body}
            onChange={(event) => {
              setBody(event.currentTarget.value);
              if (action.isError || action.isSuccess) action.reset();
            }}
            error={server.byField.body}
            name={kind === 'reply' ? 'reply' : 'note'}
          />
          <Group>
            <Button
              type="submit"
              loading={action.isPending}
              disabled={body.trim() === ''}
              variant={kind === 'reply' ? 'filled' : 'light'}
              color={kind === 'reply' ? undefined : 'yellow'}
            >
              {kind === 'reply' ? t('admin.inquiries.replySubmit') : t('admin.inquiries.noteSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function InquiryDetail({ id, operator }: { id: string; operator: OperatorProfile }) {
  const { t } = useTranslation();
  const time = useInquiryTime();
  const inquiry = useAdminInquiry(id);
  const assignees = useInquiryAssignees();
  const operatorName = useOperatorName();
  const back = (
    <Anchor component={Link} to="/admin/inquiries">
      {t('admin.inquiries.back')}
    </Anchor>
  );
  if (inquiry.isPending) return <Loading />;
  if (inquiry.isError) {
    const missing = inquiry.error instanceof ApiError && inquiry.error.status === 404;
    return (
      <Stack gap="md" align="flex-start">
        {back}
        {missing ? (
          <Alert color="yellow" role="alert">
            {t('inquiry.mine.notFound')}
          </Alert>
        ) : (
          <ProblemAlert error={inquiry.error} />
        )}
      </Stack>
    );
  }
  const data = inquiry.data;
  const rows = [
    { id: 'contactName', label: t('admin.inquiries.contactName'), value: data.contactName },
    { id: 'contactEmail', label: t('admin.inquiries.contactEmail'), value: data.contactEmail },
    { id: 'contactPhone', label: t('admin.inquiries.contactPhone'), value: data.contactPhone ?? '—' },
    {
      id: 'member',
      label: t('admin.inquiries.memberId'),
      value: data.memberId ?? t('admin.inquiries.guest'),
    },
    { id: 'category', label: t('admin.inquiries.category'), value: t(`inquiry.categories.${data.category}`) },
    {
      id: 'locale',
      label: t('admin.inquiries.locale'),
      value: t(`admin.inquiries.localeNames.${data.locale}`),
    },
    { id: 'createdAt', label: t('admin.inquiries.createdAt'), value: time(data.createdAt) },
    { id: 'assignee', label: t('admin.inquiries.assignee'), value: operatorName(data.assigneeOperatorId) },
  ];
  return (
    <Stack gap="md" className={inquiryClasses.wide}>
      {back}
      <Stack gap={4}>
        <Group gap="sm">
          <Text fw={700} data-inquiry-number>
            {data.number}
          </Text>
          <InquiryStatusBadge status={data.status} />
        </Group>
        <Title order={2} size="h3">
          {data.subject}
        </Title>
      </Stack>
      <Table variant="vertical" layout="fixed" withTableBorder className={inquiryClasses.details}>
        <Table.Caption>{t('admin.inquiries.details')}</Table.Caption>
        <Table.Tbody>
          {rows.map(({ id: rowId, label, value }) => (
            <Table.Tr key={rowId} data-field={rowId}>
              <Table.Th className={inquiryClasses.label}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="md">
        <Stack gap="md">
          <Assignment
            key={data.assigneeOperatorId ?? ''}
            inquiry={data}
            operator={operator}
            assignees={assignees.data ?? []}
          />
          <StatusChange inquiry={data} />
        </Stack>
      </Paper>
      <Title order={3} size="h4">
        {t('admin.inquiries.thread')}
      </Title>
      <Stack gap="sm">
        <ThreadMessage direction="from_customer" authorName="" at={data.createdAt} body={data.message} />
        {data.messages.map((message) => (
          <ThreadMessage
            key={message.id}
            direction={message.direction}
            authorName={operatorName(message.authorId)}
            at={message.createdAt}
            body={message.body}
          />
        ))}
      </Stack>
      {data.status === 'closed' ? (
        <Alert color="gray">{t('admin.inquiries.closed')}</Alert>
      ) : (
        <>
          <MessageForm kind="reply" inquiry={data} />
          <MessageForm kind="note" inquiry={data} />
        </>
      )}
    </Stack>
  );
}

export function AdminInquiries() {
  const { t } = useTranslation();
  const { inquiryId } = useParams();
  return (
    <OperatorGate title={t('admin.inquiries.title')} about={t('admin.inquiries.about')} section="inquiries">
      {(operator) =>
        inquiryId === undefined ? <Inbox /> : <InquiryDetail id={inquiryId} operator={operator} />
      }
    </OperatorGate>
  );
}

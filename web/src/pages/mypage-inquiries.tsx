// My Page inquiries: the member's list, and one inquiry's conversation (no internal notes exist here) with a follow-up form.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import {
  type MyInquiry,
  type MyInquirySummary,
  useAddMyInquiryMessage,
  useMyInquiries,
  useMyInquiry,
} from '../api/inquiries';
import { EmptyState, EmptyStateText } from '../components/empty-state';
import { InquiryStatusBadge, useInquiryTime } from '../components/inquiry-status';
import { ProblemAlert, useFieldErrors } from '../components/problem';
import { SignInActions, WithMember } from '../components/with-member';
import classes from './inquiry.module.css';

function Loading() {
  const { t } = useTranslation();
  return (
    <Group gap="sm" role="status">
      <Loader size="sm" />
      <Text>{t('inquiry.mine.loading')}</Text>
    </Group>
  );
}

function NewInquiryButton() {
  const { t } = useTranslation();
  return (
    <Button component={Link} to="/inquiry" variant="light">
      {t('inquiry.mine.new')}
    </Button>
  );
}

function InquiryList({ items }: { items: MyInquirySummary[] }) {
  const { t } = useTranslation();
  const time = useInquiryTime();
  if (items.length === 0) {
    return (
      <EmptyState title={t('inquiry.mine.noneTitle')} action={<NewInquiryButton />}>
        <EmptyStateText>{t('inquiry.mine.noneBody')}</EmptyStateText>
      </EmptyState>
    );
  }
  return (
    <Stack gap="md">
      <Group>
        <NewInquiryButton />
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table striped highlightOnHover withTableBorder>
          <Table.Caption>{t('inquiry.mine.caption', { count: items.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inquiry.mine.number')}</Table.Th>
              <Table.Th>{t('inquiry.mine.subject')}</Table.Th>
              <Table.Th>{t('inquiry.mine.status')}</Table.Th>
              <Table.Th>{t('inquiry.mine.updatedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-inquiry={item.number}>
                <Table.Td className={classes.nowrap}>
                  <Anchor component={Link} to={`/mypage/inquiries/${encodeURIComponent(item.id)}`}>
                    {item.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.subject}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`inquiry.categories.${item.category}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <InquiryStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td className={classes.nowrap}>{time(item.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function MyInquiriesBody() {
  const { t } = useTranslation();
  const list = useMyInquiries(true);
  if (list.isPending) return <Loading />;
  if (list.isError) {
    return (
      <ProblemAlert error={list.error}>
        <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void list.refetch()}>
          {t('mypage.loadError.retry')}
        </Button>
      </ProblemAlert>
    );
  }
  return <InquiryList items={list.data} />;
}

function signedOut(t: (key: 'inquiry.mine.emptyTitle' | 'inquiry.mine.emptyBody') => string) {
  return (
    <EmptyState title={t('inquiry.mine.emptyTitle')} action={<SignInActions />}>
      <EmptyStateText>{t('inquiry.mine.emptyBody')}</EmptyStateText>
    </EmptyState>
  );
}

export function MypageInquiries() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('inquiry.mine.title')}</Title>
      <WithMember signedOut={signedOut(t)}>{() => <MyInquiriesBody />}</WithMember>
    </Stack>
  );
}

function ThreadEntry({ from, at, body }: { from: 'customer' | 'store'; at: string; body: string }) {
  const { t } = useTranslation();
  const time = useInquiryTime();
  return (
    <Paper
      withBorder
      p="md"
      className={from === 'store' ? classes.reply : classes.customer}
      data-direction={from === 'store' ? 'to_customer' : 'from_customer'}
    >
      <Group justify="space-between" mb="xs" gap="xs">
        <Text fw={700} size="sm">
          {from === 'store' ? t('inquiry.mine.store') : t('inquiry.mine.you')}
        </Text>
        <Text size="xs" c="dimmed">
          {time(at)}
        </Text>
      </Group>
      <Text component="div" className={classes.body}>
        {body}
      </Text>
    </Paper>
  );
}

function FollowUpForm({ inquiry }: { inquiry: MyInquiry }) {
  const { t } = useTranslation();
  const add = useAddMyInquiryMessage(inquiry.id);
  const fieldErrors = useFieldErrors();
  const [body, setBody] = useState('');
  const server = add.isError ? fieldErrors(add.error, ['body']) : { byField: {}, other: [] };
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending || body.trim() === '') return;
    add.mutate(body.trim(), { onSuccess: () => setBody('') });
  };
  return (
    <Paper withBorder p="lg">
      <form onSubmit={send} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('inquiry.mine.followUpTitle')}
          </Title>
          {add.isSuccess && body === '' && (
            <Alert color="green" role="status">
              {t('inquiry.mine.followUpSent')}
            </Alert>
          )}
          {add.isError && server.byField.body === undefined && <ProblemAlert error={add.error} />}
          <Textarea
            label={t('inquiry.mine.followUpLabel')}
            autosize
            minRows={4}
            maxLength={5000}
            value={body}
            onChange={(event) => {
              setBody(event.currentTarget.value);
              if (add.isError || add.isSuccess) add.reset();
            }}
            error={server.byField.body}
            name="body"
          />
          <Group>
            <Button type="submit" loading={add.isPending} disabled={body.trim() === ''}>
              {t('inquiry.mine.followUpSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function MyInquiryBody({ id }: { id: string }) {
  const { t } = useTranslation();
  const time = useInquiryTime();
  const inquiry = useMyInquiry(id, true);
  const back = (
    <Anchor component={Link} to="/mypage/inquiries">
      {t('inquiry.mine.back')}
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
  return (
    <Stack gap="md" className={classes.wide}>
      {back}
      <Stack gap={4}>
        <Group gap="sm">
          <Text className={classes.nowrap} fw={700} data-inquiry-number>
            {data.number}
          </Text>
          <InquiryStatusBadge status={data.status} />
          <Text size="sm" c="dimmed">
            {t(`inquiry.categories.${data.category}`)}
          </Text>
        </Group>
        <Title order={2} size="h3">
          {data.subject}
        </Title>
        <Text size="sm" c="dimmed">
          {t('inquiry.mine.receivedAt')}: {time(data.createdAt)}
        </Text>
      </Stack>
      <Stack gap="sm" aria-label={t('inquiry.mine.thread')}>
        <ThreadEntry from="customer" at={data.createdAt} body={data.message} />
        {data.messages.map((message) => (
          <ThreadEntry
            key={message.id}
            from={message.direction === 'to_customer' ? 'store' : 'customer'}
            at={message.createdAt}
            body={message.body}
          />
        ))}
      </Stack>
      {data.status === 'closed' ? (
        <Alert color="gray">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('inquiry.mine.closedNote')}</Text>
            <NewInquiryButton />
          </Stack>
        </Alert>
      ) : (
        <FollowUpForm inquiry={data} />
      )}
    </Stack>
  );
}

export function MypageInquiry() {
  const { t } = useTranslation();
  const { inquiryId = '' } = useParams();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('inquiry.mine.title')}</Title>
      <WithMember signedOut={signedOut(t)}>{() => <MyInquiryBody id={inquiryId} />}</WithMember>
    </Stack>
  );
}

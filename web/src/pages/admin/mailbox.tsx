// The dev mailbox: mail (no SMTP) and SMS (no Twilio) the store kept instead of sending, newest first; credentials for the owner only.
import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { type DevMail, type DevSms, useDevSms, useMailbox } from '../../api/admin';
import { useMail } from '../../api/admin-accounts';
import { EmptyState, EmptyStateText } from '../../components/empty-state';
import { ProblemAlert } from '../../components/problem';
import classes from './admin.module.css';
import { OperatorGate } from './gate';

function useDeliveredAt(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Asia/Tokyo',
  });
  return (iso) => format.format(new Date(iso));
}

function MailList({ mails }: { mails: DevMail[] }) {
  const { t } = useTranslation();
  const deliveredAt = useDeliveredAt();
  if (mails.length === 0) {
    return (
      <EmptyState title={t('admin.mailbox.emptyTitle')}>
        <EmptyStateText>{t('admin.mailbox.emptyBody')}</EmptyStateText>
      </EmptyState>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover withTableBorder>
        <Table.Caption>{t('admin.mailbox.caption', { count: mails.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.mailbox.subject')}</Table.Th>
            <Table.Th>{t('admin.mailbox.to')}</Table.Th>
            <Table.Th>{t('admin.mailbox.deliveredAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mails.map((mail) => (
            <Table.Tr key={mail.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/mailbox/${encodeURIComponent(mail.id)}`}>
                  {mail.subject}
                </Anchor>
                {mail.withheld && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {t('admin.mailbox.withheldShort')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{mail.to}</Table.Td>
              <Table.Td className={classes.nowrap}>{deliveredAt(mail.deliveredAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MailDetail({ mail }: { mail: DevMail }) {
  const { t } = useTranslation();
  const deliveredAt = useDeliveredAt();
  const rows = [
    { id: 'from', label: t('admin.mailbox.from'), value: mail.from },
    { id: 'to', label: t('admin.mailbox.to'), value: mail.to },
    { id: 'deliveredAt', label: t('admin.mailbox.deliveredAt'), value: deliveredAt(mail.deliveredAt) },
    { id: 'messageId', label: t('admin.mailbox.messageId'), value: mail.messageId },
  ];
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {mail.subject}
      </Title>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(({ id, label, value }) => (
            <Table.Tr key={id}>
              <Table.Th w={160}>{label}</Table.Th>
              <Table.Td className={classes.breakAll}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {mail.text === null ? (
        <Alert color="gray" role="note">
          {t('admin.mailbox.withheld')}
        </Alert>
      ) : (
        // The text part only: it is shown as text, so nothing in a mail can run or load in the console.
        <Paper
          withBorder
          p="md"
          component="pre"
          className={classes.mailText}
          aria-label={t('admin.mailbox.body')}
        >
          {mail.text}
        </Paper>
      )}
    </Stack>
  );
}

function SmsList({ messages }: { messages: DevSms[] }) {
  const { t } = useTranslation();
  const deliveredAt = useDeliveredAt();
  if (messages.length === 0) {
    return (
      <EmptyState title={t('admin.mailbox.smsEmptyTitle')}>
        <EmptyStateText>{t('admin.mailbox.smsEmptyBody')}</EmptyStateText>
      </EmptyState>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder>
        <Table.Caption>{t('admin.mailbox.smsCaption', { count: messages.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.mailbox.smsBody')}</Table.Th>
            <Table.Th>{t('admin.mailbox.to')}</Table.Th>
            <Table.Th>{t('admin.mailbox.deliveredAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((sms) => (
            <Table.Tr key={sms.id}>
              <Table.Td className={classes.breakAll}>
                {sms.body === null ? (
                  <Text size="sm" c="dimmed">
                    {t('admin.mailbox.withheld')}
                  </Text>
                ) : (
                  sms.body
                )}
              </Table.Td>
              <Table.Td className={classes.nowrap}>{sms.to}</Table.Td>
              <Table.Td className={classes.nowrap}>{deliveredAt(sms.deliveredAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SmsBody() {
  const { t } = useTranslation();
  const sms = useDevSms();
  if (sms.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.mailbox.smsLoading')}</Text>
      </Group>
    );
  }
  if (sms.isError) {
    return (
      <ProblemAlert error={sms.error}>
        <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void sms.refetch()}>
          {t('admin.loadError.retry')}
        </Button>
      </ProblemAlert>
    );
  }
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed">{t('admin.mailbox.smsLead')}</Text>
        <Button size="xs" variant="default" loading={sms.isFetching} onClick={() => void sms.refetch()}>
          {t('admin.mailbox.refresh')}
        </Button>
      </Group>
      <SmsList messages={sms.data} />
    </Stack>
  );
}

/** The two lists as tabs; the chosen one is in the address (`?channel=sms`), so a reload keeps it. */
function OutboxTabs() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const channel = search.get('channel') === 'sms' ? 'sms' : 'mail';
  return (
    <Tabs
      value={channel}
      onChange={(value) => setSearch(value === 'sms' ? { channel: 'sms' } : {}, { replace: true })}
      keepMounted={false}
    >
      <Tabs.List mb="md">
        <Tabs.Tab value="mail">{t('admin.mailbox.tabMail')}</Tabs.Tab>
        <Tabs.Tab value="sms">{t('admin.mailbox.tabSms')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="mail">
        <MailboxBody mailId={undefined} />
      </Tabs.Panel>
      <Tabs.Panel value="sms">
        <SmsBody />
      </Tabs.Panel>
    </Tabs>
  );
}

function MailboxBody({ mailId }: { mailId: string | undefined }) {
  const { t } = useTranslation();
  const mailbox = useMailbox();
  // A mail older than the newest page is fetched by itself.
  const listed =
    mailId === undefined ? undefined : mailbox.data?.find((candidate) => candidate.id === mailId);
  const single = useMail(mailId !== undefined && mailbox.isSuccess && !listed ? mailId : undefined);
  if (mailbox.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.mailbox.loading')}</Text>
      </Group>
    );
  }
  if (mailbox.isError) {
    return (
      <ProblemAlert error={mailbox.error}>
        <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void mailbox.refetch()}>
          {t('admin.loadError.retry')}
        </Button>
      </ProblemAlert>
    );
  }
  if (mailId === undefined) {
    return (
      <Stack gap="md">
        <Group justify="space-between">
          <Text c="dimmed">{t('admin.mailbox.lead')}</Text>
          <Button
            size="xs"
            variant="default"
            loading={mailbox.isFetching}
            onClick={() => void mailbox.refetch()}
          >
            {t('admin.mailbox.refresh')}
          </Button>
        </Group>
        <MailList mails={mailbox.data} />
      </Stack>
    );
  }
  const mail = listed ?? single.data;
  if (!mail && single.isPending && single.fetchStatus !== 'idle') {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.mailbox.loading')}</Text>
      </Group>
    );
  }
  return (
    <Stack gap="md" align="flex-start">
      <Anchor component={Link} to="/admin/mailbox">
        {t('admin.mailbox.back')}
      </Anchor>
      {mail ? (
        <MailDetail mail={mail} />
      ) : (
        <Alert color="yellow" role="alert">
          {t('admin.mailbox.notFound')}
        </Alert>
      )}
    </Stack>
  );
}

export function AdminMailbox() {
  const { t } = useTranslation();
  const { mailId } = useParams();
  return (
    <OperatorGate title={t('admin.mailbox.title')} about={t('admin.mailbox.about')} section="mailbox">
      {() => (mailId === undefined ? <OutboxTabs /> : <MailboxBody mailId={mailId} />)}
    </OperatorGate>
  );
}

// My Page security: recent sign-ins (time in JST, address, browser) and the devices signed in now, with sign-out buttons.
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type ActiveSession,
  type SignInEntry,
  useMySessions,
  useMySignIns,
  useRevokeSession,
  useRevokeSessions,
} from '../api/sessions';
import { ProblemAlert } from '../components/problem';

/** Date and time in the store's zone, whatever zone the browser is in. */
function useDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  });
  return (iso) => format.format(new Date(iso));
}

function SignInRow({ entry }: { entry: SignInEntry }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  return (
    <Table.Tr>
      <Table.Td>{dateTime(entry.at)}</Table.Td>
      <Table.Td>
        <Group gap={6}>
          {entry.outcome === 'succeeded' ? (
            <Badge color="green" variant="light">
              {t('mypageSessions.signIns.succeeded')}
            </Badge>
          ) : (
            <Badge color="red" variant="light">
              {t('mypageSessions.signIns.failed')}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {t(`mypageSessions.signIns.method.${entry.method}`)}
          </Text>
          {entry.current && (
            <Badge color="blue" variant="outline">
              {t('mypageSessions.thisDevice')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{entry.ipAddress ?? t('mypageSessions.unknown')}</Table.Td>
      <Table.Td>{entry.browser || t('mypageSessions.unknown')}</Table.Td>
    </Table.Tr>
  );
}

/** The last 20 sign-ins, so a member can spot one that was not theirs. */
export function SignInHistory() {
  const { t } = useTranslation();
  const signIns = useMySignIns();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sign-ins-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="sign-ins-title">
            {t('mypageSessions.signIns.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mypageSessions.signIns.lead')}
          </Text>
        </Stack>
        {signIns.isPending && <Loader size="sm" aria-label={t('mypageSessions.loading')} />}
        {signIns.isError && <ProblemAlert error={signIns.error} />}
        {signIns.data && signIns.data.length === 0 && <Text>{t('mypageSessions.signIns.empty')}</Text>}
        {signIns.data && signIns.data.length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('mypageSessions.signIns.at')}</Table.Th>
                  <Table.Th>{t('mypageSessions.signIns.result')}</Table.Th>
                  <Table.Th>{t('mypageSessions.ipAddress')}</Table.Th>
                  <Table.Th>{t('mypageSessions.browser')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {signIns.data.map((entry) => (
                  <SignInRow key={entry.id} entry={entry} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

function SessionRow({ session }: { session: ActiveSession }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const revoke = useRevokeSession();
  const browser = session.browser || t('mypageSessions.unknown');
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2}>
          <Group gap={6}>
            <Text size="sm" fw={500}>
              {browser}
            </Text>
            {session.current && (
              <Badge color="blue" variant="outline">
                {t('mypageSessions.thisDevice')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('mypageSessions.ipAddress')}: {session.ipAddress ?? t('mypageSessions.unknown')}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="xs">
            {t('mypageSessions.sessions.signedInAt')}: {dateTime(session.signedInAt)}
          </Text>
          <Text size="xs">
            {t('mypageSessions.sessions.lastActiveAt')}: {dateTime(session.lastActiveAt)}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="light"
          color={session.current ? 'gray' : 'red'}
          loading={revoke.isPending}
          onClick={() => revoke.mutate(session)}
        >
          {/* The browser's name is spoken after the visible words, so the name still contains what is seen. */}
          {t('mypageSessions.sessions.signOutOne')}
          <VisuallyHidden>{t('mypageSessions.sessions.signOutOneLabel', { browser })}</VisuallyHidden>
        </Button>
        {revoke.isError && <ProblemAlert error={revoke.error} />}
      </Table.Td>
    </Table.Tr>
  );
}

/** The devices signed in now, each with "sign out this device", and sign out everywhere. */
export function ActiveSessions() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  const revokeAll = useRevokeSessions();
  const others = (sessions.data ?? []).filter((session) => !session.current).length;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sessions-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="sessions-title">
            {t('mypageSessions.sessions.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mypageSessions.sessions.lead')}
          </Text>
        </Stack>
        {revokeAll.isSuccess && revokeAll.data.scope === 'others' && (
          <Alert color="green" role="status">
            {t('mypageSessions.sessions.revoked', { count: revokeAll.data.revoked })}
          </Alert>
        )}
        {revokeAll.isError && <ProblemAlert error={revokeAll.error} />}
        {sessions.isPending && <Loader size="sm" aria-label={t('mypageSessions.loading')} />}
        {sessions.isError && <ProblemAlert error={sessions.error} />}
        {sessions.data && (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('mypageSessions.sessions.device')}</Table.Th>
                  <Table.Th>{t('mypageSessions.sessions.times')}</Table.Th>
                  <Table.Th>{t('mypageSessions.sessions.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.map((session) => (
                  <SessionRow key={session.id} session={session} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group>
          <Button
            variant="light"
            color="red"
            disabled={others === 0}
            loading={revokeAll.isPending && revokeAll.variables === 'others'}
            onClick={() => revokeAll.mutate('others')}
          >
            {t('mypageSessions.sessions.signOutOthers')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            loading={revokeAll.isPending && revokeAll.variables === 'all'}
            onClick={() => revokeAll.mutate('all')}
          >
            {t('mypageSessions.sessions.signOutAll')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

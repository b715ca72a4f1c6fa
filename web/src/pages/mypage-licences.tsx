// My Page licences (ライセンス): each licence's number, edition, validity and machines, a form to attach a packaged product, and "free this machine".
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
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MemberLicence, useAttachLicence, useFreeMachine, useMyLicences } from '../api/licences';
import { EmptyState, EmptyStateText } from '../components/empty-state';
import { ProblemAlert } from '../components/problem';
import { SignInActions, WithMember } from '../components/with-member';

function useFormats() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'ja-JP';
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Tokyo' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  });
  return {
    // A business date is a calendar day: read it as noon in Tokyo so no zone moves it.
    day: (ymd: string) => date.format(new Date(`${ymd}T12:00:00+09:00`)),
    at: (iso: string) => dateTime.format(new Date(iso)),
    lang: (i18n.language === 'en' ? 'en' : 'ja') as 'ja' | 'en',
  };
}

function AttachForm() {
  const { t } = useTranslation();
  const attach = useAttachLicence();
  const [registrationNumber, setRegistrationNumber] = useState('');
  const [installKey, setInstallKey] = useState('');
  const { lang } = useFormats();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attach.mutate(
      { registrationNumber, installKey },
      {
        onSuccess: () => {
          setRegistrationNumber('');
          setInstallKey('');
        },
      },
    );
  };
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="attach-title">
      <form onSubmit={submit}>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3" id="attach-title">
              {t('licences.attach.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('licences.attach.lead')}
            </Text>
          </Stack>
          <Group align="flex-end" gap="md">
            <TextInput
              label={t('licences.registrationNumber')}
              placeholder="1234-5678-9012"
              value={registrationNumber}
              onChange={(e) => setRegistrationNumber(e.currentTarget.value)}
              required
              autoComplete="off"
              maxLength={32}
            />
            <TextInput
              label={t('licences.installKey')}
              placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
              value={installKey}
              onChange={(e) => setInstallKey(e.currentTarget.value)}
              required
              autoComplete="off"
              maxLength={64}
              w={320}
            />
            <Button type="submit" loading={attach.isPending}>
              {t('licences.attach.submit')}
            </Button>
          </Group>
          {attach.isError && <ProblemAlert error={attach.error} />}
          {attach.isSuccess && (
            <Alert color="green" role="status">
              {t('licences.attach.done', {
                number: attach.data.registrationNumber,
                product: attach.data.productName[lang],
              })}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function MachineRow({
  licence,
  machine,
}: {
  licence: MemberLicence;
  machine: MemberLicence['machines'][number];
}) {
  const { t } = useTranslation();
  const { at } = useFormats();
  const free = useFreeMachine();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {machine.machineFingerprint}
        </Text>
      </Table.Td>
      <Table.Td>{machine.lastProductVersion}</Table.Td>
      <Table.Td>{at(machine.lastSeenAt)}</Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="light"
          color="red"
          loading={free.isPending}
          onClick={() =>
            free.mutate({ licenceId: licence.licenceId, machineFingerprint: machine.machineFingerprint })
          }
        >
          {t('licences.machines.free')}
          <VisuallyHidden>
            {t('licences.machines.freeLabel', { machine: machine.machineFingerprint })}
          </VisuallyHidden>
        </Button>
        {free.isError && <ProblemAlert error={free.error} />}
      </Table.Td>
    </Table.Tr>
  );
}

function LicenceCard({ licence }: { licence: MemberLicence }) {
  const { t } = useTranslation();
  const { day, lang } = useFormats();
  const titleId = `licence-${licence.licenceId}`;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h3" id={titleId}>
            {licence.productName[lang]}
          </Title>
          <Badge variant="light">{licence.editionLabel[lang]}</Badge>
          <Badge variant="outline" color={licence.status === 'active' ? 'green' : 'gray'}>
            {licence.statusLabel[lang]}
          </Badge>
        </Group>
        <Table variant="vertical" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={220}>{t('licences.registrationNumber')}</Table.Th>
              <Table.Td ff="monospace">{licence.registrationNumber}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('licences.validUntil')}</Table.Th>
              <Table.Td>{day(licence.validUntil)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('licences.updatesAllowedUntil')}</Table.Th>
              <Table.Td>{day(licence.updatesAllowedUntil)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('licences.machines.title')}</Table.Th>
              <Table.Td>
                {t('licences.machines.count', { used: licence.machines.length, limit: licence.machineLimit })}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {licence.machines.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table striped aria-label={t('licences.machines.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('licences.machines.fingerprint')}</Table.Th>
                  <Table.Th>{t('licences.machines.version')}</Table.Th>
                  <Table.Th>{t('licences.machines.lastSeen')}</Table.Th>
                  <Table.Th>{t('licences.machines.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {licence.machines.map((machine) => (
                  <MachineRow key={machine.machineFingerprint} licence={licence} machine={machine} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

function LicenceList() {
  const { t } = useTranslation();
  const licences = useMyLicences();
  if (licences.isPending) return <Loader size="sm" aria-label={t('licences.loading')} />;
  if (licences.isError) return <ProblemAlert error={licences.error} />;
  if (licences.data.length === 0) return <Text>{t('licences.empty')}</Text>;
  return (
    <Stack gap="lg">
      {licences.data.map((licence) => (
        <LicenceCard key={licence.licenceId} licence={licence} />
      ))}
    </Stack>
  );
}

/** The page at /mypage/licences. */
export function MypageLicences() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('licences.title')}</Title>
      <WithMember
        signedOut={
          <EmptyState title={t('licences.emptyTitle')} action={<SignInActions />}>
            <EmptyStateText>{t('licences.emptyBody')}</EmptyStateText>
          </EmptyState>
        }
      >
        {() => (
          <Stack gap="lg">
            <Text c="dimmed">{t('licences.lead')}</Text>
            <LicenceList />
            <AttachForm />
          </Stack>
        )}
      </WithMember>
    </Stack>
  );
}

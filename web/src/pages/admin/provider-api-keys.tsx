// A provider's connection to the store: its API keys (issued and shown once, revoked) and the webhook endpoint that receives provisioning requests.
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Loader,
  Modal,
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
import { useParams } from 'react-router';
import {
  mayManageProviders,
  type ProviderApiKey,
  useAdminProvider,
  useIssueProviderApiKey,
  useProviderApiKeys,
  useRevokeProviderApiKey,
  useRotateProviderWebhookSecret,
  useSaveProviderWebhook,
} from '../../api/admin-orders';
import { ProblemAlert, useFieldErrors } from '../../components/problem';
import classes from './admin.module.css';
import { OperatorGate } from './gate';
import { useOrderFormat } from './order-format';

/** A secret the server shows once: the operator copies it now, it cannot be read again. */
function SecretOnce({ label, secret, testId }: { label: string; secret: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={label} role="status">
      <Stack gap="xs">
        <Code block data-testid={testId} className={classes.uri}>
          {secret}
        </Code>
        <Text size="sm">{t('admin.providerKeys.shownOnce')}</Text>
      </Stack>
    </Alert>
  );
}

function RevokeButton({ providerId, apiKey }: { providerId: string; apiKey: ProviderApiKey }) {
  const { t } = useTranslation();
  const revoke = useRevokeProviderApiKey(providerId);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="outline" color="red" onClick={() => setOpened(true)}>
        {t('admin.providerKeys.revoke')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        lockScroll={false}
        title={t('admin.providerKeys.revokeTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('admin.providerKeys.revokeLead', { prefix: apiKey.prefix })}</Text>
          {revoke.isError && <ProblemAlert error={revoke.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('admin.orders.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => revoke.mutate(apiKey.id, { onSuccess: () => setOpened(false) })}
            >
              {t('admin.providerKeys.revokeSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function ApiKeys({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const keys = useProviderApiKeys(providerId);
  const issue = useIssueProviderApiKey(providerId);
  const [missing, setMissing] = useState(false);
  const fieldErrors = useFieldErrors();
  const [label, setLabel] = useState('');
  const server = issue.isError
    ? fieldErrors(issue.error, ['label'])
    : { byField: {} as Record<string, string> };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (label.trim() === '') {
      setMissing(true);
      return;
    }
    issue.mutate({ label: label.trim() }, { onSuccess: () => setLabel('') });
  };
  return (
    <Paper withBorder p="md" component="section" aria-label={t('admin.providerKeys.title')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('admin.providerKeys.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.providerKeys.lead')}
        </Text>
        {issue.isSuccess && (
          <SecretOnce
            label={t('admin.providerKeys.issued')}
            secret={issue.data.key}
            testId="provider-api-key"
          />
        )}
        {keys.isPending ? (
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text>{t('admin.loading')}</Text>
          </Group>
        ) : keys.isError ? (
          <ProblemAlert error={keys.error} />
        ) : keys.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('admin.providerKeys.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.providerKeys.prefix')}</Table.Th>
                  <Table.Th>{t('admin.providerKeys.label')}</Table.Th>
                  <Table.Th>{t('admin.providerKeys.createdAt')}</Table.Th>
                  <Table.Th>{t('admin.providerKeys.lastUsedAt')}</Table.Th>
                  <Table.Th>{t('admin.providerKeys.state')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.data.map((apiKey) => (
                  <Table.Tr key={apiKey.id} data-api-key={apiKey.prefix}>
                    <Table.Td>
                      <Code>{apiKey.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{apiKey.label}</Table.Td>
                    <Table.Td className={classes.nowrap}>{format.time(apiKey.createdAt)}</Table.Td>
                    <Table.Td className={classes.nowrap}>
                      {apiKey.lastUsedAt ? format.time(apiKey.lastUsedAt) : t('admin.providerKeys.neverUsed')}
                    </Table.Td>
                    <Table.Td>
                      {apiKey.revokedAt ? (
                        <Badge color="gray" variant="light">
                          {t('admin.providerKeys.revokedAt', { at: format.time(apiKey.revokedAt) })}
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light">
                          {t('admin.providerKeys.active')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {apiKey.revokedAt === null && <RevokeButton providerId={providerId} apiKey={apiKey} />}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('admin.providerKeys.label')}
              description={t('admin.providerKeys.labelHelp')}
              value={label}
              maxLength={100}
              onChange={(event) => {
                setLabel(event.currentTarget.value);
                setMissing(false);
              }}
              error={missing ? t('admin.providerKeys.labelRequired') : server.byField.label}
              required
              name="label"
              w={{ base: '100%', sm: 320 }}
            />
            <Button type="submit" loading={issue.isPending}>
              {t('admin.providerKeys.issue')}
            </Button>
          </Group>
          {issue.isError && server.byField.label === undefined && <ProblemAlert error={issue.error} />}
        </form>
      </Stack>
    </Paper>
  );
}

function Webhook({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const provider = useAdminProvider(providerId);
  const save = useSaveProviderWebhook(providerId);
  const rotate = useRotateProviderWebhookSecret(providerId);
  const fieldErrors = useFieldErrors();
  const [url, setUrl] = useState<string | null>(null);
  const [networks, setNetworks] = useState<string | null>(null);
  const current = provider.data?.webhookUrl ?? '';
  const value = url ?? current;
  const networksValue = networks ?? (provider.data?.webhookAllowedNetworks ?? []).join('\n');
  const networkList = networksValue
    .split(/[\s,]+/)
    .map((n) => n.trim())
    .filter(Boolean);
  const server = save.isError
    ? fieldErrors(save.error, ['webhookUrl', ...networkList.map((_, i) => `webhookAllowedNetworks.${i}`)])
    : { byField: {} as Record<string, string> };
  const networksError =
    networkList
      .map((n, i) =>
        server.byField[`webhookAllowedNetworks.${i}`]
          ? `${n}: ${server.byField[`webhookAllowedNetworks.${i}`]}`
          : null,
      )
      .filter(Boolean)
      .join(' ') || undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rotate.reset();
    save.mutate(
      { webhookUrl: value.trim() === '' ? null : value.trim(), webhookAllowedNetworks: networkList },
      {
        onSuccess: () => {
          setUrl(null);
          setNetworks(null);
        },
      },
    );
  };
  const secret = rotate.data?.webhookSecret ?? save.data?.webhookSecret ?? null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('admin.providerKeys.webhookTitle')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('admin.providerKeys.webhookTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.providerKeys.webhookLead')}
        </Text>
        {secret && (
          <SecretOnce label={t('admin.providerKeys.webhookSecret')} secret={secret} testId="webhook-secret" />
        )}
        {provider.isError && <ProblemAlert error={provider.error} />}
        {provider.data?.webhookDisabledAt && (
          <Alert color="yellow">{t('admin.providerKeys.webhookDisabled')}</Alert>
        )}
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('admin.providerKeys.webhookUrl')}
              description={t('admin.providerKeys.webhookUrlHelp')}
              placeholder="https://provider.example.jp/keiyaku/webhook"
              value={value}
              onChange={(event) => setUrl(event.currentTarget.value)}
              error={server.byField.webhookUrl}
              name="webhookUrl"
              w={{ base: '100%', sm: 480 }}
            />
            <Button type="submit" loading={save.isPending}>
              {t('admin.providerKeys.webhookSave')}
            </Button>
            {current !== '' && (
              <Button
                variant="light"
                loading={rotate.isPending}
                onClick={() => {
                  save.reset();
                  rotate.mutate();
                }}
              >
                {t('admin.providerKeys.webhookRotate')}
              </Button>
            )}
          </Group>
          <Textarea
            mt="sm"
            label={t('admin.providerKeys.webhookNetworks')}
            description={t('admin.providerKeys.webhookNetworksHelp')}
            placeholder="10.20.0.0/16"
            value={networksValue}
            onChange={(event) => setNetworks(event.currentTarget.value)}
            error={networksError}
            name="webhookAllowedNetworks"
            autosize
            minRows={2}
            w={{ base: '100%', sm: 480 }}
          />
          {save.isError && server.byField.webhookUrl === undefined && networksError === undefined && (
            <ProblemAlert error={save.error} />
          )}
          {rotate.isError && <ProblemAlert error={rotate.error} />}
        </form>
      </Stack>
    </Paper>
  );
}

/** The keys and the webhook of one provider: placed on the provider's edit page, and on its own route. */
export function ProviderConnection({ providerId }: { providerId: string }) {
  return (
    <Stack gap="md">
      <ApiKeys providerId={providerId} />
      <Webhook providerId={providerId} />
    </Stack>
  );
}

function ProviderHeading({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const provider = useAdminProvider(providerId);
  if (provider.isPending) return null;
  if (provider.data === null || provider.data === undefined) {
    return <Alert color="yellow">{t('admin.providerKeys.notFound')}</Alert>;
  }
  return (
    <Text fw={700} size="lg" data-provider-name>
      {format.lang === 'en' ? provider.data.nameEn : provider.data.nameJa}
    </Text>
  );
}

export function AdminProviderConnectionPage() {
  const { t } = useTranslation();
  const { providerId = '' } = useParams();
  return (
    <OperatorGate title={t('admin.providerKeys.pageTitle')} about={t('admin.providerKeys.about')}>
      {(operator) =>
        !mayManageProviders(operator.roles) ? (
          <Alert color="yellow">{t('admin.providerKeys.forbidden')}</Alert>
        ) : (
          <>
            <ProviderHeading providerId={providerId} />
            <ProviderConnection providerId={providerId} />
          </>
        )
      }
    </OperatorGate>
  );
}

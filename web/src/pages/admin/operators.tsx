// The owner's operator management: the list with roles, status, authenticator app and lock; create, change roles, disable, unlock, reset the app.
import { Badge, Button, Card, Checkbox, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorProfile, OperatorRole } from '../../api/admin';
import {
  type AdminOperator,
  useChangeOperatorRoles,
  useOperatorAccessAction,
  useOperators,
  useSetOperatorStatus,
} from '../../api/admin-accounts';
import { IdentityCheckForm } from '../../components/identity-check-form';
import { ProblemAlert } from '../../components/problem';
import { CreateOperatorForm } from './create-operator-form';
import { OperatorGate } from './gate';

const roles: OperatorRole[] = ['owner', 'billing', 'support', 'catalog'];

function RolesEditor({ operator }: { operator: AdminOperator }) {
  const { t } = useTranslation();
  const change = useChangeOperatorRoles();
  const [draft, setDraft] = useState<OperatorRole[]>(operator.roles);
  const changed = draft.length !== operator.roles.length || draft.some((r) => !operator.roles.includes(r));
  return (
    <Stack gap={6}>
      <Checkbox.Group
        value={draft}
        onChange={(value) => setDraft(value as OperatorRole[])}
        aria-label={t('admin.operators.roles')}
      >
        <Group gap="xs">
          {roles.map((role) => (
            <Checkbox key={role} value={role} label={t(`admin.roles.${role}`)} size="xs" />
          ))}
        </Group>
      </Checkbox.Group>
      {changed ? (
        <Button
          size="xs"
          w="fit-content"
          disabled={draft.length === 0}
          loading={change.isPending}
          onClick={() => change.mutate({ id: operator.id, roles: draft })}
        >
          {t('admin.operators.saveRoles')}
        </Button>
      ) : null}
      {change.isError ? <ProblemAlert error={change.error} /> : null}
    </Stack>
  );
}

type Pending = { operator: AdminOperator; action: 'unlock' | 'totp-reset' } | null;

function OperatorRow({
  operator,
  me,
  onAccessAction,
}: {
  operator: AdminOperator;
  me: OperatorProfile;
  onAccessAction: (p: Pending) => void;
}) {
  const { t } = useTranslation();
  const status = useSetOperatorStatus();
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600}>{operator.displayName}</Text>
        <Text size="sm" c="dimmed">
          {operator.loginId} · {operator.email}
        </Text>
        {operator.id === me.id ? (
          <Badge size="xs" variant="outline">
            {t('admin.operators.you')}
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td>
        <RolesEditor key={operator.roles.join()} operator={operator} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Badge color={operator.status === 'active' ? 'green' : 'gray'} variant="light">
            {t(`admin.operators.statuses.${operator.status}`)}
          </Badge>
          {operator.lock ? (
            <Badge color="red" variant="light">
              {t('admin.operators.locked')}
            </Badge>
          ) : null}
          <Text size="xs">
            {operator.totpEnabled ? t('admin.operators.totpOn') : t('admin.operators.totpOff')}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={6} align="flex-start">
          {/* Disabling oneself would end one's own session mid-task; another owner does it. */}
          {operator.id === me.id ? null : operator.status === 'active' ? (
            <Button
              size="xs"
              variant="default"
              loading={status.isPending}
              onClick={() => status.mutate({ id: operator.id, action: 'disable' })}
            >
              {t('admin.operators.disable')}
            </Button>
          ) : (
            <Button
              size="xs"
              variant="default"
              loading={status.isPending}
              onClick={() => status.mutate({ id: operator.id, action: 'enable' })}
            >
              {t('admin.operators.enable')}
            </Button>
          )}
          {operator.lock ? (
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={() => onAccessAction({ operator, action: 'unlock' })}
            >
              {t('admin.operators.unlock')}
            </Button>
          ) : null}
          {operator.totpEnabled ? (
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={() => onAccessAction({ operator, action: 'totp-reset' })}
            >
              {t('admin.operators.totpReset')}
            </Button>
          ) : null}
          {status.isError ? <ProblemAlert error={status.error} /> : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

function AccessActionCard({ pending, onDone }: { pending: NonNullable<Pending>; onDone: () => void }) {
  const { t } = useTranslation();
  const action = useOperatorAccessAction();
  const label = pending.action === 'unlock' ? t('admin.operators.unlock') : t('admin.operators.totpReset');
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {label}: {pending.operator.displayName}（{pending.operator.loginId}）
        </Title>
        <Text size="sm">
          {pending.action === 'unlock'
            ? t('admin.operators.unlockExplain')
            : t('admin.operators.totpResetExplain')}
        </Text>
        <IdentityCheckForm
          submitLabel={label}
          pending={action.isPending}
          error={action.error}
          onCancel={onDone}
          onSubmit={(identityCheck) =>
            action.mutate(
              { id: pending.operator.id, action: pending.action, identityCheck },
              { onSuccess: onDone },
            )
          }
        />
      </Stack>
    </Card>
  );
}

function OperatorList({ me }: { me: OperatorProfile }) {
  const { t } = useTranslation();
  const operators = useOperators();
  const [pending, setPending] = useState<Pending>(null);
  if (operators.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  }
  if (operators.isError) return <ProblemAlert error={operators.error} />;
  return (
    <Stack gap="md">
      {pending ? <AccessActionCard pending={pending} onDone={() => setPending(null)} /> : null}
      <Table.ScrollContainer minWidth={760}>
        <Table withTableBorder verticalSpacing="sm">
          <Table.Caption>{t('admin.operators.caption', { count: operators.data.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.operators.operator')}</Table.Th>
              <Table.Th>{t('admin.operators.roles')}</Table.Th>
              <Table.Th>{t('admin.operators.state')}</Table.Th>
              <Table.Th>{t('admin.operators.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {operators.data.map((o) => (
              <OperatorRow key={o.id} operator={o} me={me} onAccessAction={setPending} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function AdminOperators() {
  const { t } = useTranslation();
  return (
    <OperatorGate title={t('admin.operators.title')} about={t('admin.operators.about')} section="operators">
      {(me) => (
        <>
          <Text c="dimmed">{t('admin.operators.lead')}</Text>
          <OperatorList me={me} />
          <CreateOperatorForm />
        </>
      )}
    </OperatorGate>
  );
}

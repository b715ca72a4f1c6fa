// The registration review queue: registrations waiting for review (or rejected ones), approved or rejected with a reason.
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AdminRegistration,
  useApproveRegistration,
  useRegistrations,
  useRejectRegistration,
} from '../../api/lifecycle';
import { EmptyState, EmptyStateText } from '../../components/empty-state';
import { formatPhone } from '../../components/phone';
import { ProblemAlert, useFieldErrors } from '../../components/problem';
import { OperatorGate } from './gate';

const views = ['pending_review', 'rejected'] as const;
type View = (typeof views)[number];

function useDateTime(): (iso: string | null) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  });
  return (iso) => (iso ? format.format(new Date(iso)) : '—');
}

function RejectDialog({ registration, onClose }: { registration: AdminRegistration; onClose: () => void }) {
  const { t } = useTranslation();
  const reject = useRejectRegistration();
  const fieldErrors = useFieldErrors();
  const [reason, setReason] = useState('');
  const { byField } = fieldErrors(reject.error, ['reason']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reject.mutate({ id: registration.id, reason: reason.trim() }, { onSuccess: onClose });
  };
  return (
    // Without lockScroll: the scroll lock writes a <style> tag without the CSP nonce.
    <Modal
      opened
      onClose={onClose}
      lockScroll={false}
      title={t('lifecycle.review.rejectTitle', { loginId: registration.loginId })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('lifecycle.review.rejectLead')}</Text>
          {reject.isError && Object.keys(byField).length === 0 && <ProblemAlert error={reject.error} />}
          <Textarea
            label={t('lifecycle.review.reason')}
            description={t('lifecycle.review.reasonHelp')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={byField.reason}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('lifecycle.review.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reject.isPending} disabled={reason.trim() === ''}>
              {t('lifecycle.review.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RegistrationRow({ registration, view }: { registration: AdminRegistration; view: View }) {
  const { t } = useTranslation();
  const at = useDateTime();
  const approve = useApproveRegistration();
  const [rejecting, setRejecting] = useState(false);
  const r = registration;
  return (
    <Table.Tr data-member={r.id}>
      <Table.Td>
        <Text fw={600}>{r.name}</Text>
        <Text size="xs" c="dimmed">
          {r.nameKana}
        </Text>
        <Text size="sm">{r.loginId}</Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={r.memberKind === 'corporate' ? 'blue' : 'gray'}>
          {t(`lifecycle.review.kind.${r.memberKind}`)}
        </Badge>
        {r.companyName && <Text size="sm">{r.companyName}</Text>}
        {r.department && (
          <Text size="xs" c="dimmed">
            {r.department}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{r.email}</Text>
        <Text size="sm">{formatPhone(r.phone)}</Text>
        <Text size="xs" c="dimmed">
          〒{r.postalCode} {r.prefecture}
          {r.city}
          {r.street} {r.building ?? ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{at(r.confirmedAt)}</Text>
        {view === 'rejected' && (
          <Text size="xs" c="dimmed">
            {t('lifecycle.review.rejectedAt', { at: at(r.reviewedAt) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {view === 'pending_review' ? (
          <Stack gap={4}>
            {approve.isError && <ProblemAlert error={approve.error} />}
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" loading={approve.isPending} onClick={() => approve.mutate(r.id)}>
                {t('lifecycle.review.approve')}
              </Button>
              <Button size="xs" variant="light" color="red" onClick={() => setRejecting(true)}>
                {t('lifecycle.review.reject')}
              </Button>
            </Group>
            {rejecting && <RejectDialog registration={r} onClose={() => setRejecting(false)} />}
          </Stack>
        ) : (
          <Text size="sm">{r.rejectionReason}</Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function RegistrationsBody() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('pending_review');
  const list = useRegistrations(view);
  return (
    <Stack gap="md">
      <SegmentedControl
        value={view}
        onChange={(value) => setView(views.find((candidate) => candidate === value) ?? 'pending_review')}
        data={views.map((value) => ({ value, label: t(`lifecycle.review.views.${value}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {list.isPending && <Loader size="sm" />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <EmptyState title={t(`lifecycle.review.empty.${view}`)}>
            <EmptyStateText>{t('lifecycle.review.emptyBody')}</EmptyStateText>
          </EmptyState>
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('lifecycle.review.columns.member')}</Table.Th>
                    <Table.Th>{t('lifecycle.review.columns.company')}</Table.Th>
                    <Table.Th>{t('lifecycle.review.columns.contact')}</Table.Th>
                    <Table.Th>{t('lifecycle.review.columns.confirmedAt')}</Table.Th>
                    <Table.Th>
                      {view === 'pending_review'
                        ? t('lifecycle.review.columns.actions')
                        : t('lifecycle.review.columns.reason')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((registration) => (
                    <RegistrationRow key={registration.id} registration={registration} view={view} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        ))}
      {view === 'pending_review' && (
        <Alert color="blue" variant="light">
          {t('lifecycle.review.hint')}
        </Alert>
      )}
    </Stack>
  );
}

export function AdminRegistrations() {
  const { t } = useTranslation();
  return (
    <OperatorGate
      title={t('lifecycle.review.title')}
      about={t('lifecycle.review.about')}
      section="registrations"
    >
      {() => (
        <Stack gap="md">
          <Title order={2} size="h4" c="dimmed" fw={400}>
            {t('lifecycle.review.lead')}
          </Title>
          <RegistrationsBody />
        </Stack>
      )}
    </OperatorGate>
  );
}

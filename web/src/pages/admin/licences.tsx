// The console's software licences: search by number, member, product, edition, status and holder; one licence with its holder, contract, machines (free one with a reason), their last validations and the paged log of every validation; reissue the install key; import a CSV of printed packages.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  type AdminLicenceDetail,
  type LicenceEdition,
  licenceEditions,
  licenceStatuses,
  mayManageLicences,
  useAdminFreeMachine,
  useAdminLicence,
  useAdminLicences,
  useAdminLicenceValidations,
  useImportLicences,
  useReissueInstallKey,
} from '../../api/admin-licences';
import { api, dataOf } from '../../api/client';
import { EmptyState, EmptyStateText } from '../../components/empty-state';
import { ProblemAlert } from '../../components/problem';
import { contractStatusColor } from '../mypage-contracts';
import classes from './admin.module.css';
import { OperatorGate } from './gate';
import { useOrderFormat } from './order-format';
import { offsetParam, Pager } from './pager';

const pageSize = 50;

function isEdition(value: string | null): value is LicenceEdition {
  return value !== null && (licenceEditions as readonly string[]).includes(value);
}

function StatusBadge({ status, label }: { status: string; label: { ja: string; en: string } }) {
  const format = useOrderFormat();
  return (
    <Badge color={contractStatusColor[status as keyof typeof contractStatusColor] ?? 'gray'} variant="light">
      {format.name(label)}
    </Badge>
  );
}

function LicenceList() {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const [params, setParams] = useSearchParams();
  const number = params.get('number') ?? '';
  const member = params.get('member') ?? '';
  const product = params.get('product') ?? '';
  const edition = params.get('edition');
  const status = params.get('status') ?? '';
  const holder = params.get('holder');
  const offset = offsetParam(params);
  const [draft, setDraft] = useState({ number, member, product });
  const licences = useAdminLicences({
    number: number === '' ? undefined : number,
    member: member === '' ? undefined : member,
    product: product === '' ? undefined : product,
    edition: isEdition(edition) ? edition : undefined,
    status: status === '' ? undefined : status,
    holder: holder === 'none' || holder === 'member' ? holder : undefined,
    limit: pageSize,
    offset,
  });
  const apply = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === '') next.delete(name);
      else next.set(name, value);
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    apply({ number: draft.number.trim(), member: draft.member.trim(), product: draft.product.trim() });
  };

  let table = null;
  if (licences.isPending) {
    table = (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  } else if (licences.isError) {
    table = <ProblemAlert error={licences.error} />;
  } else if (licences.data.total === 0) {
    table = (
      <EmptyState title={t('admin.licences.emptyTitle')}>
        <EmptyStateText>{t('admin.licences.emptyBody')}</EmptyStateText>
      </EmptyState>
    );
  } else {
    const page = licences.data;
    table = (
      <Stack gap="sm">
        <Table.ScrollContainer minWidth={880}>
          <Table striped highlightOnHover withTableBorder>
            <Table.Caption>
              {t('admin.licences.caption', {
                total: page.total,
                from: offset + 1,
                to: offset + page.licences.length,
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('licences.registrationNumber')}</Table.Th>
                <Table.Th>{t('admin.licences.holder')}</Table.Th>
                <Table.Th>{t('admin.licences.product')}</Table.Th>
                <Table.Th>{t('admin.licences.edition')}</Table.Th>
                <Table.Th>{t('licences.validUntil')}</Table.Th>
                <Table.Th>{t('admin.licences.machines')}</Table.Th>
                <Table.Th>{t('admin.licences.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.licences.map((licence) => (
                <Table.Tr key={licence.licenceId} data-licence={licence.registrationNumber}>
                  <Table.Td className={classes.nowrap}>
                    <Anchor component={Link} to={`/admin/licences/${encodeURIComponent(licence.licenceId)}`}>
                      {licence.registrationNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {licence.member ? (
                      <>
                        <Text size="sm">{licence.member.companyName ?? licence.member.name}</Text>
                        <Text size="xs" c="dimmed">
                          {licence.member.companyName ? `${licence.member.name} · ` : ''}
                          {licence.member.loginId}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('admin.licences.noHolder')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{format.name(licence.productName)}</Table.Td>
                  <Table.Td className={classes.nowrap}>{format.name(licence.editionLabel)}</Table.Td>
                  <Table.Td className={classes.nowrap}>{format.date(licence.validUntil)}</Table.Td>
                  <Table.Td className={classes.nowrap}>
                    {t('licences.machines.count', {
                      used: licence.machines.length,
                      limit: licence.machineLimit,
                    })}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={licence.status} label={licence.statusLabel} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager
          total={page.total}
          offset={offset}
          shown={page.licences.length}
          pageSize={pageSize}
          prevLabel={t('admin.orders.prev')}
          nextLabel={t('admin.orders.next')}
          onOffset={(value) => apply({ offset: String(value) })}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-label={t('admin.licences.filters')}>
        <form onSubmit={search}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('licences.registrationNumber')}
              description={t('admin.licences.searchNumberHelp')}
              placeholder="1234-5678"
              value={draft.number}
              onChange={(event) => setDraft({ ...draft, number: event.currentTarget.value })}
              maxLength={40}
              name="number"
              w={180}
            />
            <TextInput
              label={t('admin.orders.searchMember')}
              description={t('admin.orders.searchMemberHelp')}
              value={draft.member}
              onChange={(event) => setDraft({ ...draft, member: event.currentTarget.value })}
              maxLength={200}
              name="member"
              w={220}
            />
            <TextInput
              label={t('admin.licences.product')}
              value={draft.product}
              onChange={(event) => setDraft({ ...draft, product: event.currentTarget.value })}
              maxLength={200}
              name="product"
              w={200}
            />
            <NativeSelect
              label={t('admin.licences.edition')}
              value={isEdition(edition) ? edition : ''}
              onChange={(event) => apply({ edition: event.currentTarget.value })}
              data={[
                { value: '', label: t('admin.licences.allEditions') },
                ...licenceEditions.map((value) => ({ value, label: t(`admin.licences.editions.${value}`) })),
              ]}
              name="edition"
            />
            <NativeSelect
              label={t('admin.licences.status')}
              value={status}
              onChange={(event) => apply({ status: event.currentTarget.value })}
              data={[
                { value: '', label: t('admin.orders.allStatuses') },
                ...licenceStatuses.map((value) => ({ value, label: t(`contracts.statuses.${value}`) })),
              ]}
              name="status"
            />
            <NativeSelect
              label={t('admin.licences.holder')}
              value={holder === 'none' || holder === 'member' ? holder : ''}
              onChange={(event) => apply({ holder: event.currentTarget.value })}
              data={[
                { value: '', label: t('admin.licences.holders.any') },
                { value: 'member', label: t('admin.licences.holders.member') },
                { value: 'none', label: t('admin.licences.holders.none') },
              ]}
              name="holder"
            />
            <Button type="submit" variant="default">
              {t('admin.orders.searchSubmit')}
            </Button>
          </Group>
        </form>
      </Paper>
      {table}
    </Stack>
  );
}

/** The software products licences may be imported for. */
function useLicenceProducts(enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'licences', 'products'],
    queryFn: async ({ signal }) =>
      dataOf(await api.GET('/api/admin/licences/products', { signal }), '/api/admin/licences/products')
        .products,
    enabled,
  });
}

function ImportForm() {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const products = useLicenceProducts(true);
  const importing = useImportLicences();
  const [productId, setProductId] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const chosen = productId || products.data?.[0]?.id || '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const csv = await file.text();
    importing.mutate({ productId: chosen, validUntil, csv }, { onSuccess: () => setFile(null) });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="licence-import-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="licence-import-title">
            {t('admin.licences.import.title')}
          </Title>
          <Text size="sm">{t('admin.licences.import.lead')}</Text>
          <Code block>
            {'registration_number,install_key,edition\n1234-5678-9012,K7QX2-MHT4P-9RWZD-C3N8F-VB6YE,package'}
          </Code>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t('admin.licences.product')}
              value={chosen}
              onChange={(event) => setProductId(event.currentTarget.value)}
              data={(products.data ?? []).map((p) => ({ value: p.id, label: format.name(p.name) }))}
              disabled={!products.data?.length}
              name="productId"
              required
            />
            <TextInput
              type="date"
              label={t('admin.licences.import.validUntil')}
              value={validUntil}
              onChange={(event) => setValidUntil(event.currentTarget.value)}
              name="validUntil"
              required
            />
            <FileInput
              label={t('admin.licences.import.file')}
              placeholder={t('admin.licences.import.choose')}
              // Mantine draws the file input's placeholder as text in gray 5 (2.1:1 on white); it must read at 4.5:1.
              styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
              accept=".csv,text/csv"
              value={file}
              onChange={setFile}
              name="file"
              required
              w={260}
            />
            <Button type="submit" loading={importing.isPending} disabled={!file || !chosen || !validUntil}>
              {t('admin.licences.import.submit')}
            </Button>
          </Group>
          {products.isError && <ProblemAlert error={products.error} />}
          {importing.isError && <ProblemAlert error={importing.error} />}
          {importing.isSuccess && (
            <Alert color="teal" role="status">
              {t('admin.licences.import.done', { count: importing.data.imported })}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

export function AdminLicences() {
  const { t } = useTranslation();
  return (
    <OperatorGate title={t('admin.licences.title')} about={t('admin.licences.about')} section="licences">
      {(operator) => (
        <Stack gap="lg">
          <LicenceList />
          {mayManageLicences(operator.roles) && <ImportForm />}
        </Stack>
      )}
    </OperatorGate>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function Machines({ licence, canManage }: { licence: AdminLicenceDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const free = useAdminFreeMachine();
  const [freeing, setFreeing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!freeing) return;
    free.mutate(
      { id: licence.licenceId, machineFingerprint: freeing, reason: reason.trim() },
      {
        onSuccess: () => {
          setFreeing(null);
          setReason('');
        },
      },
    );
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="licence-machines-title">
      <Group gap="sm">
        <Title order={3} size="h4" id="licence-machines-title">
          {t('licences.machines.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('licences.machines.count', { used: licence.machines.length, limit: licence.machineLimit })}
        </Text>
      </Group>
      {licence.machines.length === 0 ? (
        <Text size="sm">{t('admin.licences.noMachines')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('licences.machines.fingerprint')}</Table.Th>
                <Table.Th>{t('admin.licences.activatedAt')}</Table.Th>
                <Table.Th>{t('licences.machines.lastSeen')}</Table.Th>
                <Table.Th>{t('licences.machines.version')}</Table.Th>
                {canManage && <Table.Th>{t('licences.machines.action')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {licence.machines.map((m) => (
                <Table.Tr key={m.machineFingerprint} data-machine={m.machineFingerprint}>
                  <Table.Td>{m.machineFingerprint}</Table.Td>
                  <Table.Td className={classes.nowrap}>{format.time(m.activatedAt)}</Table.Td>
                  <Table.Td className={classes.nowrap}>{format.time(m.lastSeenAt)}</Table.Td>
                  <Table.Td>{m.lastProductVersion}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setFreeing(m.machineFingerprint)}
                        aria-label={t('licences.machines.freeLabel', { machine: m.machineFingerprint })}
                      >
                        {t('licences.machines.free')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {freeing && (
        <Paper withBorder p="md" component="form" onSubmit={submit}>
          <Stack gap="sm">
            <Text size="sm">{t('admin.licences.freeConfirm', { machine: freeing })}</Text>
            <Textarea
              label={t('admin.contracts.reason')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              required
              maxLength={500}
              autosize
              minRows={2}
            />
            {free.isError && <ProblemAlert error={free.error} />}
            <Group>
              <Button type="submit" color="red" disabled={reason.trim() === ''} loading={free.isPending}>
                {t('licences.machines.free')}
              </Button>
              <Button variant="subtle" onClick={() => setFreeing(null)}>
                {t('admin.orders.cancel')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function Validations({ licence }: { licence: AdminLicenceDetail }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  return (
    <Stack gap="sm" component="section" aria-labelledby="licence-validations-title">
      <Title order={3} size="h4" id="licence-validations-title">
        {t('admin.licences.validations')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('admin.licences.validationsLead')}
      </Text>
      {licence.validations.length === 0 ? (
        <Text size="sm">{t('admin.licences.noValidations')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('licences.machines.lastSeen')}</Table.Th>
                <Table.Th>{t('licences.machines.fingerprint')}</Table.Th>
                <Table.Th>{t('licences.machines.version')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {licence.validations.map((v) => (
                <Table.Tr key={v.machineFingerprint}>
                  <Table.Td className={classes.nowrap}>{format.time(v.lastSeenAt)}</Table.Td>
                  <Table.Td>{v.machineFingerprint}</Table.Td>
                  <Table.Td>{v.lastProductVersion}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

const logPageSize = 20;

/** The answers the product's validations got, every one of them, newest first, a page at a time. */
function ValidationLog({ licence }: { licence: AdminLicenceDetail }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const [offset, setOffset] = useState(0);
  const { data: page, error, isPending } = useAdminLicenceValidations(licence.licenceId, offset, logPageSize);
  return (
    <Stack gap="sm" component="section" aria-labelledby="licence-log-title">
      <Title order={3} size="h4" id="licence-log-title">
        {t('admin.licences.log.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('admin.licences.log.lead')}
      </Text>
      {isPending ? (
        <Loader size="sm" />
      ) : error || !page ? (
        <ProblemAlert error={error} />
      ) : page.total === 0 ? (
        <Text size="sm">{t('admin.licences.noValidations')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table withTableBorder data-testid="licence-validation-log">
              <Table.Caption>
                {t('admin.licences.caption', {
                  total: page.total,
                  from: offset + 1,
                  to: offset + page.validations.length,
                })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.licences.log.at')}</Table.Th>
                  <Table.Th>{t('admin.licences.log.answer')}</Table.Th>
                  <Table.Th>{t('licences.machines.fingerprint')}</Table.Th>
                  <Table.Th>{t('licences.machines.version')}</Table.Th>
                  <Table.Th>{t('admin.licences.log.address')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.validations.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td className={classes.nowrap}>{format.time(v.at)}</Table.Td>
                    <Table.Td>{t(`admin.licences.log.codes.${v.code}`, { defaultValue: v.code })}</Table.Td>
                    <Table.Td>
                      {v.machineFingerprint ?? (
                        <Text span size="sm" c="dimmed" title={v.machineFingerprintHash}>
                          {t('admin.licences.log.freedMachine', {
                            hash: v.machineFingerprintHash.slice(0, 12),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{v.productVersion}</Table.Td>
                    <Table.Td>{v.ipAddress ?? t('admin.licences.log.noAddress')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager
            total={page.total}
            offset={offset}
            shown={page.validations.length}
            pageSize={logPageSize}
            prevLabel={t('admin.orders.prev')}
            nextLabel={t('admin.orders.next')}
            onOffset={setOffset}
          />
        </>
      )}
    </Stack>
  );
}

function ReissueKey({ licence }: { licence: AdminLicenceDetail }) {
  const { t } = useTranslation();
  const reissue = useReissueInstallKey();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    reissue.mutate(
      { id: licence.licenceId, reason: reason.trim() },
      {
        onSuccess: () => {
          setConfirming(false);
          setReason('');
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="licence-reissue-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="licence-reissue-title">
          {t('admin.licences.reissue.title')}
        </Title>
        <Text size="sm">{t('admin.licences.reissue.lead')}</Text>
        <Textarea
          label={t('admin.licences.reissue.reason')}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setConfirming(false);
          }}
          maxLength={500}
          autosize
          minRows={2}
        />
        {confirming && <Alert color="red">{t('admin.licences.reissue.confirm')}</Alert>}
        {reissue.isError && <ProblemAlert error={reissue.error} />}
        {reissue.isSuccess && (
          <Alert color="teal" role="status" title={t('admin.licences.reissue.done')}>
            <Stack gap={4}>
              <Text size="sm">{t('admin.licences.reissue.once')}</Text>
              <Text size="lg" ff="monospace" data-testid="new-install-key">
                {reissue.data.installKey}
              </Text>
            </Stack>
          </Alert>
        )}
        <Group>
          <Button type="submit" color="red" loading={reissue.isPending}>
            {confirming ? t('admin.licences.reissue.confirmButton') : t('admin.licences.reissue.button')}
          </Button>
          {confirming && (
            <Button variant="subtle" onClick={() => setConfirming(false)}>
              {t('admin.orders.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function LicencePanel({ id, canManage }: { id: string; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const { data: licence, error, isPending } = useAdminLicence(id);
  if (isPending) return <Loader size="sm" />;
  if (error || !licence) return <ProblemAlert error={error} />;
  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Title order={2} size="h3" data-testid="licence-number">
          {t('admin.licences.numberTitle', { number: licence.registrationNumber })}
        </Title>
        <StatusBadge status={licence.status} label={licence.statusLabel} />
      </Group>
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Fact label={t('admin.licences.product')}>{format.name(licence.productName)}</Fact>
          <Fact label={t('admin.licences.edition')}>{format.name(licence.editionLabel)}</Fact>
          <Fact label={t('admin.licences.holder')}>
            {licence.member ? (
              <Anchor component={Link} to={`/admin/members/${encodeURIComponent(licence.member.id)}`}>
                {licence.member.companyName ?? licence.member.name}（{licence.member.loginId}）
              </Anchor>
            ) : (
              t('admin.licences.noHolder')
            )}
          </Fact>
          <Fact label={t('admin.licences.contract')}>
            {licence.contractId && licence.contractNumber ? (
              <Anchor component={Link} to={`/admin/contracts/${encodeURIComponent(licence.contractId)}`}>
                {licence.contractNumber}
              </Anchor>
            ) : (
              t('admin.licences.imported')
            )}
          </Fact>
          <Fact label={t('licences.validUntil')}>{format.date(licence.validUntil)}</Fact>
          <Fact label={t('licences.updatesAllowedUntil')}>{format.date(licence.updatesAllowedUntil)}</Fact>
          <Fact label={t('admin.licences.createdAt')}>{format.time(licence.createdAt)}</Fact>
          {licence.attachedAt && (
            <Fact label={t('admin.licences.attachedAt')}>{format.time(licence.attachedAt)}</Fact>
          )}
        </SimpleGrid>
      </Card>
      <Machines licence={licence} canManage={canManage} />
      <Validations licence={licence} />
      <ValidationLog licence={licence} />
      {canManage && <ReissueKey licence={licence} />}
    </Stack>
  );
}

export function AdminLicencePage() {
  const { t } = useTranslation();
  const { licenceId = '' } = useParams();
  return (
    <OperatorGate
      title={t('admin.licences.detailTitle')}
      about={t('admin.licences.about')}
      section="licences"
    >
      {(operator) => (
        <Stack gap="md">
          <Anchor component={Link} to="/admin/licences" size="sm">
            {t('admin.licences.back')}
          </Anchor>
          <LicencePanel id={licenceId} canManage={mayManageLicences(operator.roles)} />
        </Stack>
      )}
    </OperatorGate>
  );
}

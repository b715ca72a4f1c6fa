// Terms documents in the catalog editor: the keys with their versions, and the form that publishes a new version (title and Markdown body in both languages, with a preview).
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type AdminTermsDocument,
  useAdminTermsDocuments,
  usePublishTermsDocument,
} from '../../../api/admin-catalog';
import { ProblemAlert, useFieldErrors } from '../../../components/problem';
import { OperatorGate } from '../gate';
import { CatalogNav } from './catalog-nav';
import { FieldErrors, FormProblems, MarkdownField } from './fields';

const fields = ['key', 'version', 'titleJa', 'titleEn', 'bodyJa', 'bodyEn'] as const;

function PublishForm({ base, onDone }: { base?: AdminTermsDocument; onDone: () => void }) {
  const { t } = useTranslation();
  const publish = usePublishTermsDocument();
  const fieldErrors = useFieldErrors();
  const [key, setKey] = useState(base?.key ?? '');
  const [version, setVersion] = useState('');
  const [titleJa, setTitleJa] = useState(base?.titleJa ?? '');
  const [titleEn, setTitleEn] = useState(base?.titleEn ?? '');
  const [bodyJa, setBodyJa] = useState(base?.bodyJa ?? '');
  const [bodyEn, setBodyEn] = useState(base?.bodyEn ?? '');
  const { byField, other } = fieldErrors(publish.error, fields);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate({ key, version, titleJa, titleEn, bodyJa, bodyEn }, { onSuccess: onDone });
  };
  const title = base
    ? t('catalogEditor.documents.newVersionOf', { key: base.key })
    : t('catalogEditor.documents.newDocument');
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <FieldErrors.Provider value={byField}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('catalogEditor.documents.immutable')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('catalogEditor.documents.key')}
                description={t('catalogEditor.documents.keyHelp')}
                value={key}
                onChange={(e) => setKey(e.currentTarget.value)}
                error={byField.key}
                readOnly={base !== undefined}
                required
              />
              <TextInput
                label={t('catalogEditor.documents.version')}
                description={t('catalogEditor.documents.versionHelp')}
                value={version}
                onChange={(e) => setVersion(e.currentTarget.value)}
                error={byField.version}
                required
              />
              <TextInput
                label={t('catalogEditor.documents.titleJa')}
                value={titleJa}
                onChange={(e) => setTitleJa(e.currentTarget.value)}
                error={byField.titleJa}
                required
              />
              <TextInput
                label={t('catalogEditor.documents.titleEn')}
                value={titleEn}
                onChange={(e) => setTitleEn(e.currentTarget.value)}
                error={byField.titleEn}
                required
              />
              <MarkdownField
                label={t('catalogEditor.documents.bodyJa')}
                value={bodyJa}
                onChange={setBodyJa}
                path="bodyJa"
              />
              <MarkdownField
                label={t('catalogEditor.documents.bodyEn')}
                value={bodyEn}
                onChange={setBodyEn}
                path="bodyEn"
              />
            </SimpleGrid>
            <FormProblems failed={publish.isError} error={publish.error} byField={byField} other={other} />
            <Group>
              <Button type="submit" loading={publish.isPending}>
                {t('catalogEditor.documents.publish')}
              </Button>
              <Button variant="default" onClick={onDone}>
                {t('catalogEditor.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </FieldErrors.Provider>
    </Card>
  );
}

type Editing = { base?: AdminTermsDocument } | null;

function DocumentList({ onNewVersion }: { onNewVersion: (d: AdminTermsDocument) => void }) {
  const { t, i18n } = useTranslation();
  const documents = useAdminTermsDocuments();
  const [open, setOpen] = useState<string | null>(null);
  const byKey = useMemo(() => {
    const map = new Map<string, AdminTermsDocument[]>();
    for (const d of documents.data ?? []) map.set(d.key, [...(map.get(d.key) ?? []), d]);
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [documents.data]);
  if (documents.isPending)
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  if (documents.isError) return <ProblemAlert error={documents.error} />;
  const en = i18n.language === 'en';
  const when = (iso: string) =>
    new Date(iso).toLocaleString(en ? 'en-GB' : 'ja-JP', {
      timeZone: 'Asia/Tokyo',
      dateStyle: 'medium',
      timeStyle: 'short',
    });
  const now = Date.now();
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table withTableBorder verticalSpacing="sm">
        <Table.Caption>{t('catalogEditor.documents.caption', { count: byKey.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalogEditor.documents.key')}</Table.Th>
            <Table.Th>{t('catalogEditor.documents.current')}</Table.Th>
            <Table.Th>{t('catalogEditor.documents.versions')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {byKey.map(([key, versions]) => {
            const current = versions.find((v) => Date.parse(v.publishedAt) <= now) ?? versions[0]!;
            return (
              <Table.Tr key={key}>
                <Table.Td>
                  <Anchor component={Link} to={`/documents/${key}`} target="_blank">
                    {key}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text fw={600}>{en ? current.titleEn : current.titleJa}</Text>
                  <Text size="xs" c="dimmed">
                    {current.version} · {when(current.publishedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {open === key ? (
                    <Stack gap={2}>
                      {versions.map((v) => (
                        <Group gap={6} key={v.version}>
                          <Badge size="xs" variant={v === current ? 'filled' : 'light'}>
                            {v.version}
                          </Badge>
                          <Text size="xs">{when(v.publishedAt)}</Text>
                        </Group>
                      ))}
                    </Stack>
                  ) : (
                    <Anchor component="button" type="button" size="sm" onClick={() => setOpen(key)}>
                      {t('catalogEditor.documents.versionCount', { count: versions.length })}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onNewVersion(current)}
                    aria-label={`${t('catalogEditor.documents.newVersion')}: ${key}`}
                  >
                    {t('catalogEditor.documents.newVersion')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function AdminCatalogDocuments() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  return (
    <OperatorGate
      title={t('catalogEditor.documents.title')}
      about={t('catalogEditor.about')}
      section="catalog"
    >
      {() => (
        <>
          <CatalogNav />
          <Group justify="space-between">
            <Text c="dimmed">{t('catalogEditor.documents.lead')}</Text>
            <Button onClick={() => setEditing({})}>{t('catalogEditor.documents.newDocument')}</Button>
          </Group>
          {editing ? (
            <PublishForm
              key={editing.base?.key ?? 'new'}
              base={editing.base}
              onDone={() => setEditing(null)}
            />
          ) : null}
          <DocumentList onNewVersion={(base) => setEditing({ base })} />
        </>
      )}
    </OperatorGate>
  );
}

// Providers in the catalog editor: the list, and one form to register a provider or change its names, contact addresses and whether it is the store itself.
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AdminProvider, useAdminProviders, useSaveProvider } from '../../../api/admin-catalog';
import { ProblemAlert, useFieldErrors } from '../../../components/problem';
import { OperatorGate } from '../gate';
import { CatalogNav } from './catalog-nav';
import { FormProblems } from './fields';

function ProviderForm({ provider, onDone }: { provider?: AdminProvider; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveProvider();
  const fieldErrors = useFieldErrors();
  const [slug, setSlug] = useState(provider?.slug ?? '');
  const [nameJa, setNameJa] = useState(provider?.nameJa ?? '');
  const [nameEn, setNameEn] = useState(provider?.nameEn ?? '');
  const [isStore, setIsStore] = useState(provider?.isStore ?? false);
  const [emails, setEmails] = useState((provider?.contactEmails ?? []).join('\n'));
  const contactEmails = emails
    .split(/[\s,]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  const paths = [
    'slug',
    'nameJa',
    'nameEn',
    'isStore',
    'contactEmails',
    ...contactEmails.map((_, i) => `contactEmails.${i}`),
  ];
  const { byField, other } = fieldErrors(save.error, paths);
  const emailError =
    [byField.contactEmails, ...contactEmails.map((_, i) => byField[`contactEmails.${i}`])]
      .filter(Boolean)
      .join(' ') || undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: provider?.id, fields: { slug, nameJa, nameEn, isStore, contactEmails } },
      { onSuccess: onDone },
    );
  };
  const title = provider
    ? t('catalogEditor.providers.editTitle', { name: provider.nameJa })
    : t('catalogEditor.providers.createTitle');
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {title}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('catalogEditor.providers.slug')}
              description={t('catalogEditor.providers.slugHelp')}
              value={slug}
              onChange={(e) => setSlug(e.currentTarget.value)}
              error={byField.slug}
              required
            />
            <TextInput
              label={t('catalogEditor.providers.nameJa')}
              value={nameJa}
              onChange={(e) => setNameJa(e.currentTarget.value)}
              error={byField.nameJa}
              required
            />
            <TextInput
              label={t('catalogEditor.providers.nameEn')}
              value={nameEn}
              onChange={(e) => setNameEn(e.currentTarget.value)}
              error={byField.nameEn}
              required
            />
          </SimpleGrid>
          <Textarea
            label={t('catalogEditor.providers.contactEmails')}
            description={t('catalogEditor.providers.contactEmailsHelp')}
            value={emails}
            onChange={(e) => setEmails(e.currentTarget.value)}
            error={emailError}
            autosize
            minRows={2}
            required
          />
          <Checkbox
            label={t('catalogEditor.providers.isStore')}
            description={t('catalogEditor.providers.isStoreHelp')}
            checked={isStore}
            onChange={(e) => setIsStore(e.currentTarget.checked)}
          />
          <FormProblems failed={save.isError} error={save.error} byField={byField} other={other} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {provider ? t('catalogEditor.save') : t('catalogEditor.providers.create')}
            </Button>
            {provider ? (
              <Button variant="default" onClick={onDone}>
                {t('catalogEditor.cancel')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ProviderList({ onEdit }: { onEdit: (p: AdminProvider) => void }) {
  const { t, i18n } = useTranslation();
  const providers = useAdminProviders();
  if (providers.isPending)
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  if (providers.isError) return <ProblemAlert error={providers.error} />;
  const en = i18n.language === 'en';
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table withTableBorder verticalSpacing="sm">
        <Table.Caption>
          {t('catalogEditor.providers.caption', { count: providers.data.length })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalogEditor.providers.provider')}</Table.Th>
            <Table.Th>{t('catalogEditor.providers.contactEmails')}</Table.Th>
            <Table.Th>{t('catalogEditor.providers.webhook')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {providers.data.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Group gap="xs">
                  <Text fw={600}>{en ? p.nameEn : p.nameJa}</Text>
                  {p.isStore ? (
                    <Badge size="xs" variant="light">
                      {t('catalogEditor.providers.store')}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {p.slug} · {en ? p.nameJa : p.nameEn}
                </Text>
              </Table.Td>
              <Table.Td>
                {p.contactEmails.map((e) => (
                  <Text size="sm" key={e}>
                    {e}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.webhookUrl ?? t('catalogEditor.providers.noWebhook')}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onEdit(p)}
                    aria-label={`${t('catalogEditor.edit')}: ${p.slug}`}
                  >
                    {t('catalogEditor.edit')}
                  </Button>
                  {/* The store provides its own products: it has no keys or webhook to receive hand-offs. */}
                  {!p.isStore && (
                    <Button
                      size="xs"
                      variant="light"
                      component={Link}
                      to={`/admin/catalog/providers/${encodeURIComponent(p.id)}/connection`}
                      aria-label={`${t('admin.provisioning.connection')}: ${p.slug}`}
                    >
                      {t('admin.provisioning.connection')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function AdminCatalogProviders() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<AdminProvider | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <OperatorGate
      title={t('catalogEditor.providers.title')}
      about={t('catalogEditor.about')}
      section="catalog"
    >
      {() => (
        <>
          <CatalogNav />
          <Text c="dimmed">{t('catalogEditor.providers.lead')}</Text>
          <ProviderList onEdit={setEditing} />
          {editing ? (
            <ProviderForm key={editing.id} provider={editing} onDone={() => setEditing(null)} />
          ) : (
            <ProviderForm key={`new-${formKey}`} onDone={() => setFormKey((k) => k + 1)} />
          )}
        </>
      )}
    </OperatorGate>
  );
}

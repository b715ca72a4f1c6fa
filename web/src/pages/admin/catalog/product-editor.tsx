// One product in the catalog editor: its whole definition on one page, saved as a whole, with status changes behind a confirmation and a link to its store page.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Collapse,
  Group,
  Loader,
  Modal,
  MultiSelect,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  type AdminProduct,
  type ProductStatus,
  productTransitions,
  useAdminProduct,
  useAdminProviders,
  useAdminTermsDocuments,
  useChangeProductStatus,
  useSaveProduct,
} from '../../../api/admin-catalog';
import { ApiError } from '../../../api/client';
import { ProblemAlert } from '../../../components/problem';
import classes from '../admin.module.css';
import { OperatorGate } from '../gate';
import {
  type Definition,
  fromApi,
  newDefinition,
  paymentMethods,
  productKinds,
  replaceAt,
  toApi,
} from './definition';
import {
  BilingualInput,
  FieldErrors,
  ListError,
  MarkdownField,
  NumField,
  TextField,
  useError,
} from './fields';
import { ListItemControls } from './list-editor';
import { OptionsEditor } from './options-editor';
import { OrderFieldsEditor } from './order-fields-editor';
import { PlansEditor } from './plans-editor';
import { StatusBadge } from './status-badge';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

const prorations = ['none', 'daily', 'monthly'] as const;

/** Settings most products keep at their defaults, folded away until asked for. */
function AdvancedSection({ def, update }: { def: Definition; update: (def: Definition) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Section title={t('catalogEditor.advanced.section')}>
      <Text size="sm" c="dimmed">
        {t('catalogEditor.advanced.lead')}
      </Text>
      <div>
        <Button
          variant="default"
          size="xs"
          aria-expanded={open}
          aria-controls="catalog-advanced"
          onClick={() => setOpen((was) => !was)}
        >
          {open ? t('catalogEditor.advanced.hide') : t('catalogEditor.advanced.show')}
        </Button>
      </div>
      <Collapse in={open} id="catalog-advanced">
        <Stack gap="md">
          <Radio.Group
            label={t('catalogEditor.advanced.proration')}
            description={t('catalogEditor.advanced.prorationHelp')}
            value={def.proration}
            onChange={(v) => update({ ...def, proration: v as Definition['proration'] })}
          >
            <Stack gap={6} mt={6}>
              {prorations.map((p) => (
                <Radio key={p} value={p} label={t(`catalogEditor.advanced.prorationNames.${p}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Checkbox
            label={t('catalogEditor.advanced.quantityChangeable')}
            description={t('catalogEditor.advanced.quantityChangeableHelp')}
            checked={def.quantityChangeable}
            onChange={(e) => update({ ...def, quantityChangeable: e.currentTarget.checked })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumField
              label={t('catalogEditor.advanced.renewalWindowMonths')}
              value={def.renewalWindowMonths}
              onChange={(renewalWindowMonths) => update({ ...def, renewalWindowMonths })}
              path="renewalWindowMonths"
              suffix={t('catalogEditor.advanced.monthsSuffix')}
              min={0}
              required
              description={t('catalogEditor.advanced.renewalWindowMonthsHelp')}
            />
            <NumField
              label={t('catalogEditor.advanced.licenceMachineLimit')}
              value={def.licenceMachineLimit}
              onChange={(licenceMachineLimit) => update({ ...def, licenceMachineLimit })}
              path="licenceMachineLimit"
              suffix={t('catalogEditor.advanced.machinesSuffix')}
              min={1}
              required
              description={t('catalogEditor.advanced.licenceMachineLimitHelp')}
            />
          </SimpleGrid>
        </Stack>
      </Collapse>
    </Section>
  );
}

/** The problem's errors by path, in the visitor's language. */
function errorsByPath(error: unknown, lang: 'ja' | 'en'): Record<string, string> {
  const byPath: Record<string, string> = {};
  if (!(error instanceof ApiError) || !error.problem?.errors) return byPath;
  for (const issue of error.problem.errors) {
    const text = issue.message[lang];
    byPath[issue.path] = byPath[issue.path] ? `${byPath[issue.path]} ${text}` : text;
  }
  return byPath;
}

function DocumentsSelect({
  label,
  value,
  onChange,
  path,
  keys,
}: {
  label: string;
  value: string[];
  onChange: (v: string[]) => void;
  path: string;
  keys: string[];
}) {
  const all = useContext(FieldErrors);
  const own = useError(path);
  const errors = [own, ...value.map((_, i) => all[`${path}.${i}`])].filter(Boolean);
  return (
    <MultiSelect
      label={label}
      data={[...new Set([...keys, ...value])]}
      value={value}
      onChange={onChange}
      error={errors.join(' ') || undefined}
      searchable
      comboboxProps={{ withinPortal: false }}
    />
  );
}

function TrialEditor({
  def,
  documentKeys,
  onChange,
}: {
  def: Definition;
  documentKeys: string[];
  onChange: (d: Definition) => void;
}) {
  const { t } = useTranslation();
  const trial = def.trial;
  const planError = useError('trial.plan');
  const documentError = useError('trial.conditionsDocument');
  return (
    <Stack gap="sm">
      <Checkbox
        label={t('catalogEditor.trial.offer')}
        checked={trial !== null}
        onChange={(e) =>
          onChange({
            ...def,
            trial: e.currentTarget.checked
              ? {
                  days: 14,
                  plan: def.plans[0]?.code ?? '',
                  conditionsDocument: '',
                  paymentMethodRequired: false,
                }
              : null,
          })
        }
      />
      {trial ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumField
            label={t('catalogEditor.trial.days')}
            value={trial.days}
            onChange={(days) => onChange({ ...def, trial: { ...trial, days } })}
            path="trial.days"
            suffix={t('catalogEditor.trial.daysSuffix')}
            min={1}
            required
          />
          <NativeSelect
            label={t('catalogEditor.trial.plan')}
            value={trial.plan}
            onChange={(e) => onChange({ ...def, trial: { ...trial, plan: e.currentTarget.value } })}
            data={[
              { value: '', label: '—' },
              ...def.plans
                .filter((p) => p.code !== '')
                .map((p) => ({ value: p.code, label: `${p.name.ja || p.code} (${p.code})` })),
            ]}
            error={planError}
            required
          />
          <NativeSelect
            label={t('catalogEditor.trial.conditions')}
            value={trial.conditionsDocument}
            onChange={(e) =>
              onChange({ ...def, trial: { ...trial, conditionsDocument: e.currentTarget.value } })
            }
            data={[
              { value: '', label: '—' },
              ...new Set([...documentKeys, trial.conditionsDocument].filter(Boolean)),
            ]}
            error={documentError}
            required
          />
          <Checkbox
            mt="xl"
            label={t('catalogEditor.trial.paymentMethodRequired')}
            checked={trial.paymentMethodRequired}
            onChange={(e) =>
              onChange({ ...def, trial: { ...trial, paymentMethodRequired: e.currentTarget.checked } })
            }
          />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}

function ImagesEditor({ def, onChange }: { def: Definition; onChange: (d: Definition) => void }) {
  const { t } = useTranslation();
  const images = def.images;
  return (
    <Stack gap="xs">
      <ListError path="images" />
      {images.map((image, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the items keep no state of their own (the form holds the list), so a moved item just shows the moved values
        <Group key={`image-${i}`} align="flex-end" wrap="nowrap">
          <TextField
            label={`${t('catalogEditor.images.url')} ${i + 1}`}
            value={image.url}
            onChange={(url) => onChange({ ...def, images: replaceAt(images, i, { ...image, url }) })}
            path={`images.${i}.url`}
            placeholder="/images/…"
          />
          <TextField
            label={`${t('catalogEditor.images.alt')} ${i + 1}`}
            value={image.alt}
            onChange={(alt) => onChange({ ...def, images: replaceAt(images, i, { ...image, alt }) })}
            path={`images.${i}.alt`}
          />
          <ListItemControls
            items={images}
            index={i}
            name={image.url}
            onChange={(next) => onChange({ ...def, images: next })}
          />
        </Group>
      ))}
      <Button
        size="xs"
        variant="light"
        w="fit-content"
        onClick={() => onChange({ ...def, images: [...images, { url: '', alt: '' }] })}
      >
        {t('catalogEditor.images.add')}
      </Button>
    </Stack>
  );
}

function StatusActions({ product }: { product: AdminProduct }) {
  const { t, i18n } = useTranslation();
  const name = (product.definition.name as { ja: string; en: string })[i18n.language === 'en' ? 'en' : 'ja'];
  const change = useChangeProductStatus();
  const [target, setTarget] = useState<ProductStatus | null>(null);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {productTransitions[product.status].map((status) => (
          <Button
            key={status}
            size="xs"
            variant={status === 'published' ? 'filled' : 'default'}
            color={status === 'retired' ? 'red' : undefined}
            onClick={() => setTarget(status)}
          >
            {t(`catalogEditor.status.to.${status}`)}
          </Button>
        ))}
      </Group>
      {change.isError ? <ProblemAlert error={change.error} /> : null}
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={target ? t(`catalogEditor.status.to.${target}`) : ''}
        lockScroll={false}
        centered
      >
        {target ? (
          <Stack gap="md">
            <Text size="sm">{t(`catalogEditor.status.confirm.${target}`, { name })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTarget(null)}>
                {t('catalogEditor.cancel')}
              </Button>
              <Button
                color={target === 'retired' ? 'red' : undefined}
                loading={change.isPending}
                onClick={() =>
                  change.mutate({ id: product.id, status: target }, { onSettled: () => setTarget(null) })
                }
              >
                {t(`catalogEditor.status.confirmButton.${target}`)}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}

function ProductForm({ product, created }: { product?: AdminProduct; created?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const navigate = useNavigate();
  const providers = useAdminProviders();
  const documents = useAdminTermsDocuments();
  const save = useSaveProduct();
  const [def, setDef] = useState<Definition>(() =>
    product ? fromApi(product.definition, product.provider.id) : newDefinition(),
  );
  const [saved, setSaved] = useState(false);
  const [justCreated, setJustCreated] = useState(created === true);
  const errors = useMemo(() => errorsByPath(save.error, lang), [save.error, lang]);
  const documentKeys = useMemo(
    () => [...new Set((documents.data ?? []).map((d) => d.key))].sort(),
    [documents.data],
  );
  const update = (next: Definition) => {
    setDef(next);
    setSaved(false);
    setJustCreated(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      { id: product?.id, definition: toApi(def) },
      {
        onSuccess: (result) => {
          setSaved(true);
          if (!product)
            navigate(`/admin/catalog/products/${result.id}`, { replace: true, state: { created: true } });
        },
      },
    );
  };
  const errorCount = Object.keys(errors).length;
  const slugHelp = def.slug ? `/products/${def.slug}` : t('catalogEditor.product.slugHelp');
  return (
    <FieldErrors.Provider value={errors}>
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          {product ? (
            <Card withBorder padding="md">
              <Group justify="space-between" align="flex-start">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text fw={600}>{t('catalogEditor.status.label')}</Text>
                    <StatusBadge status={product.status} />
                  </Group>
                  {product.status === 'published' ? (
                    <Anchor href={`/products/${product.definition.slug as string}`} target="_blank">
                      {t('catalogEditor.product.storePage')}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('catalogEditor.product.storePageAfterPublish')}
                    </Text>
                  )}
                </Stack>
                <StatusActions product={product} />
              </Group>
            </Card>
          ) : null}
          <Section title={t('catalogEditor.product.basics')}>
            <BilingualInput
              label={t('catalogEditor.product.name')}
              value={def.name}
              onChange={(name) => update({ ...def, name })}
              path="name"
              required
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextField
                label={t('catalogEditor.product.slug')}
                value={def.slug}
                onChange={(slug) => update({ ...def, slug })}
                path="slug"
                required
                description={slugHelp}
              />
              <NativeSelect
                label={t('catalogEditor.product.provider')}
                value={def.provider}
                onChange={(e) => update({ ...def, provider: e.currentTarget.value })}
                data={[
                  { value: '', label: '—' },
                  ...(providers.data ?? []).map((p) => ({
                    value: p.id,
                    label: lang === 'en' ? p.nameEn : p.nameJa,
                  })),
                ]}
                error={errors.provider}
                required
              />
              <NativeSelect
                label={t('catalogEditor.product.kind')}
                value={def.kind}
                onChange={(e) => update({ ...def, kind: e.currentTarget.value })}
                data={productKinds.map((k) => ({ value: k, label: t(`catalogEditor.product.kinds.${k}`) }))}
                error={errors.kind}
              />
              <TextField
                label={t('catalogEditor.product.category')}
                value={def.category}
                onChange={(category) => update({ ...def, category })}
                path="category"
                required
              />
              <TagsInput
                label={t('catalogEditor.product.tags')}
                value={def.tags}
                onChange={(tags) => update({ ...def, tags })}
                error={errors.tags}
                description={t('catalogEditor.product.tagsHelp')}
                comboboxProps={{ withinPortal: false }}
              />
              <NumField
                label={t('catalogEditor.product.sortOrder')}
                value={def.sortOrder}
                onChange={(sortOrder) => update({ ...def, sortOrder })}
                path="sortOrder"
              />
            </SimpleGrid>
            <BilingualInput
              label={t('catalogEditor.product.summary')}
              value={def.summary}
              onChange={(summary) => update({ ...def, summary })}
              path="summary"
              multiline
            />
          </Section>
          <Section title={t('catalogEditor.product.description')}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <MarkdownField
                label={t('catalogEditor.inLanguage.ja', { label: t('catalogEditor.product.description') })}
                value={def.description.ja}
                onChange={(ja) => update({ ...def, description: { ...def.description, ja } })}
                path="description.ja"
              />
              <MarkdownField
                label={t('catalogEditor.inLanguage.en', { label: t('catalogEditor.product.description') })}
                value={def.description.en}
                onChange={(en) => update({ ...def, description: { ...def.description, en } })}
                path="description.en"
              />
            </SimpleGrid>
            <Text size="sm" fw={500}>
              {t('catalogEditor.images.title')}
            </Text>
            <ImagesEditor def={def} onChange={update} />
          </Section>
          <Section title={t('catalogEditor.product.sales')}>
            <Checkbox.Group
              label={t('catalogEditor.product.paymentMethods')}
              value={def.paymentMethods}
              onChange={(v) => update({ ...def, paymentMethods: v })}
              error={errors.paymentMethods}
              required
            >
              <Group gap="md" mt={6}>
                {paymentMethods.map((m) => (
                  <Checkbox key={m} value={m} label={t(`catalogEditor.product.paymentMethodNames.${m}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <DocumentsSelect
              label={t('catalogEditor.product.termsDocuments')}
              value={def.termsDocuments}
              onChange={(termsDocuments) => update({ ...def, termsDocuments })}
              path="termsDocuments"
              keys={documentKeys}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumField
                label={t('catalogEditor.product.leadTimeDays')}
                value={def.leadTimeDays}
                onChange={(leadTimeDays) => update({ ...def, leadTimeDays })}
                path="leadTimeDays"
                suffix={t('catalogEditor.product.leadTimeSuffix')}
                min={0}
                description={t('catalogEditor.product.leadTimeHelp')}
              />
            </SimpleGrid>
            <BilingualInput
              label={t('catalogEditor.product.leadTimeNote')}
              value={def.leadTimeNote}
              onChange={(leadTimeNote) => update({ ...def, leadTimeNote })}
              path="leadTimeNote"
            />
            <BilingualInput
              label={t('catalogEditor.product.checkoutNote')}
              value={def.checkoutNote}
              onChange={(checkoutNote) => update({ ...def, checkoutNote })}
              path="checkoutNote"
              multiline
            />
          </Section>
          <Section title={t('catalogEditor.plan.section')}>
            <PlansEditor plans={def.plans} onChange={(plans) => update({ ...def, plans })} />
          </Section>
          <Section title={t('catalogEditor.option.section')}>
            <OptionsEditor
              options={def.options}
              plans={def.plans}
              documentKeys={documentKeys}
              onChange={(options) => update({ ...def, options })}
            />
          </Section>
          <Section title={t('catalogEditor.trial.section')}>
            <TrialEditor def={def} documentKeys={documentKeys} onChange={update} />
          </Section>
          <Section title={t('catalogEditor.orderField.section')}>
            <OrderFieldsEditor
              fields={def.orderFields}
              onChange={(orderFields) => update({ ...def, orderFields })}
            />
          </Section>
          <AdvancedSection def={def} update={update} />
          {save.isError ? (
            errorCount > 0 ? (
              <Alert
                color="red"
                role="alert"
                title={t('catalogEditor.product.invalid', { count: errorCount })}
              >
                <Stack gap={4}>
                  <Text size="sm">{t('catalogEditor.product.invalidHelp')}</Text>
                  {/* The same reasons as a list with their places, for a field the page does not show now. */}
                  {Object.entries(errors).map(([path, message]) => (
                    <Text size="xs" key={path}>
                      <Code>{path || '—'}</Code> {message}
                    </Text>
                  ))}
                </Stack>
              </Alert>
            ) : (
              <ProblemAlert error={save.error} />
            )
          ) : null}
          {saved || justCreated ? (
            <Alert color="green" role="status">
              {justCreated ? t('catalogEditor.product.created') : t('catalogEditor.product.saved')}
            </Alert>
          ) : null}
          {/* Sticky, so Save is at hand anywhere on a long product; the page's own bottom is its resting place. */}
          <Group className={classes.saveBar}>
            <Button type="submit" loading={save.isPending}>
              {product ? t('catalogEditor.product.save') : t('catalogEditor.product.create')}
            </Button>
            <Button component={Link} to="/admin/catalog" variant="default">
              {t('catalogEditor.product.backToList')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FieldErrors.Provider>
  );
}

export function AdminProductEditor() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const { productId } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const isNew = productId === undefined;
  const product = useAdminProduct(productId);
  return (
    <OperatorGate
      title={isNew ? t('catalogEditor.product.newTitle') : t('catalogEditor.product.editTitle')}
      about={t('catalogEditor.about')}
      section="catalog"
    >
      {() =>
        isNew ? (
          <ProductForm />
        ) : product.isPending ? (
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text>{t('admin.loading')}</Text>
          </Group>
        ) : product.isError ? (
          <ProblemAlert error={product.error} />
        ) : (
          <>
            <Group gap="xs">
              <Title order={2} size="h3">
                {(product.data.definition.name as { ja: string; en: string })[lang]}
              </Title>
              <Badge variant="outline">
                {lang === 'en' ? product.data.provider.nameEn : product.data.provider.nameJa}
              </Badge>
            </Group>
            <ProductForm key={product.data.id} product={product.data} created={created} />
          </>
        )
      }
    </OperatorGate>
  );
}

// `/checkout` and `/checkout/complete/:orderId`: contacts, each line's order fields, payment method and consents; the confirmation with the server's exact amounts; "注文を実行する" once per confirmation; the order number.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { type CheckoutRulesView, checkoutFormIssues } from '../../../src/domain/forms/checkout-fields';
import { ApiError } from '../api/client';
import {
  type Checkout,
  type CheckoutConfirmation,
  type CheckoutContact,
  type CheckoutInput,
  type OrderField,
  useCheckout,
  useConfirmCheckout,
  useMyOrder,
  usePlaceOrder,
} from '../api/orders';
import { formatYen, useLang } from '../components/catalog-format';
import { EstimateLines } from '../components/estimate-lines';
import { focusFirstError, useFormErrors } from '../components/form-check';
import { formatPhone } from '../components/phone';
import { ProblemAlert, useProblemText } from '../components/problem';
import { TaxSummary } from '../components/tax-summary';
import { WithMember } from '../components/with-member';
import classes from './cart.module.css';

const contactKeys = [
  'companyName',
  'departmentName',
  'name',
  'nameKana',
  'email',
  'phone',
  'postalCode',
  'address',
] as const satisfies readonly (keyof CheckoutContact)[];
const requiredContactKeys = new Set(['name', 'email', 'phone']);

type ContactKind = 'customerContact' | 'billingContact';

/** Field errors of the last answer by their dotted path (`billingContact.email`, `orderFields.<item>.<key>`). */
function errorsByPath(error: unknown, lang: 'ja' | 'en'): Record<string, string> {
  const byPath: Record<string, string> = {};
  if (!(error instanceof ApiError) || !error.problem?.errors) return byPath;
  for (const issue of error.problem.errors) {
    const text = issue.message[lang];
    byPath[issue.path] = byPath[issue.path] ? `${byPath[issue.path]} ${text}` : text;
  }
  return byPath;
}

function ContactFields({
  kind,
  value,
  onChange,
  errors,
}: {
  kind: ContactKind;
  value: CheckoutContact;
  onChange: (value: CheckoutContact, key: (typeof contactKeys)[number]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {contactKeys.map((key) => (
        <TextInput
          key={key}
          label={t(`checkout.contact.${key}`)}
          required={requiredContactKeys.has(key)}
          value={value[key] ?? ''}
          error={errors[`${kind}.${key}`]}
          autoComplete={key === 'email' ? 'email' : key === 'phone' ? 'tel' : undefined}
          onChange={(event) => {
            const text = event.currentTarget.value;
            onChange({ ...value, [key]: requiredContactKeys.has(key) || text !== '' ? text : null }, key);
          }}
        />
      ))}
    </SimpleGrid>
  );
}

function OrderFieldInput({
  field,
  value,
  error,
  onChange,
}: {
  field: OrderField;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const lang = useLang();
  const common = {
    label: field.label[lang],
    description: field.help[lang] || undefined,
    required: field.required,
    error,
  };
  if (field.type === 'select') {
    return (
      <Select
        {...common}
        value={value || null}
        data={(field.validation.choices ?? []).map((c) => ({
          value: c.value,
          label: lang === 'en' ? c.labelEn : c.labelJa,
        }))}
        onChange={(next) => onChange(next ?? '')}
        comboboxProps={{ withinPortal: false }}
      />
    );
  }
  if (field.type === 'textarea')
    return <Textarea {...common} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
  return (
    <TextInput
      {...common}
      type={field.type === 'email' ? 'email' : 'text'}
      inputMode={field.type === 'number' ? 'numeric' : undefined}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** The checkout as the shared checkout rules read it. */
function rulesView(checkout: Checkout): CheckoutRulesView {
  return {
    lines: checkout.lines.map((line) => ({
      itemId: line.itemId,
      paymentProblem: line.paymentProblem ?? null,
      orderFields: line.orderFields,
    })),
    paymentMethods: checkout.paymentMethods.map((m) => ({ ...m, reason: m.reason ?? null })),
    paymentMethodRequired: checkout.paymentMethodRequired,
    consents: checkout.consents,
  };
}

/** The input as first shown: contacts from the profile, empty order fields, the only usable method if one. */
function initialInput(checkout: Checkout): CheckoutInput {
  const usable = checkout.paymentMethods.filter((m) => m.available);
  return {
    customerContact: { ...checkout.customerContact },
    billingContact: { ...checkout.billingContact },
    orderFields: Object.fromEntries(checkout.lines.map((line) => [line.itemId, {}])),
    paymentMethod: checkout.paymentMethodRequired && usable.length === 1 ? usable[0]!.method : null,
    consents: [],
  };
}

function CheckoutForm({
  checkout,
  input,
  setInput,
  onConfirmed,
}: {
  checkout: Checkout;
  input: CheckoutInput;
  setInput: (input: CheckoutInput) => void;
  onConfirmed: (confirmation: CheckoutConfirmation) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const confirm = useConfirmCheckout();
  const state = useFormErrors();
  const form = useRef<HTMLFormElement>(null);
  // The API's rules run here first, so one click names every problem; the server's answer adds what only it knows.
  const clientErrors = (): Record<string, string> => {
    const byPath: Record<string, string> = {};
    for (const issue of checkoutFormIssues(rulesView(checkout), input))
      byPath[issue.path] ??= issue.message[lang];
    return byPath;
  };
  const client = state.submitted ? clientErrors() : {};
  const server = errorsByPath(confirm.error, lang);
  const errors: Record<string, string> = {};
  for (const path of new Set([...Object.keys(client), ...Object.keys(server)])) {
    const message = state.pick(client, server, path);
    if (message) errors[path] = message;
  }
  /** A change to the input that edits these paths, whose server errors then no longer apply. */
  const change = (paths: string[], next: CheckoutInput) => {
    state.markEdited(paths);
    setInput(next);
  };
  const agreed = (key: string) => input.consents.some((c) => c.documentKey === key);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    state.markSubmitted();
    if (Object.keys(clientErrors()).length > 0) {
      focusFirstError(form.current);
      return;
    }
    confirm.mutate(input, { onSuccess: onConfirmed, onError: () => focusFirstError(form.current) });
  };
  const fieldErrorCount = Object.keys(errors).length;
  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Card withBorder padding="lg">
          <Stack gap="md">
            <Title order={2}>{t('checkout.steps.contacts')}</Title>
            <Text fw={700}>{t('checkout.customerContact')}</Text>
            <ContactFields
              kind="customerContact"
              value={input.customerContact}
              onChange={(customerContact, key) =>
                change([`customerContact.${key}`], { ...input, customerContact })
              }
              errors={errors}
            />
            <Group justify="space-between">
              <Text fw={700}>{t('checkout.billingContact')}</Text>
              <Button
                size="xs"
                variant="default"
                onClick={() =>
                  change(
                    contactKeys.map((key) => `billingContact.${key}`),
                    { ...input, billingContact: { ...input.customerContact } },
                  )
                }
              >
                {t('checkout.sameAsCustomer')}
              </Button>
            </Group>
            <ContactFields
              kind="billingContact"
              value={input.billingContact}
              onChange={(billingContact, key) =>
                change([`billingContact.${key}`], { ...input, billingContact })
              }
              errors={errors}
            />
          </Stack>
        </Card>

        <Card withBorder padding="lg">
          <Stack gap="md">
            <Title order={2}>{t('checkout.steps.lines')}</Title>
            {checkout.lines.map((line) => (
              <Stack key={line.itemId} gap="sm" data-testid="checkout-line">
                <Group gap="xs">
                  <Text fw={700}>{line.product.name[lang]}</Text>
                  {line.trial && (
                    <Badge color="teal" variant="light">
                      {t('checkout.trialDays', { days: line.trial.days })}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">
                  {t('catalog.plan')}: {line.estimate.planName[lang]} / {t('catalog.term')}:{' '}
                  {line.estimate.termLabel[lang]}
                </Text>
                {line.trialUsed && (
                  <Alert color="orange" role="alert">
                    {t('checkout.trialUsed')}
                  </Alert>
                )}
                {line.paymentProblem && (
                  <Alert color="orange" role="alert" data-testid="line-payment-problem">
                    <Stack gap="xs" align="flex-start">
                      <Text size="sm">{line.paymentProblem[lang]}</Text>
                      <Group gap="md">
                        <Anchor component={Link} to="/cart" size="sm" underline="always">
                          {t('checkout.removeInCart')}
                        </Anchor>
                        <Anchor component={Link} to="/inquiry" size="sm" underline="always">
                          {t('checkout.askAboutIt')}
                        </Anchor>
                      </Group>
                    </Stack>
                  </Alert>
                )}
                {!line.needsPaymentMethod && checkout.paymentMethodRequired && (
                  <Text size="sm" c="dimmed">
                    {t('checkout.trialNeedsNoMethod')}
                  </Text>
                )}
                {line.orderFields.length > 0 && (
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    {line.orderFields.map((field) => (
                      <OrderFieldInput
                        key={field.key}
                        field={field}
                        value={input.orderFields[line.itemId]?.[field.key] ?? ''}
                        error={errors[`orderFields.${line.itemId}.${field.key}`]}
                        onChange={(value) =>
                          change([`orderFields.${line.itemId}.${field.key}`], {
                            ...input,
                            orderFields: {
                              ...input.orderFields,
                              [line.itemId]: { ...input.orderFields[line.itemId], [field.key]: value },
                            },
                          })
                        }
                      />
                    ))}
                  </SimpleGrid>
                )}
              </Stack>
            ))}
            {checkout.unavailableItems.length > 0 && (
              <Alert
                color="orange"
                title={t('cart.flaggedTitle', { count: checkout.unavailableItems.length })}
              >
                {t('checkout.unavailableBody')}
              </Alert>
            )}
          </Stack>
        </Card>

        <Card withBorder padding="lg">
          <Stack gap="md">
            <Title order={2}>{t('checkout.steps.payment')}</Title>
            {!checkout.paymentMethodRequired && <Text size="sm">{t('checkout.noPaymentNeeded')}</Text>}
            {checkout.paymentMethods.length === 0 && checkout.paymentMethodRequired && (
              <Alert color="orange">{t('checkout.noPaymentMethod')}</Alert>
            )}
            <Radio.Group
              value={input.paymentMethod}
              onChange={(paymentMethod) => change(['paymentMethod'], { ...input, paymentMethod })}
              error={errors.paymentMethod}
              label={t('checkout.paymentMethod')}
              required={checkout.paymentMethodRequired}
            >
              <Stack gap="sm" mt="xs">
                {checkout.paymentMethods.map((m) => (
                  <Radio
                    key={m.method}
                    value={m.method}
                    label={m.label[lang]}
                    disabled={!m.available}
                    description={m.reason?.[lang]}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </Stack>
        </Card>

        <Card withBorder padding="lg">
          <Stack gap="md">
            <Title order={2}>{t('checkout.steps.consents')}</Title>
            {checkout.consents.map((consent) => (
              <Stack key={consent.documentKey} gap={4}>
                <Checkbox
                  checked={agreed(consent.documentKey)}
                  error={errors[`consents.${consent.documentKey}`]}
                  onChange={(event) => {
                    const others = input.consents.filter((c) => c.documentKey !== consent.documentKey);
                    change([`consents.${consent.documentKey}`], {
                      ...input,
                      consents: event.currentTarget.checked
                        ? [...others, { documentKey: consent.documentKey, version: consent.version }]
                        : others,
                    });
                  }}
                  label={
                    consent.kind === 'provider_data_sharing'
                      ? t('checkout.consentSharing', { provider: consent.provider?.name[lang] ?? '' })
                      : t('checkout.consentTo', { title: consent.title[lang] })
                  }
                />
                {consent.kind !== 'provider_data_sharing' && (
                  <Text size="xs" c="dimmed" pl={32}>
                    <Anchor component={Link} to={consent.url} target="_blank" size="xs">
                      {consent.title[lang]}
                    </Anchor>{' '}
                    {t('catalog.version', { version: consent.version })}
                  </Text>
                )}
                {consent.kind === 'provider_data_sharing' && consent.sharedFields.length > 0 && (
                  <Text size="xs" pl={32}>
                    {t('checkout.sharedFields', {
                      fields: consent.sharedFields
                        .map((f) => t(`checkout.shared.${f}`, { defaultValue: f }))
                        .join(t('cart.listSeparator')),
                    })}
                  </Text>
                )}
              </Stack>
            ))}
            {errors.consents && (
              <Text size="sm" c="red" role="alert">
                {errors.consents}
              </Text>
            )}
          </Stack>
        </Card>

        {confirm.isError && (
          <ProblemAlert error={confirm.error}>
            {fieldErrorCount > 0 && <Text size="sm">{t('checkout.fixFields')}</Text>}
          </ProblemAlert>
        )}
        <Group>
          <Button type="submit" size="md" loading={confirm.isPending} disabled={checkout.lines.length === 0}>
            {t('checkout.toConfirmation')}
          </Button>
          <Button component={Link} to="/cart" variant="default">
            {t('checkout.backToCart')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ContactTable({ title, contact }: { title: string; contact: CheckoutContact }) {
  const { t } = useTranslation();
  return (
    <Table variant="vertical" withTableBorder captionSide="top" className={classes.lines}>
      <Table.Caption>{title}</Table.Caption>
      <Table.Tbody>
        {contactKeys
          .filter((key) => contact[key])
          .map((key) => (
            <Table.Tr key={key}>
              <Table.Th w="12rem">{t(`checkout.contact.${key}`)}</Table.Th>
              <Table.Td>{key === 'phone' ? formatPhone(contact.phone) : contact[key]}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}

/** A fresh key per confirmation: a double click or a retry of this confirmation makes one order. */
function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

function Confirmation({
  confirmation,
  input,
  onBack,
  onReconfirmed,
}: {
  confirmation: CheckoutConfirmation;
  input: CheckoutInput;
  onBack: () => void;
  onReconfirmed: (confirmation: CheckoutConfirmation, changed: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const place = usePlaceOrder();
  const reconfirm = useConfirmCheckout();
  const problemText = useProblemText();
  const [key] = useState(newIdempotencyKey);
  const method = confirmation.paymentMethods.find((m) => m.method === input.paymentMethod);

  const submit = () => {
    if (place.isPending) return;
    place.mutate(
      { input, quote: confirmation.quote, idempotencyKey: key },
      {
        onSuccess: (order) => navigate(`/checkout/complete/${order.id}`, { replace: true }),
        onError: (error) => {
          // The server refused because something changed since this page was shown: show it, and the
          // confirmation again with the amounts as they are now (and a new key for the new confirmation).
          if (error instanceof ApiError && error.code === 'order_quote_changed') {
            const changed = problemText(error);
            reconfirm.mutate(input, {
              onSuccess: (fresh) => onReconfirmed(fresh, changed),
            });
          }
        },
      },
    );
  };
  const quoteChanged = place.error instanceof ApiError && place.error.code === 'order_quote_changed';

  return (
    <Stack gap="lg">
      <Alert color="blue">{t('checkout.confirmLead')}</Alert>
      <ContactTable title={t('checkout.customerContact')} contact={input.customerContact} />
      <ContactTable title={t('checkout.billingContact')} contact={input.billingContact} />
      {confirmation.lines.map((line) => (
        <Card key={line.itemId} withBorder padding="md" data-testid="confirmation-line">
          <Stack gap="xs">
            <Group gap="xs">
              <Text fw={700}>{line.product.name[lang]}</Text>
              {line.trial && (
                <Badge color="teal" variant="light">
                  {t('checkout.trialDays', { days: line.trial.days })}
                </Badge>
              )}
            </Group>
            <Text size="sm">
              {t('catalog.plan')}: {line.estimate.planName[lang]} / {t('catalog.term')}:{' '}
              {line.estimate.termLabel[lang]} / {t('catalog.quantity')}: {line.estimate.quantity}
            </Text>
            <EstimateLines estimate={line.estimate} />
            <Text size="sm">
              {t('catalog.firstTermTitle')}: <b>{formatYen(line.estimate.firstTerm.total)}</b>
            </Text>
            {Object.entries(input.orderFields[line.itemId] ?? {})
              .filter(([, value]) => value !== '')
              .map(([fieldKey, value]) => {
                const field = line.orderFields.find((f) => f.key === fieldKey);
                return (
                  <Text size="sm" key={fieldKey}>
                    {field ? field.label[lang] : fieldKey}: {value}
                  </Text>
                );
              })}
            {line.leadTimeNote[lang] && (
              <Text size="sm">
                {t('catalog.leadTime')}: {line.leadTimeNote[lang]}
              </Text>
            )}
            {line.checkoutNote[lang] && (
              <Text size="sm" c="dimmed">
                {line.checkoutNote[lang]}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
      {confirmation.totals && (
        <TaxSummary
          title={t('checkout.orderTotal')}
          doc={confirmation.totals.firstTerm}
          note={
            confirmation.totals.oneTime.total > 0
              ? t('cart.oneTimeIncluded', { amount: formatYen(confirmation.totals.oneTime.total) })
              : undefined
          }
        />
      )}
      <Text>
        {t('checkout.paymentMethod')}: {method ? method.label[lang] : t('checkout.noPaymentMethodChosen')}
      </Text>
      <Alert color="gray">{t('checkout.noCancel')}</Alert>
      {place.isError && !quoteChanged && <ProblemAlert error={place.error} />}
      {quoteChanged && reconfirm.isError && <ProblemAlert error={reconfirm.error} />}
      <Group>
        <Button
          size="md"
          color="orange"
          onClick={submit}
          loading={place.isPending || reconfirm.isPending}
          disabled={place.isPending || place.isSuccess || reconfirm.isPending}
        >
          {t('checkout.placeOrder')}
        </Button>
        <Button variant="default" onClick={onBack} disabled={place.isPending}>
          {t('checkout.backToForm')}
        </Button>
      </Group>
    </Stack>
  );
}

function CheckoutSteps({ checkout }: { checkout: Checkout }) {
  const { t } = useTranslation();
  const [input, setInput] = useState<CheckoutInput>(() => initialInput(checkout));
  const [confirmation, setConfirmation] = useState<CheckoutConfirmation | null>(null);
  // Each confirmation mounts its own Confirmation (and so its own Idempotency-Key).
  const [round, setRound] = useState(0);
  const [changed, setChanged] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the step changes, the page starts at the top.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [confirmation === null, round]);

  if (checkout.lines.length === 0) {
    return (
      <Alert color="orange" title={t('checkout.emptyTitle')}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('checkout.emptyBody')}</Text>
          <Button component={Link} to="/cart" size="xs">
            {t('checkout.backToCart')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {confirmation ? t('checkout.steps.confirm') : t('checkout.steps.input')}
      </Title>
      {changed && confirmation && (
        <Alert color="orange" role="alert" title={t('checkout.changedTitle')}>
          {changed}
        </Alert>
      )}
      {confirmation ? (
        <Confirmation
          key={round}
          confirmation={confirmation}
          input={input}
          onBack={() => {
            setConfirmation(null);
            setChanged(null);
          }}
          onReconfirmed={(fresh, message) => {
            setConfirmation(fresh);
            setChanged(message);
            setRound(round + 1);
          }}
        />
      ) : (
        <CheckoutForm
          checkout={checkout}
          input={input}
          setInput={setInput}
          onConfirmed={(next) => {
            setConfirmation(next);
            setChanged(null);
            setRound(round + 1);
          }}
        />
      )}
    </Stack>
  );
}

function CheckoutLoader() {
  const { t } = useTranslation();
  const { data, error, isPending } = useCheckout();
  if (isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('checkout.loading')}</Text>
      </Group>
    );
  }
  if (error || !data) return <ProblemAlert error={error} />;
  return <CheckoutSteps checkout={data} />;
}

/** `/checkout`: members only; a visitor is sent to sign in and brought back here. */
export function CheckoutPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" className={classes.page}>
      <Title order={1}>{t('checkout.title')}</Title>
      <WithMember signedOut={<Navigate to={`/login?next=${encodeURIComponent('/checkout')}`} replace />}>
        {() => <CheckoutLoader />}
      </WithMember>
    </Stack>
  );
}

/** `/checkout/complete/:orderId`: the order number, and where the order can be followed. */
export function CheckoutCompletePage() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const { data: order, error } = useMyOrder(orderId);
  return (
    <Stack gap="lg" className={classes.page}>
      <Title order={1}>{t('checkout.completeTitle')}</Title>
      {error && <ProblemAlert error={error} />}
      {!order && !error && <Loader size="sm" />}
      {order && (
        <Card withBorder padding="lg">
          <Stack gap="sm" align="flex-start">
            <Text>{t('checkout.completeLead')}</Text>
            <Text size="xl" fw={700} data-testid="order-number">
              {t('checkout.orderNumber', { number: order.number })}
            </Text>
            <Text size="sm">{t('checkout.receiptSent')}</Text>
            <Text size="sm" c="dimmed">
              {t('checkout.noCancel')}
            </Text>
            <Group>
              <Button component={Link} to={`/mypage/orders/${order.id}`}>
                {t('checkout.toOrder')}
              </Button>
              <Button component={Link} to="/products" variant="default">
                {t('cart.continueShopping')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

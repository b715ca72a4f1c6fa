// The inquiry form for guests and members (category preselected by ?category=), and the receipt page after sending.
import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { inquiryFormFieldsSchema } from '../../../src/domain/forms/inquiry-fields';
import { ApiError } from '../api/client';
import {
  fetchInquiryFormToken,
  type InquiryCategory,
  inquiryCategories,
  isInquiryCategory,
  useSubmitInquiry,
} from '../api/inquiries';
import { useMe } from '../api/member';
import { focusFirstError, useFormErrors, useSchemaErrors } from '../components/form-check';
import { formatPhone } from '../components/phone';
import { useFieldErrors, useProblemText } from '../components/problem';
import { StoreContactLine } from '../components/store-contact';
import classes from './inquiry.module.css';

const formFields = ['category', 'subject', 'message', 'contactName', 'contactEmail', 'contactPhone'] as const;
type FormField = (typeof formFields)[number];
type Values = Record<FormField, string>;

/** What the receipt page is told by the form; nothing else reaches it (a reload shows the fallback). */
interface ReceiptState {
  number: string;
  email: string;
}

const tokenKey = ['inquiry-form-token'] as const;
// A token older than this (the server's limit is 2 hours) is replaced before sending rather than refused.
const tokenRenewMarginMs = 5 * 60 * 1000;
// Problems that mean the form token, not the visitor's text, was at fault: a fresh token fixes them.
const tokenProblems = ['form_expired', 'form_token_invalid', 'form_token_used'];
const refusalProblems = ['spam_suspected', 'too_many_links', 'form_submitted_too_fast'];

function initialCategory(param: string | null): InquiryCategory | '' {
  return isInquiryCategory(param) ? param : '';
}

export function InquiryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const me = useMe();
  const member = me.data ?? null;
  const submit = useSubmitInquiry();
  const fieldErrors = useFieldErrors();
  const problemText = useProblemText();
  // The token is issued when the form opens: the server refuses a form sent within seconds of that.
  const token = useQuery({
    queryKey: tokenKey,
    queryFn: fetchInquiryFormToken,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: 1,
  });
  const [values, setValues] = useState<Values>({
    category: initialCategory(params.get('category')),
    subject: '',
    message: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
  });
  const [honeypot, setHoneypot] = useState('');
  const schemaErrors = useSchemaErrors();
  const errors = useFormErrors();
  const form = useRef<HTMLFormElement>(null);
  const [renewed, setRenewed] = useState(false);
  const [prefilled, setPrefilled] = useState(false);

  // A member's own details fill the contact fields once, without overwriting what they already typed.
  useEffect(() => {
    if (prefilled || !member) return;
    setPrefilled(true);
    setValues((current) => ({
      ...current,
      contactName: current.contactName || member.name,
      contactEmail: current.contactEmail || member.email,
      contactPhone: current.contactPhone || formatPhone(member.phone),
    }));
  }, [member, prefilled]);

  // Links from other pages change ?category= while the form is open (the store navigation, a lock notice).
  const categoryParam = params.get('category');
  useEffect(() => {
    const category = initialCategory(categoryParam);
    if (category !== '') setValues((current) => ({ ...current, category }));
  }, [categoryParam]);

  const set = (field: FormField) => (value: string) => {
    errors.markEdited([field]);
    setValues((current) => ({ ...current, [field]: value }));
  };

  // The API's own field rules, so every problem shows at once and in the words the server would use.
  const client = () =>
    schemaErrors(inquiryFormFieldsSchema, {
      ...values,
      contactPhone: values.contactPhone.trim() === '' ? undefined : values.contactPhone,
    });

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (submit.isPending) return;
    errors.markSubmitted();
    if (Object.keys(client()).length > 0) {
      focusFirstError(form.current);
      return;
    }
    setRenewed(false);
    let current = token.data;
    if (!current || Date.parse(current.expiresAt) - Date.now() < tokenRenewMarginMs) {
      current = (await token.refetch()).data;
      if (!current) return;
    }
    submit.mutate(
      {
        category: values.category as InquiryCategory,
        subject: values.subject.trim(),
        message: values.message.trim(),
        contactName: values.contactName.trim(),
        contactEmail: values.contactEmail.trim(),
        ...(values.contactPhone.trim() === '' ? {} : { contactPhone: values.contactPhone.trim() }),
        formToken: current.token,
        website: honeypot,
      },
      {
        onSuccess: (received) => {
          queryClient.removeQueries({ queryKey: tokenKey });
          const state: ReceiptState = { number: received.number, email: values.contactEmail.trim() };
          navigate('/inquiry/received', { state });
        },
        onError: (error) => {
          focusFirstError(form.current);
          if (error instanceof ApiError && tokenProblems.includes(error.code ?? '')) {
            setRenewed(true);
            void token.refetch();
          }
        },
      },
    );
  };

  const failure = submit.isError ? submit.error : null;
  const server = failure ? fieldErrors(failure, formFields) : { byField: {}, other: [] };
  const clientErrors = errors.submitted ? client() : {};
  const errorOf = (field: FormField): string | undefined => errors.pick(clientErrors, server.byField, field);
  const fieldFailure = Object.keys(server.byField).length > 0 && server.other.length === 0;
  const code = failure instanceof ApiError ? failure.code : undefined;

  let alert = null;
  if (renewed) {
    alert = (
      <Alert color="yellow" role="alert" data-problem={code}>
        {t('inquiry.form.tokenRenewed')}
      </Alert>
    );
  } else if (failure && !fieldFailure) {
    const rateLimited = code === 'inquiry_rate_limited';
    const refused = refusalProblems.includes(code ?? '');
    alert = (
      <Alert
        color={rateLimited ? 'yellow' : 'red'}
        role="alert"
        data-problem={code}
        title={
          rateLimited
            ? t('inquiry.form.rateLimitedTitle')
            : refused
              ? t('inquiry.form.refusedTitle')
              : t('inquiry.form.failedTitle')
        }
      >
        <Stack gap="xs">
          <Text size="sm">{problemText(failure)}</Text>
          {server.other.length > 0 && server.other.join(' ') !== problemText(failure) && (
            <Text size="sm">{server.other.join(' ')}</Text>
          )}
        </Stack>
      </Alert>
    );
  }

  return (
    <Stack gap="lg" className={classes.page}>
      <Stack gap="xs">
        <Title order={1}>{t('inquiry.form.title')}</Title>
        <Text>{t('inquiry.form.lead')}</Text>
      </Stack>
      {member ? (
        <Alert color="blue" data-member-note>
          {t('inquiry.form.memberNote', { name: member.name, loginId: member.loginId })}
        </Alert>
      ) : me.isSuccess ? (
        <Alert color="gray">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('inquiry.form.guestNote')}</Text>
            <Button component={Link} to="/login" size="xs" variant="default">
              {t('inquiry.form.signIn')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      {token.isError && (
        <Alert color="red" role="alert">
          {t('inquiry.form.tokenFailed')}
        </Alert>
      )}
      {alert}
      <Paper withBorder p="lg">
        <form ref={form} onSubmit={(event) => void send(event)} noValidate>
          <Stack gap="md">
            <NativeSelect
              label={t('inquiry.form.category')}
              required
              data={[
                { value: '', label: t('inquiry.form.categoryPlaceholder'), disabled: true },
                ...inquiryCategories.map((value) => ({ value, label: t(`inquiry.categories.${value}`) })),
              ]}
              value={values.category}
              onChange={(event) => set('category')(event.currentTarget.value)}
              error={errorOf('category')}
              name="category"
            />
            <TextInput
              label={t('inquiry.form.subject')}
              required
              maxLength={200}
              value={values.subject}
              onChange={(event) => set('subject')(event.currentTarget.value)}
              error={errorOf('subject')}
              name="subject"
            />
            <Textarea
              label={t('inquiry.form.message')}
              description={t('inquiry.form.messageHelp')}
              required
              autosize
              minRows={6}
              maxLength={5000}
              value={values.message}
              onChange={(event) => set('message')(event.currentTarget.value)}
              error={errorOf('message')}
              name="message"
            />
            <Title order={2} size="h4">
              {t('inquiry.form.contactTitle')}
            </Title>
            <TextInput
              label={t('inquiry.form.contactName')}
              required
              autoComplete="name"
              maxLength={100}
              value={values.contactName}
              onChange={(event) => set('contactName')(event.currentTarget.value)}
              error={errorOf('contactName')}
              name="contactName"
            />
            <TextInput
              type="email"
              label={t('inquiry.form.contactEmail')}
              description={t('inquiry.form.contactEmailHelp')}
              required
              autoComplete="email"
              maxLength={254}
              value={values.contactEmail}
              onChange={(event) => set('contactEmail')(event.currentTarget.value)}
              error={errorOf('contactEmail')}
              name="contactEmail"
            />
            <TextInput
              type="tel"
              label={t('inquiry.form.contactPhone')}
              autoComplete="tel"
              maxLength={30}
              value={values.contactPhone}
              onChange={(event) => set('contactPhone')(event.currentTarget.value)}
              error={errorOf('contactPhone')}
              name="contactPhone"
            />
            <div className={classes.honeypot} aria-hidden="true">
              <label>
                {t('inquiry.form.honeypot')}
                <input
                  type="text"
                  name={token.data?.honeypotField ?? 'website'}
                  tabIndex={-1}
                  autoComplete="off"
                  value={honeypot}
                  onChange={(event) => setHoneypot(event.currentTarget.value)}
                />
              </label>
            </div>
            <Group>
              <Button type="submit" loading={submit.isPending || token.isFetching} disabled={token.isError}>
                {t('inquiry.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <StoreContactLine withForm={false} />
    </Stack>
  );
}

function isReceiptState(value: unknown): value is ReceiptState {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ReceiptState>;
  return typeof candidate.number === 'string' && typeof candidate.email === 'string';
}

export function InquiryReceivedPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const receipt = isReceiptState(location.state) ? location.state : null;
  if (!receipt) {
    return (
      <Stack gap="lg" className={classes.page}>
        <Title order={1}>{t('inquiry.received.missingTitle')}</Title>
        <Text>{t('inquiry.received.missingBody')}</Text>
        <Group>
          <Button component={Link} to="/inquiry" variant="default">
            {t('inquiry.received.another')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="lg" className={classes.page}>
      <Title order={1}>{t('inquiry.received.title')}</Title>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('inquiry.received.number')}
          </Text>
          <Text className={classes.number} data-inquiry-number>
            {receipt.number}
          </Text>
          <Text>
            {receipt.email
              ? t('inquiry.received.body', { email: receipt.email })
              : t('inquiry.received.bodyNoEmail')}
          </Text>
          <Text size="sm">{t('inquiry.received.quote')}</Text>
        </Stack>
      </Paper>
      <Group>
        {me.data && (
          <Button component={Link} to="/mypage/inquiries">
            {t('inquiry.received.mypage')}
          </Button>
        )}
        <Button component={Link} to="/" variant="default">
          {t('inquiry.received.home')}
        </Button>
        <Anchor component={Link} to="/inquiry" size="sm">
          {t('inquiry.received.another')}
        </Anchor>
      </Group>
    </Stack>
  );
}

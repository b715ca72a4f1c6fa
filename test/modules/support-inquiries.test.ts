// Inquiries at module level: numbers per year, spam rules, the guest limit in fake time, and the operator inbox.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { authUser, members } from '../../src/db/schema/identity.js';
import { outbox } from '../../src/db/schema/notifications.js';
import { inquiries } from '../../src/db/schema/support.js';
import { FakeClock, toDate } from '../../src/domain/clock.js';
import { AppError } from '../../src/domain/errors.js';
import { newId } from '../../src/domain/ids.js';
import {
  addInternalNote,
  addMemberMessage,
  assignInquiry,
  changeInquiryStatus,
  getInquiry,
  getMyInquiry,
  issueFormToken,
  listInquiries,
  listMyInquiries,
  type OperatorActor,
  replyToInquiry,
  type SubmitInquiryInput,
  submitInquiry,
} from '../../src/modules/support/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const secret = 'test-secret-test-secret-test-secret-0123';
const clock = new FakeClock('2026-04-01T10:00:00+09:00');
const operator: OperatorActor = { kind: 'operator', id: 'opr_suzuki' };
let database: TestDatabase;
let address = 0;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const db = () => database.handle.db;

/** A guest form filled in 10 seconds after it was shown, from its own address unless one is given. */
function guestForm(overrides: Partial<SubmitInquiryInput> = {}): SubmitInquiryInput {
  const now = overrides.now ?? clock.now();
  address += 1;
  return {
    category: 'other',
    subject: '請求書の宛名について',
    message: '宛名を会社名に変更できますか。',
    contactName: '佐藤 一郎',
    contactEmail: 'ichiro@example.jp',
    memberId: null,
    locale: 'ja',
    formToken: issueFormToken(secret, now.subtract({ seconds: 10 })).token,
    honeypot: '',
    secret,
    clientAddress: `192.0.2.${address}`,
    now,
    ...overrides,
  };
}

async function addMember(name: string, email: string, locale: 'ja' | 'en'): Promise<string> {
  const id = newId('member');
  const at = toDate(clock.now());
  await db()
    .insert(authUser)
    .values({ id, name, email: `${id}@members.keiyaku.invalid`, createdAt: at, updatedAt: at });
  await db().insert(members).values({
    id,
    loginId: id,
    name,
    nameKana: 'テスト',
    email,
    locale,
    status: 'active',
    termsVersion: '2026-04-01',
    termsAcceptedAt: at,
    createdAt: at,
  });
  return id;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('inquiry numbers', () => {
  it('run Q2026-000001, 000002 … within a Tokyo year and restart at 000001 on 1 January', async () => {
    const numbers: string[] = [];
    for (const at of [
      '2026-04-01T10:00:00+09:00',
      '2026-04-01T10:05:00+09:00',
      '2026-12-31T23:59:59+09:00',
      // Still 31 December in UTC, already 2027 in Tokyo.
      '2027-01-01T00:00:00+09:00',
      '2027-01-02T09:00:00+09:00',
    ]) {
      clock.travelTo(at);
      numbers.push((await submitInquiry(db(), guestForm())).number);
    }
    expect(numbers).toEqual(['Q2026-000001', 'Q2026-000002', 'Q2026-000003', 'Q2027-000001', 'Q2027-000002']);
    clock.travelTo('2026-04-01T10:00:00+09:00');
  });

  it('gives a refused inquiry no number: the next one takes the following number', async () => {
    clock.travelTo('2027-03-01T10:00:00+09:00');
    const refused = await failure(submitInquiry(db(), guestForm({ contactEmail: undefined })));
    expect(refused.code).toBe('validation_failed');
    expect(refused.fields.map((f) => f.path)).toEqual(['contactEmail']);
    expect((await submitInquiry(db(), guestForm())).number).toBe('Q2027-000003');
    clock.travelTo('2026-04-01T10:00:00+09:00');
  });
});

describe('spam rules', () => {
  it('refuses a filled honeypot, a forged, too fresh or too old token, link markup and more than two links', async () => {
    const now = clock.now();
    const cases: [Partial<SubmitInquiryInput>, string][] = [
      [{ honeypot: 'https://spam.example' }, 'spam_suspected'],
      [{ formToken: `${now.epochMilliseconds - 10_000}.${'A'.repeat(43)}` }, 'form_token_invalid'],
      [{ formToken: 'not-a-token' }, 'form_token_invalid'],
      [
        {
          formToken: issueFormToken('another-secret-another-secret-012', now.subtract({ seconds: 10 })).token,
        },
        'form_token_invalid',
      ],
      [{ formToken: issueFormToken(secret, now.subtract({ seconds: 2 })).token }, 'form_submitted_too_fast'],
      [{ formToken: issueFormToken(secret, now.subtract({ hours: 2, seconds: 1 })).token }, 'form_expired'],
      [{ message: 'Cheap pills [url=http://pills.example]here[/url]' }, 'spam_suspected'],
      [{ message: 'see https://a.example and www.b.example and http://c.example/x' }, 'too_many_links'],
    ];
    for (const [overrides, code] of cases) {
      const error = await failure(submitInquiry(db(), guestForm(overrides)));
      expect([error.code, error.status]).toEqual([code, 422]);
    }
    const twoLinks = await submitInquiry(
      db(),
      guestForm({ message: 'The invoice https://www.example.jp/invoices/1 and https://example.jp/help' }),
    );
    expect(twoLinks.status).toBe('new');
    const exactlyThreeSeconds = await submitInquiry(
      db(),
      guestForm({ formToken: issueFormToken(secret, now.subtract({ seconds: 3 })).token }),
    );
    expect(exactlyThreeSeconds.status).toBe('new');
  });
});

describe('the guest limit', () => {
  it('takes 5 inquiries an hour from one address, counted in the database with the clock’s time', async () => {
    clock.travelTo('2026-05-01T10:00:00+09:00');
    const from = (clientAddress: string | null) => guestForm({ clientAddress, now: clock.now() });
    for (let i = 0; i < 5; i++) {
      await submitInquiry(db(), from('198.51.100.7'));
      clock.advance({ minutes: 10 });
    }
    // 10:50: the first of the five was sent at 10:00, so a slot frees at 11:00.
    const refused = await failure(submitInquiry(db(), from('198.51.100.7')));
    expect([refused.code, refused.status]).toEqual(['inquiry_rate_limited', 429]);
    expect(refused.messages.en).toBe(
      'Too many inquiries have been sent from your network (at most 5 an hour). Please try again in about 10 minutes.',
    );
    expect((await submitInquiry(db(), from('198.51.100.8'))).status).toBe('new');
    clock.travelTo('2026-05-01T11:00:00+09:00');
    expect((await submitInquiry(db(), from('198.51.100.7'))).status).toBe('new');
    const again = await failure(submitInquiry(db(), from('198.51.100.7')));
    expect(again.code).toBe('inquiry_rate_limited');
  });

  it('counts requests of unknown origin together, and never limits members', async () => {
    clock.travelTo('2026-05-02T10:00:00+09:00');
    for (let i = 0; i < 5; i++) await submitInquiry(db(), guestForm({ clientAddress: null }));
    expect((await failure(submitInquiry(db(), guestForm({ clientAddress: null })))).code).toBe(
      'inquiry_rate_limited',
    );
    const memberId = await addMember('会員 太郎', 'taro@example.jp', 'ja');
    for (let i = 0; i < 6; i++) {
      await submitInquiry(
        db(),
        guestForm({ clientAddress: null, memberId, contactName: undefined, contactEmail: undefined }),
      );
    }
    expect(await listMyInquiries(db(), memberId)).toHaveLength(6);
    clock.travelTo('2026-04-01T10:00:00+09:00');
  });
});

describe('members and the operator inbox', () => {
  let hanako: string;
  let other: string;
  let inquiryId: string;
  let number: string;

  beforeAll(async () => {
    clock.travelTo('2026-06-01T10:00:00+09:00');
    hanako = await addMember('Hanako Yamada', 'hanako@example.jp', 'en');
    other = await addMember('他の 会員', 'other@example.jp', 'ja');
    const submitted = await submitInquiry(
      db(),
      guestForm({
        memberId: hanako,
        contactName: undefined,
        contactEmail: undefined,
        category: 'start_date',
        subject: 'Change my start date',
        message: 'Could my contract start on 1 July instead?',
        locale: 'ja',
      }),
    );
    inquiryId = submitted.id;
    number = submitted.number;
  });

  it('prefills a member’s name and email and answers in the member’s language', async () => {
    const [row] = await db().select().from(inquiries).where(eq(inquiries.id, inquiryId));
    expect(row).toMatchObject({
      number,
      contactName: 'Hanako Yamada',
      contactEmail: 'hanako@example.jp',
      memberId: hanako,
      locale: 'en',
      status: 'new',
      category: 'start_date',
    });
    const [receipt] = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, 'inquiry-received'), eq(outbox.recipient, 'hanako@example.jp')));
    expect(receipt).toMatchObject({
      locale: 'en',
      payload: {
        name: 'Hanako Yamada',
        number,
        category: 'start_date',
        subject: 'Change my start date',
        message: 'Could my contract start on 1 July instead?',
      },
    });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, inquiryId), eq(auditLog.action, 'inquiry.submitted')));
    expect(audit).toMatchObject({ actorKind: 'member', actorId: hanako, after: { number, status: 'new' } });
  });

  it('shows a member only their own inquiries: another member’s id is not found', async () => {
    expect((await listMyInquiries(db(), hanako)).map((i) => i.number)).toEqual([number]);
    expect(await listMyInquiries(db(), other)).toEqual([]);
    expect((await getMyInquiry(db(), { memberId: hanako, inquiryId })).number).toBe(number);
    const hidden = await failure(getMyInquiry(db(), { memberId: other, inquiryId }));
    expect([hidden.code, hidden.status]).toEqual(['inquiry_not_found', 404]);
    const unknown = await failure(getMyInquiry(db(), { memberId: hanako, inquiryId: 'inq_nope' }));
    expect(unknown.code).toBe('inquiry_not_found');
    const write = await failure(
      addMemberMessage(db(), { memberId: other, inquiryId, body: 'hi', now: clock.now() }),
    );
    expect(write.code).toBe('inquiry_not_found');
  });

  it('assigns, notes, replies by mail, reopens on a follow-up and closes, auditing each step', async () => {
    await assignInquiry(db(), {
      inquiryId,
      assigneeOperatorId: 'opr_suzuki',
      actor: operator,
      now: clock.now(),
    });
    clock.advance({ minutes: 5 });
    await addInternalNote(db(), {
      inquiryId,
      body: 'Contract ctr_123 has not started yet; the date can move.',
      actor: operator,
      now: clock.now(),
    });
    clock.advance({ minutes: 5 });
    const reply = await replyToInquiry(db(), {
      inquiryId,
      body: 'We have moved your start date to 1 July 2026.',
      actor: operator,
      now: clock.now(),
    });
    expect(reply.status).toBe('answered');
    const [mail] = await db().select().from(outbox).where(eq(outbox.id, reply.outboxId));
    expect(mail).toMatchObject({
      template: 'inquiry-reply',
      locale: 'en',
      recipient: 'hanako@example.jp',
      status: 'pending',
      payload: {
        name: 'Hanako Yamada',
        number,
        subject: 'Change my start date',
        reply: 'We have moved your start date to 1 July 2026.',
        inquiryId,
      },
    });

    const seen = await getMyInquiry(db(), { memberId: hanako, inquiryId });
    expect(seen.status).toBe('answered');
    expect(seen.messages.map((m) => [m.direction, m.body])).toEqual([
      ['to_customer', 'We have moved your start date to 1 July 2026.'],
    ]);
    const full = await getInquiry(db(), inquiryId);
    expect(full.assigneeOperatorId).toBe('opr_suzuki');
    expect(full.messages.map((m) => [m.direction, m.authorKind, m.authorId])).toEqual([
      ['internal_note', 'operator', 'opr_suzuki'],
      ['to_customer', 'operator', 'opr_suzuki'],
    ]);

    clock.advance({ minutes: 5 });
    const followUp = await addMemberMessage(db(), {
      memberId: hanako,
      inquiryId,
      body: 'Thank you! Will the first invoice change too?',
      now: clock.now(),
    });
    expect(followUp.status).toBe('in_progress');
    await changeInquiryStatus(db(), {
      inquiryId,
      status: 'closed',
      reason: 'answered by phone',
      actor: operator,
      now: clock.now(),
    });

    const refused = await failure(
      addMemberMessage(db(), { memberId: hanako, inquiryId, body: 'one more', now: clock.now() }),
    );
    expect([refused.code, refused.status]).toEqual(['inquiry_closed', 409]);
    const noReply = await failure(
      replyToInquiry(db(), { inquiryId, body: 'late', actor: operator, now: clock.now() }),
    );
    expect([noReply.code, noReply.status]).toEqual(['inquiry_transition_not_allowed', 409]);

    const trail = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, inquiryId))
      .orderBy(auditLog.at, auditLog.id);
    expect(
      trail.map((a) => [
        a.action,
        a.actorKind,
        a.actorId,
        a.before,
        a.after === null ? null : 'after',
        a.reason,
      ]),
    ).toEqual([
      ['inquiry.submitted', 'member', hanako, null, 'after', null],
      ['inquiry.assigned', 'operator', 'opr_suzuki', { assigneeOperatorId: null }, 'after', null],
      ['inquiry.note_added', 'operator', 'opr_suzuki', null, 'after', null],
      ['inquiry.replied', 'operator', 'opr_suzuki', { status: 'new' }, 'after', null],
      ['inquiry.customer_message_added', 'member', hanako, { status: 'answered' }, 'after', null],
      [
        'inquiry.status_changed',
        'operator',
        'opr_suzuki',
        { status: 'in_progress' },
        'after',
        'answered by phone',
      ],
    ]);
  });

  it('refuses illegal transitions with a clear problem and changes nothing', async () => {
    const fresh = await submitInquiry(db(), guestForm());
    const error = await failure(
      changeInquiryStatus(db(), {
        inquiryId: fresh.id,
        status: 'answered',
        actor: operator,
        now: clock.now(),
      }),
    );
    expect([error.code, error.status]).toEqual(['inquiry_transition_not_allowed', 409]);
    expect(error.messages).toEqual({
      ja: 'お問い合わせの状態を「新規」から「回答済み」に変更することはできません。',
      en: 'An inquiry cannot go from "new" to "answered".',
    });
    expect((await getInquiry(db(), fresh.id)).status).toBe('new');
    await changeInquiryStatus(db(), {
      inquiryId: fresh.id,
      status: 'in_progress',
      actor: operator,
      now: clock.now(),
    });
    expect(
      (
        await failure(
          changeInquiryStatus(db(), {
            inquiryId: fresh.id,
            status: 'new',
            actor: operator,
            now: clock.now(),
          }),
        )
      ).code,
    ).toBe('inquiry_transition_not_allowed');
    const missing = await failure(
      assignInquiry(db(), {
        inquiryId: 'inq_missing',
        assigneeOperatorId: null,
        actor: operator,
        now: clock.now(),
      }),
    );
    expect(missing.code).toBe('inquiry_not_found');
  });

  it('filters the inbox by status, category and literal text', async () => {
    const startDate = await listInquiries(db(), { category: 'start_date' });
    expect(startDate.items.map((i) => i.id)).toEqual([inquiryId]);
    expect(startDate.total).toBe(1);
    expect((await listInquiries(db(), { status: 'closed' })).items.map((i) => i.id)).toEqual([inquiryId]);
    expect((await listInquiries(db(), { search: number })).items.map((i) => i.id)).toEqual([inquiryId]);
    expect((await listInquiries(db(), { search: 'HANAKO@EXAMPLE' })).items.map((i) => i.id)).toEqual([
      inquiryId,
    ]);
    expect((await listInquiries(db(), { search: '1 july' })).items.map((i) => i.id)).toEqual([inquiryId]);
    expect((await listInquiries(db(), { search: '%' })).total).toBe(0);
    expect((await listInquiries(db(), { assigneeOperatorId: 'opr_suzuki' })).total).toBe(1);
    const all = await listInquiries(db(), { limit: 2 });
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(10);
  });
});

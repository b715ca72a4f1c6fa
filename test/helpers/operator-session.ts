// Creates operators and signs them in through the real admin routes (password, then the mailed code).
import { expect } from 'vitest';
import { listDevMailbox } from '../../src/modules/notifications/index.js';
import { createOperator, type OperatorRole } from '../../src/modules/operators/index.js';
import { Browser, mailTo } from './member-session.js';
import type { TestApp } from './test-app.js';

const password = 'Adm1n-pass-2026!';

export interface SignedInOperator {
  operatorId: string;
  browser: Browser;
}

/** A new operator with `roles`, signed in with the mailed code. */
export async function operatorSignedIn(
  t: TestApp,
  loginId: string,
  roles: OperatorRole[],
): Promise<SignedInOperator> {
  const email = `${loginId.toLowerCase()}@staff.example.jp`;
  const { operatorId } = await createOperator(t.ctx.db, {
    loginId,
    displayName: `${loginId} さん`,
    email,
    roles,
    password,
    actor: { kind: 'cli', id: 'test' },
    now: t.clock.now(),
  });
  const browser = new Browser(t);
  const before = (await listDevMailbox(t.ctx.db, 500)).filter((m) => m.to === email).length;
  expect((await browser.send('/api/admin/sessions', 'POST', { loginId, password })).status).toBe(202);
  const mail = (await mailTo(t, email, before + 1)).at(-1)!;
  const code = /(?:コード|code is): (\d{6})/.exec(mail.text)![1]!;
  expect((await browser.send('/api/admin/sessions/verify-code', 'POST', { code })).status).toBe(200);
  return { operatorId, browser };
}

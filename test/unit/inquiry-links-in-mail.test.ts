// Mails that send a member to the inquiry form link it with the matching category, in both languages.
import { describe, expect, it } from 'vitest';
import { renderMail } from '../../src/modules/notifications/render-mail.js';
import type { MailStore } from '../../src/modules/notifications/templates/types.js';

const store: MailStore = {
  name: 'テストストア',
  email: 'support@store.example.jp',
  phone: '03-1234-5678',
  businessHours: '平日 10:00〜17:00',
  publicUrl: 'https://store.example.jp',
};

describe('the lock mail', () => {
  const payload = { name: '山田 花子', loginId: 'yamada.hanako', minutes: 10 };

  it('links the unlock inquiry when only an operator can lift the lock', () => {
    const ja = renderMail('member-login-locked', 'ja', { ...payload, mode: 'operator' }, store);
    expect(ja.text).toContain(
      '解除をご希望の場合は、お問い合わせフォームからご連絡ください。\nhttps://store.example.jp/inquiry?category=unlock\n',
    );
    expect(ja.html).toContain(
      '<a href="https://store.example.jp/inquiry?category=unlock">お問い合わせフォーム</a>からご連絡ください。',
    );
    const en = renderMail('member-login-locked', 'en', { ...payload, mode: 'operator' }, store);
    expect(en.text).toContain(
      'To have it unlocked, please contact us via the inquiry form:\nhttps://store.example.jp/inquiry?category=unlock\n',
    );
    expect(en.html).toContain(
      'via the <a href="https://store.example.jp/inquiry?category=unlock">inquiry form</a>.',
    );
  });

  it('sends nobody to the form when the lock lifts by itself', () => {
    for (const locale of ['ja', 'en'] as const) {
      const mail = renderMail('member-login-locked', locale, { ...payload, mode: 'auto' }, store);
      expect(mail.text).not.toContain('/inquiry');
      expect(mail.html).not.toContain('/inquiry');
    }
  });
});

describe('the password-changed mail', () => {
  it('links the inquiry form for a change the member did not make', () => {
    const payload = { name: '山田 花子', loginId: 'yamada.hanako', via: 'mypage' };
    const ja = renderMail('member-password-changed', 'ja', payload, store);
    expect(ja.text).toContain(
      '至急お問い合わせフォームからご連絡ください。\nhttps://store.example.jp/inquiry?category=other\n',
    );
    expect(ja.html).toContain('<a href="https://store.example.jp/inquiry?category=other">');
    const en = renderMail('member-password-changed', 'en', payload, store);
    expect(en.text).toContain(
      'contact us at once via the inquiry form:\nhttps://store.example.jp/inquiry?category=other\n',
    );
  });
});

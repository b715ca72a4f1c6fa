// Where rendered mail goes: a real SMTP server, or the dev mailbox table when none is configured.
import nodemailer from 'nodemailer';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { devMailbox } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';

export interface OutgoingMail {
  outboxId: string;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  kind: 'smtp' | 'dev-mailbox';
  /** Delivers one mail; throws when the receiver refuses, so the job is retried. */
  send(mail: OutgoingMail, tx: DbOrTx, now: Temporal.Instant): Promise<void>;
  close(): void;
}

/** Sends through nodemailer to `SMTP_URL` (e.g. smtp://user:pass@mail.example.jp:587). */
export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        messageId: mail.messageId,
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    },
    close: () => transporter.close(),
  };
}

/** Keeps mail in the database for `keiyaku mailbox` and the admin console; delivering twice keeps one. */
export function devMailboxTransport(): MailTransport {
  return {
    kind: 'dev-mailbox',
    async send(mail, tx, now) {
      await tx
        .insert(devMailbox)
        .values({
          id: newId('mail'),
          outboxId: mail.outboxId,
          messageId: mail.messageId,
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          deliveredAt: toDate(now),
        })
        .onConflictDoNothing({ target: devMailbox.outboxId });
    },
    close: () => {},
  };
}

/** The transport the configuration asks for. */
export function mailTransportFor(smtpUrl: string | undefined): MailTransport {
  return smtpUrl ? smtpTransport(smtpUrl) : devMailboxTransport();
}

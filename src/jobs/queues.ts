// Queue names and their retry policies, in one place so senders and workers agree.
import type PgBoss from 'pg-boss';
import { sweeps } from './sweeps.js';

export const queues = {
  deliverMail: 'mail.deliver',
  deliverWebhook: 'webhook.deliver',
  deliverSms: 'sms.deliver',
} as const;

export type QueueName = (typeof queues)[keyof typeof queues];

// `stately`: at most one sweep queued and one running, so the timer of every worker node adds no backlog.
const sweepPolicy: Omit<PgBoss.Queue, 'name'> = {
  policy: 'stately',
  retryLimit: 3,
  retryDelay: 60,
  expireInSeconds: 600,
};

/** Every queue's policy: the delivery queues', and one per sweep, named after it (e.g. `members.anonymise`). */
export const queuePolicies: Record<string, Omit<PgBoss.Queue, 'name'>> = {
  // Retries back off exponentially from 2 s (2, 4, 8 … 512 s): about 17 minutes for a flaky SMTP server.
  [queues.deliverMail]: { retryLimit: 9, retryDelay: 2, retryBackoff: true, expireInSeconds: 120 },
  // A provider's system may be down overnight: 4 s doubling to about 9 h, some 18 hours in all.
  [queues.deliverWebhook]: { retryLimit: 14, retryDelay: 4, retryBackoff: true, expireInSeconds: 60 },
  // A sign-in code lives 10 minutes: 2, 4, 8 … 64 s covers about two minutes of a provider's 429s and 5xx.
  [queues.deliverSms]: { retryLimit: 6, retryDelay: 2, retryBackoff: true, expireInSeconds: 60 },
  ...Object.fromEntries(sweeps.map((sweep) => [sweep.name, sweepPolicy])),
};

// Queue names and their retry policies, in one place so senders and workers agree.
import type PgBoss from 'pg-boss';

export const queues = {
  deliverMail: 'mail.deliver',
  deliverWebhook: 'webhook.deliver',
  deliverSms: 'sms.deliver',
  anonymiseMembers: 'members.anonymise',
} as const;

export type QueueName = (typeof queues)[keyof typeof queues];

/** Retries back off exponentially from 2 s (2, 4, 8 … 512 s): about 17 minutes for a flaky SMTP server. */
export const queuePolicies: Record<QueueName, Omit<PgBoss.Queue, 'name'>> = {
  [queues.deliverMail]: { retryLimit: 9, retryDelay: 2, retryBackoff: true, expireInSeconds: 120 },
  // A provider's system may be down overnight: 4 s doubling to about 9 h, some 18 hours in all.
  [queues.deliverWebhook]: { retryLimit: 14, retryDelay: 4, retryBackoff: true, expireInSeconds: 60 },
  // A sign-in code lives 10 minutes: 2, 4, 8 … 64 s covers about two minutes of a provider's 429s and 5xx.
  [queues.deliverSms]: { retryLimit: 6, retryDelay: 2, retryBackoff: true, expireInSeconds: 60 },
  // `stately`: at most one sweep queued and one running, so the timer of every worker node adds no backlog.
  [queues.anonymiseMembers]: { policy: 'stately', retryLimit: 3, retryDelay: 60, expireInSeconds: 600 },
};

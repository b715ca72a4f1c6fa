// Queue names and their retry policies, in one place so senders and workers agree.
import type PgBoss from 'pg-boss';

export const queues = {
  deliverMail: 'mail.deliver',
  deliverWebhook: 'webhook.deliver',
} as const;

export type QueueName = (typeof queues)[keyof typeof queues];

/** Retries back off exponentially from 2 s (2, 4, 8 … 512 s): about 17 minutes for a flaky SMTP server. */
export const queuePolicies: Record<QueueName, Omit<PgBoss.Queue, 'name'>> = {
  [queues.deliverMail]: { retryLimit: 9, retryDelay: 2, retryBackoff: true, expireInSeconds: 120 },
  // A provider's system may be down overnight: 4 s doubling to about 9 h, some 18 hours in all.
  [queues.deliverWebhook]: { retryLimit: 14, retryDelay: 4, retryBackoff: true, expireInSeconds: 60 },
};

// A batch of domain events reaches each subscriber once as a batch where it can take one, event by event where it cannot, in the recording transaction.
import { asc, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainEvents } from '../../src/db/schema/events.js';
import {
  type DomainEventPayloads,
  type RecordedDomainEvent,
  recordDomainEvents,
  registerDomainEventSubscriber,
} from '../../src/modules/events/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

type Stopped = 'contract.auto_renewal_stopped';

let t: TestApp;
const batches: string[][] = [];
const oneByOne: string[] = [];

function payload(contractId: string): DomainEventPayloads[Stopped] {
  return {
    contractId,
    attempted: { term: '12m', options: [] },
    reason: 'estimate_term_not_offered',
  } as never;
}

beforeAll(async () => {
  t = await createTestApp();
  registerDomainEventSubscriber({
    name: 'test.batch-taker',
    type: 'contract.auto_renewal_stopped',
    handle: async (_tx, event) => {
      batches.push([event.subjectId]);
    },
    handleBatch: async (_tx, events: readonly RecordedDomainEvent<Stopped>[]) => {
      batches.push(events.map((e) => e.subjectId));
    },
  });
  registerDomainEventSubscriber({
    name: 'test.one-by-one',
    type: 'contract.auto_renewal_stopped',
    handle: async (_tx, event) => {
      oneByOne.push(event.payload.contractId);
    },
  });
});

afterAll(async () => {
  await t.close();
});

describe('recordDomainEvents', () => {
  it('writes the batch in order and hands it whole to a batch subscriber, one by one to the others', async () => {
    const at = Temporal.Instant.from('2026-04-01T00:00:00Z');
    const ids = await t.ctx.db.transaction((tx) =>
      recordDomainEvents(tx, {
        type: 'contract.auto_renewal_stopped',
        events: ['con_a', 'con_b', 'con_c'].map((id) => ({ subjectId: id, payload: payload(id) })),
        at,
      }),
    );
    expect(batches).toEqual([['con_a', 'con_b', 'con_c']]);
    expect(oneByOne).toEqual(['con_a', 'con_b', 'con_c']);
    const rows = await t.ctx.db
      .select({ id: domainEvents.id, subjectId: domainEvents.subjectId })
      .from(domainEvents)
      .where(eq(domainEvents.type, 'contract.auto_renewal_stopped'))
      .orderBy(asc(domainEvents.id));
    expect(rows).toEqual(ids.map((id, i) => ({ id, subjectId: ['con_a', 'con_b', 'con_c'][i] })));
  });

  it('rolls the batch back when a subscriber throws', async () => {
    registerDomainEventSubscriber({
      name: 'test.one-by-one',
      type: 'contract.auto_renewal_stopped',
      handle: async () => {
        throw new Error('refused');
      },
    });
    await expect(
      t.ctx.db.transaction((tx) =>
        recordDomainEvents(tx, {
          type: 'contract.auto_renewal_stopped',
          events: [{ subjectId: 'con_d', payload: payload('con_d') }],
          at: Temporal.Instant.from('2026-04-02T00:00:00Z'),
        }),
      ),
    ).rejects.toThrow('refused');
    const rows = await t.ctx.db.select().from(domainEvents).where(eq(domainEvents.subjectId, 'con_d'));
    expect(rows).toEqual([]);
  });
});

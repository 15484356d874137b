import { captureException, createScope, flush, getClient, logger } from '@faultline/core';
import type { Scope } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

describe('createClient', () => {
  it('fixes the event and its scope at capture, and runs the pipeline after the call returns', async () => {
    const calls: string[] = [];
    const { record } = initForTest({
      beforeSend: (event) => (calls.push(`beforeSend ${String(event.tags?.step)}`), event),
    });
    const scope = createScope();
    scope.setTag('step', 'at capture');
    captureException(new Error('deferred'), scope);
    scope.setTag('step', 'changed after');
    calls.push('returned');
    await flush(1000);
    expect(calls).toEqual(['returned', 'beforeSend at capture']);
    expect(record.events()).toHaveLength(1);
  });

  beforeEach(() => resetCarrier());

  it('sends the error without scope data when a scope cannot be read', async () => {
    const { client, record } = initForTest();
    const broken = Object.assign(createScope(), {
      getScopeData: () => {
        throw new Error('unreadable scope');
      },
    }) as Scope;
    const id = client.captureException(new Error('still here'), {}, broken);
    await flush(1000);
    expect(record.events()).toMatchObject([{ event_id: id, exception: { values: [{ value: 'still here' }] } }]);
  });

  it('waits for asynchronous hooks on flush and sends what they return', async () => {
    const { record } = initForTest({
      beforeSend: async (event) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { ...event, tags: { late: 'yes' } };
      },
    });
    getClient()!.captureException(new Error('async'));
    expect(record.bodies).toHaveLength(0);
    expect(await flush(1000)).toBe(true);
    expect(record.events()[0]!.tags).toEqual({ late: 'yes' });
  });

  it('flush resolves false when an asynchronous hook outlives the timeout', async () => {
    initForTest({ beforeSend: () => new Promise(() => undefined) });
    getClient()!.captureException(new Error('stuck'));
    expect(await flush(50)).toBe(false);
  });

  it('says whether anything came after the last flush that settled, whatever that flush resolved to', async () => {
    const stuck = (event: { exception?: { values?: { value?: string }[] } }) =>
      event.exception?.values?.[0]?.value === 'stuck';
    const { client } = initForTest({ beforeSend: (event) => (stuck(event) ? new Promise(() => null) : event) });
    expect(client.hasUnflushedWork?.()).toBe(false);
    client.captureException(new Error('one'));
    expect(client.hasUnflushedWork?.()).toBe(true);
    expect(await flush(1000)).toBe(true);
    expect(client.hasUnflushedWork?.()).toBe(false);
    logger.info('a log line');
    expect(client.hasUnflushedWork?.()).toBe(true);
    await flush(1000);
    // An event still in a hook when the flush gave up was not handed over: still unflushed.
    client.captureException(new Error('stuck'));
    expect(await flush(50)).toBe(false);
    expect(client.hasUnflushedWork?.()).toBe(true);
  });

  it('stops capturing after close', async () => {
    const { client, record } = initForTest();
    expect(await client.close(100)).toBe(true);
    expect(client.captureException(new Error('late'))).toBe('');
    await flush(100);
    expect(record.bodies).toHaveLength(0);
  });

  it('scrubs on the wire what beforeSend and beforeSendLog add: the scrub runs after every user hook', async () => {
    const secret = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
    const { record } = initForTest({
      beforeSend: (event) => ({
        ...event,
        extra: { ...event.extra, password: 'hunter2-from-beforeSend' },
        tags: { ...event.tags, note: `key ${secret}` },
      }),
      beforeSendLog: (log) => ({
        ...log,
        body: `${log.body} for alice@example.com`,
        attributes: { ...log.attributes, api_key: { value: 'hunter3-from-beforeSendLog', type: 'string' } },
      }),
    });
    captureException(new Error('checkout failed'));
    logger.info('order placed');
    await flush(100);
    // What the transport was handed, serialized: nothing a hook added survives unscrubbed.
    const wire = record.bodies.join('\n');
    for (const added of ['hunter2-from-beforeSend', secret, 'alice@example.com', 'hunter3-from-beforeSendLog']) {
      expect(wire).not.toContain(added);
    }
    const event = record.events()[0]!;
    expect(event.extra!.password).toBe('[Filtered]');
    expect(event.tags!.note).toBe('key [Filtered]');
    const [log] = (
      record.items('log') as { items: { body: string; attributes: Record<string, { value: unknown }> }[] }[]
    )[0]!.items;
    expect(log!.body).toBe('order placed for [Filtered]');
    expect(log!.attributes.api_key!.value).toBe('[Filtered]');
  });
});

describe('createClient burst', () => {
  it('keeps at most 100 captured events waiting for the pipeline; older ones are processed during the burst', async () => {
    let processed = 0;
    const { record } = initForTest({ beforeSend: (event) => (processed++, event) });
    for (let i = 0; i < 1000; i++) captureException(new Error(`burst ${i}`));
    expect(processed).toBe(900); // the newest 100 wait for the microtask
    await flush(2000);
    expect(record.events().map((event) => event.exception?.values[0]?.value)).toEqual(
      Array.from({ length: 1000 }, (_, i) => `burst ${i}`),
    );
  });
});

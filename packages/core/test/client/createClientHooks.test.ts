import { captureException, captureMessage, flush } from '@faultline/core';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

describe('createClientHooks (client.on)', () => {
  beforeEach(() => resetCarrier());

  it('runs captured hooks at capture time, before the pipeline, for exceptions and messages', async () => {
    const seen: string[] = [];
    const { client, record } = initForTest({
      beforeSend: (event) => {
        seen.push(`beforeSend ${event.exception?.values[0]?.value ?? event.message}`);
        return event;
      },
    });
    client.on('captured', (event) => void seen.push(`captured ${event.exception?.values[0]?.value ?? event.message}`));
    captureException(new Error('one'));
    captureMessage('two', 'error');
    expect(seen).toEqual(['captured one', 'captured two']);
    await flush(1000);
    expect(seen).toEqual(['captured one', 'captured two', 'beforeSend one', 'beforeSend two']);
    expect(record.events()).toHaveLength(2);
  });

  it('puts what a captured hook returns in the event’s envelope', async () => {
    const { client, record } = initForTest();
    client.on('captured', () => [[{ type: 'session' }, { sid: 's' }]]);
    captureException(new Error('with an item'));
    await flush(1000);
    expect(record.envelopes().map(([, items]) => items.map(([header]) => header.type))).toEqual([['event', 'session']]);
  });

  it('skips a hook that throws: the capture and the flush go on', async () => {
    const { client, record } = initForTest();
    client.on('captured', () => {
      throw new Error('broken hook');
    });
    client.on('flush', () => {
      throw new Error('broken hook');
    });
    expect(captureException(new Error('still captured'))).toMatch(/^[0-9a-f]{32}$/);
    expect(await flush(1000)).toBe(true);
    expect(record.events()).toHaveLength(1);
  });

  it('stops calling a hook once its off function ran, and runs flush hooks before close hooks', async () => {
    const { client } = initForTest();
    const calls: string[] = [];
    const off = client.on('flush', () => void calls.push('flush'));
    client.on('close', () => void calls.push('close'));
    await client.flush(100);
    off();
    client.on('flush', () => void calls.push('flush after'));
    await client.close(100);
    expect(calls).toEqual(['flush', 'close', 'flush after']);
  });
});

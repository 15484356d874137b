// For a process about to exit (Node's `exit` event): what was captured is processed and journaled now,
// synchronously, since no later turn of the event loop comes.
import {
  captureException,
  createEventEnvelope,
  createLokiDestination,
  createTransport,
  getClient,
  logger,
  uuid4,
  type Envelope,
} from '@faultline/core';
import { createMemoryJournal, initForTest } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

const sdk = { name: 'faultline.javascript.test', version: '0.0.0' };

describe('Client.persistSync', () => {
  it('runs the captures still waiting for the pipeline, sends the buffered logs, then has the transport persist', () => {
    const calls: string[] = [];
    const { record } = initForTest({
      enableLogs: true,
      transport: () => ({
        send(envelope: Envelope) {
          calls.push(`send ${envelope[1].map(([headers]) => headers.type).join(',')}`);
          record.bodies.push(JSON.stringify(envelope));
          return Promise.resolve({});
        },
        flush: () => Promise.resolve(true),
        persistSync: () => void calls.push('persistSync'),
      }),
    });
    captureException(new Error('captured, then process.exit()'));
    logger.info('a log line, then process.exit()');
    expect(calls).toEqual([]); // the pipeline runs in a microtask, logs wait for their batch
    getClient()!.persistSync!();
    expect(calls).toEqual(['send event', 'send log', 'persistSync']);
  });

  it('journals at once what is captured or logged after it ran (an exit listener of the app’s)', () => {
    const calls: string[] = [];
    initForTest({
      enableLogs: true,
      transport: () => ({
        send: (envelope: Envelope) => (calls.push(`send ${envelope[1][0]![0].type}`), Promise.resolve({})),
        flush: () => Promise.resolve(true),
        persistSync: () => void calls.push('persistSync'),
      }),
    });
    getClient()!.persistSync!();
    expect(calls).toEqual(['persistSync']);
    captureException(new Error('captured in a later exit listener'));
    expect(calls).toEqual(['persistSync', 'send event', 'persistSync']);
    logger.info('logged in a later exit listener');
    expect(calls).toEqual(['persistSync', 'send event', 'persistSync', 'send log', 'persistSync']);
  });

  it('leaves an asynchronous beforeSend unfinished (what it returns later is never sent)', () => {
    const calls: string[] = [];
    initForTest({
      beforeSend: (event) => Promise.resolve(event),
      transport: () => ({
        send: () => (calls.push('send'), Promise.resolve({})),
        flush: () => Promise.resolve(true),
        persistSync: () => void calls.push('persistSync'),
      }),
    });
    captureException(new Error('async hook'));
    getClient()!.persistSync!();
    expect(calls).toEqual(['persistSync']);
  });
});

describe('Transport.persistSync', () => {
  it('encodes synchronously (uncompressed) what waits for Loki’s gzip, journals it once, and has the journal persist', async () => {
    const journal = createMemoryJournal();
    let persisted = 0;
    journal.persistSync = () => {
      persisted++;
      return true;
    };
    const transport = createTransport(
      {
        destination: createLokiDestination({ url: 'http://127.0.0.1:9/loki/api/v1/push', service: 'checkout' }),
        recordDroppedEvent: () => undefined,
        journal,
      },
      () => new Promise(() => undefined),
    );
    // An event large enough that its Loki body is gzipped (asynchronously).
    const event = {
      event_id: uuid4(),
      timestamp: Date.now() / 1000,
      message: 'x'.repeat(60_000),
      level: 'error' as const,
    };
    void transport.send(createEventEnvelope(event, { sdk }));
    transport.persistSync!();
    const appended = journal.storage.operations.filter((op) => op.startsWith('append'));
    expect(appended).toHaveLength(1);
    expect(persisted).toBe(1);
    const [stored] = [...journal.storage.owners.values()].flatMap((records) => [...records.values()]);
    expect(stored!.gzip).toBe(false);
    expect(JSON.parse(stored!.body as string).streams[0].values[0][1]).toContain('xxxx');
    await new Promise((resolve) => setTimeout(resolve, 200)); // the gzip settles: not journaled a second time
    expect(journal.storage.operations.filter((op) => op.startsWith('append'))).toHaveLength(1);
  });
});

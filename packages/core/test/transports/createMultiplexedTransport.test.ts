import {
  captureException,
  createLokiDestination,
  flush,
  init,
  makeDeliveryTransport,
  parseEnvelope,
} from '@faultline/core';
import { assertValidLokiPush, makeFetchRequest, resetCarrier, startReceiver } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

describe('createMultiplexedTransport', () => {
  it('sends each event to Sentry and Loki; one being down does not hold up the other', async () => {
    resetCarrier();
    const sentry = await startReceiver(() => ({ status: 503 }));
    const loki = await startReceiver();
    try {
      init({
        dsn: `http://key@127.0.0.1:${sentry.port}/3`,
        release: 'shop@2.0.0',
        transport: makeDeliveryTransport(makeFetchRequest, {
          destinations: [createLokiDestination({ url: `${loki.url}/loki/api/v1/push`, service: 'shop' })],
          retryBaseMs: 50,
        }),
      });
      const id = captureException(new Error('both ways'));
      expect(await flush(500)).toBe(false); // Sentry keeps answering 503
      expect(loki.accepted()).toHaveLength(1);
      const [stream] = assertValidLokiPush(loki.requests[0]!.body);
      expect(stream!.values[0]![2]).toMatchObject({ event_id: id, release: 'shop@2.0.0' });

      sentry.setBehavior(() => ({ status: 200 }));
      expect(await flush(5000)).toBe(true);
      expect(parseEnvelope(sentry.accepted()[0]!.body)[0].event_id).toBe(id);
      expect(loki.requests).toHaveLength(1);
    } finally {
      await Promise.all([sentry.close(), loki.close()]);
    }
  });
});

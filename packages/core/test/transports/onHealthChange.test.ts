import {
  createEventEnvelope,
  createSentryDestination,
  createTransport,
  uuid4,
  type Destination,
} from '@faultline/core';
import { makeFetchRequest, startReceiver, type Receiver } from '@faultline/test-utils';
import { afterEach, describe, expect, it } from 'vitest';

const sdk = { name: 'faultline.javascript.test', version: '0.0.0' };
const envelope = () => createEventEnvelope({ event_id: uuid4(), message: 'x' }, { sdk });
let server: Receiver | undefined;
afterEach(async () => server?.close());

describe('createTransport onHealthChange (a receiver on 127.0.0.1)', () => {
  it('says healthy at the first answer, failing once per outage, and healthy again when it answers', async () => {
    let status = 200;
    server = await startReceiver(() => ({ status }));
    const said: [string, boolean][] = [];
    const transport = createTransport(
      {
        destination: createSentryDestination({ url: `${server.url}/api/1/envelope/` }),
        recordDroppedEvent: () => undefined,
        retryBaseMs: 10,
        retryMaxMs: 20,
        probeMaxMs: 20,
        onHealthChange: (destination: Destination, healthy) => said.push([destination.name, healthy]),
      },
      makeFetchRequest,
    );
    void transport.send(envelope());
    expect(await transport.flush(2000)).toBe(true);
    expect(said.map(([, healthy]) => healthy)).toEqual([true]); // the first answer: an earlier page's mark is cleared
    status = 503;
    void transport.send(envelope());
    void transport.send(envelope());
    await server.waitFor((requests) => requests.length >= 4);
    expect(said.map(([, healthy]) => healthy)).toEqual([true, false]); // one outage, said once
    status = 200;
    expect(await transport.flush(3000)).toBe(true);
    expect(said.map(([, healthy]) => healthy)).toEqual([true, false, true]);
    await transport.close?.(0);
  });
});

import { continueTrace, faultlinePinoMixin, init, withIsolationScope } from '@faultline/node';
import { resetCarrier } from '@faultline/test-utils';
import { expect, it } from 'vitest';

it('faultlinePinoMixin stamps the trace id, and the request id inside a request, and nothing more', () => {
  resetCarrier();
  init({ dsn: 'http://key@127.0.0.1:9/1', queueDir: false });
  const mixin = faultlinePinoMixin();
  const inRequest = withIsolationScope(() =>
    continueTrace(
      { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', 'x-request-id': 'req-A' },
      () => mixin(),
    ),
  );
  expect(inRequest).toEqual({ trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', request_id: 'req-A' });
  expect(Object.keys(mixin())).toEqual(['trace_id']);
});

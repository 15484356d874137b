import type { MakeRequest } from '@faultline/core';
import { getCarrier } from '../../src/carrier';
import { noticeRejections, quoteReason } from '../../src/transports/noticeRejections';
import { afterEach, describe, expect, it, vi } from 'vitest';

const ID_A = 'a'.repeat(32);
const ID_B = 'b'.repeat(32);
const envelope = (id: string) =>
  `{"event_id":"${id}","sent_at":"2026-01-01T00:00:00.000Z"}\n{"type":"event"}\n{"event_id":"${id}"}`;
const answering =
  (statusCode: number, body?: string): MakeRequest =>
  () =>
    Promise.resolve({ statusCode, body });

describe('noticeRejections', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterEach(() => {
    warn.mockClear();
    getCarrier().debug = false;
  });
  const lines = () => warn.mock.calls.map((call) => call.join(' '));

  it('says once per status, without debug, that the destination rejected an envelope, and why', async () => {
    const request = noticeRejections(
      answering(403, '{"detail":"event submission rejected with_reason: ProjectId"}'),
      'sentry',
    );
    for (const id of [ID_A, ID_B]) await request({ url: 'u', headers: {}, body: envelope(id) });
    expect(lines()).toEqual([
      '[faultline] sentry rejected an envelope: HTTP 403 "{\\"detail\\":\\"event submission rejected with_reason: ProjectId\\"}"; dropped, not retried (send_error). Said once per status; debug: true names the event ids of each rejected envelope',
    ]);
  });

  it('in a production build, states the facts without the explanation', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      await noticeRejections(answering(401, 'bad key'), 'sentry')({ url: 'u', headers: {}, body: envelope(ID_A) });
      expect(lines()).toEqual([
        '[faultline] sentry rejected an envelope: HTTP 401 "bad key"; dropped, not retried (send_error)',
      ]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('names the event ids of every rejected envelope with debug: true', async () => {
    getCarrier().debug = true;
    const request = noticeRejections(answering(401, 'bad key'), 'sentry');
    await request({ url: 'u', headers: {}, body: envelope(ID_A) });
    await request({ url: 'u', headers: {}, body: envelope(ID_B) });
    await request({ url: 'u', headers: {}, body: new Uint8Array([31, 139]) });
    expect(lines().map((line) => line.split('(send_error)')[1])).toEqual([
      `; event ids: ${ID_A}`,
      `; event ids: ${ID_B}`,
      '; event ids: unknown (compressed body)',
    ]);
  });

  it('treats what the destination calls final as a rejection (Loki 400), and says nothing of retried answers', async () => {
    const loki = noticeRejections(answering(400, 'entry for stream has timestamp too old'), 'loki', (s) => s === 400);
    await loki({ url: 'u', headers: {}, body: '{}' });
    for (const status of [200, 202, 408, 429, 500, 503]) {
      await noticeRejections(answering(status, 'busy'), 'sentry')({ url: 'u', headers: {}, body: '{}' });
    }
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toContain('loki rejected an envelope: HTTP 400 "entry for stream has timestamp too old"');
  });
});

describe('quoteReason', () => {
  it('quotes the reason on one line, escaping control characters a terminal would act on', () => {
    expect(quoteReason('line one\nline two\t\u001b[31mred\u007f\u0085\u2028\u202e')).toBe(
      '"line one\\nline two\\t\\u001b[31mred\\u007f\\u0085\\u2028\\u202e"',
    );
  });

  it('cuts a long reason to 200 characters, and says when there is none', () => {
    expect(quoteReason('x'.repeat(5000))).toBe(`"${'x'.repeat(200)}…"`);
    expect(quoteReason('  \n ')).toBe('(no reason given)');
    expect(quoteReason(undefined)).toBe('(no reason given)');
  });
});

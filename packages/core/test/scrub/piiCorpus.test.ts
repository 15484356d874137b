import {
  addBreadcrumb,
  captureException,
  continueTrace,
  createLokiDestination,
  flush,
  init,
  logger,
  makeDeliveryTransport,
  setContext,
  setExtra,
  setTag,
  setUser,
  withScope,
} from '@faultline/core';
import { makeFetchRequest, resetCarrier, startReceiver } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

// Each entry: the secret text that must not survive, and the text that carries it into the SDK.
const PATTERN_SECRETS: [secret: string, carrier: string][] = [
  ['jane.doe@example.com', 'contact jane.doe@example.com'],
  ['ops+alerts@corp.example.org', 'cc ops+alerts@corp.example.org'],
  ['4111 1111 1111 1111', 'card 4111 1111 1111 1111 declined'],
  ['5500-0000-0000-0004', 'card 5500-0000-0000-0004'],
  ['378282246310005', 'amex 378282246310005'],
  ['6011111111111117', 'discover 6011111111111117'],
  ['4012888888881881', 'visa:4012888888881881'],
  [
    'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    'jwt eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  ],
  ['abcdefghijklmnopqrstuvwxyz123456', 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz123456'],
  ['sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
  ['sk_test_26PHem9AhJZvU623DfE1x4sd', 'stripe sk_test_26PHem9AhJZvU623DfE1x4sd'],
  ['sk-proj-abcdefghijklmnopqrstuvwxyz0123456789', 'openai sk-proj-abcdefghijklmnopqrstuvwxyz0123456789'],
  ['ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'token ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
  [
    'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
    'slack xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
  ],
  ['AKIAIOSFODNN7EXAMPLE', 'aws AKIAIOSFODNN7EXAMPLE'],
  ['AIzaSyA-1234567890abcdefghijklmnopqrstu', 'google AIzaSyA-1234567890abcdefghijklmnopqrstu'],
  ['MIIEpAIBAAKCAQEA75tq', '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA75tq\n-----END RSA PRIVATE KEY-----'],
  ['203.0.113.42', 'client 203.0.113.42 refused'],
  ['2001:db8:85a3::8a2e:370:7334', 'from 2001:db8:85a3::8a2e:370:7334'],
  ['qs-reset-token-value', 'GET /reset?token=qs-reset-token-value&user=7'],
  ['url-pass-value', 'https://shop.example.com/login?password=url-pass-value'],
  ['url-api-key-value', '/v1/data?api_key=url-api-key-value&page=2'],
  [
    'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEF',
    'pat github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEF',
  ],
];
// Values only their key gives away.
const KEYED_SECRETS: Record<string, string> = {
  password: 'hunter2-correct-horse',
  passwd: 'letmein-passwd-123',
  secret: 'shh-very-secret-value',
  api_key: 'key-9f8e7d6c5b4a',
  apiKey: 'plainapikeyvalue99',
  'X-Api-Key': 'xak-header-secret',
  db_password: 'dbpass-secret-value',
  session: 'sess-value-77',
  sessionId: 'sessid-value-88',
  credit_card: 'cc-field-value',
  cardNumber: 'cardnumber-field-value',
  cvv: 'cvv-value-938', // distinctive: a bare '938' can appear inside random ids
  ssn: 'ssn-078-05-1120',
  private_key: 'pk-material-value-xyz',
  access_token: 'at-123456789-secret',
  refresh_token: 'rt-abcdef-secret',
  client_secret: 'cs-value-secret',
  Authorization: 'Basic dXNlcjpwYXNzd29yZA==',
  Cookie: 'sid=cookie-session-secret; theme=dark',
  'set-cookie': 'auth=setcookie-secret-value',
};
const LOOK_ALIKES = [
  'ORD-4111111111111112', // fails Luhn
  '5500000000000005', // fails Luhn
  '123e4567-e89b-12d3-a456-426614174000',
  '550e8400-e29b-41d4-a716-446655440000',
  '2026-11-21T09:21:22.902Z',
  '2026-11-21',
  '1.4.2',
  'v20.20.2',
  'checkout@1.4.2',
  '1795252882902',
  '1795252882902000000',
  'SKU-55-9981',
  '2.0.0-beta.1',
  '9fceb02d0ae598e95dc970b74767f19372d61af8',
  'localhost:8080',
  'HTTP/1.1 200 OK',
  '12:30:45',
  '/items?page=2&sort=price',
  'ISBN 978-3-16-148410-0',
  'Chrome/120.0.6099.109',
  'price 129.90 EUR',
  'Foo::bar',
  'retry in 30s',
  'order 12345678',
  'en-US,en;q=0.9',
];
const TRACING = { trace_id: '0af7651916cd43dd8448eb211c80319c', parent: 'b7ad6b7169203331', requestId: 'req-8f14e45f' };
const secrets = [...PATTERN_SECRETS.map(([secret]) => secret), ...Object.values(KEYED_SECRETS)];

describe('PII scrubbing corpus', () => {
  it(`removes ${secrets.length} secrets from every part of an event and a log, in the Sentry envelope and the Loki body, and keeps ${LOOK_ALIKES.length} look-alikes and the tracing fields`, async () => {
    expect(secrets.length).toBeGreaterThanOrEqual(40);
    expect(LOOK_ALIKES.length).toBeGreaterThanOrEqual(20);
    resetCarrier();
    const sentry = await startReceiver();
    const loki = await startReceiver();
    try {
      init({
        dsn: `http://key@127.0.0.1:${sentry.port}/1`,
        transport: makeDeliveryTransport(makeFetchRequest, {
          destinations: [createLokiDestination({ url: `${loki.url}/loki/api/v1/push`, gzip: false })],
        }),
      });
      const carriers = PATTERN_SECRETS.map(([, carrier]) => carrier);
      const lookAlikes = LOOK_ALIKES.join(' | ');
      setUser({ id: 'u-1', email: 'user.email@example.com', ip_address: '198.51.100.7', ...KEYED_SECRETS });
      setTag('note', carriers[0]!);
      setTag('look_alikes', lookAlikes.slice(0, 190));
      setContext('payment', { ...KEYED_SECRETS, nested: { deeper: { carriers } }, lookAlikes });
      setExtra('form', { ...KEYED_SECRETS, notes: carriers, lookAlikes, correlation_id: 'corr-token-not-a-secret' });
      addBreadcrumb({
        category: 'http',
        message: carriers.join(' ; '),
        data: { url: carriers[19], headers: KEYED_SECRETS },
      });
      continueTrace(
        { traceparent: `00-${TRACING.trace_id}-${TRACING.parent}-01`, 'x-request-id': TRACING.requestId },
        () => {
          withScope((scope) => {
            scope.setContext('request_headers', KEYED_SECRETS);
            captureException(new Error(`Login failed for ${carriers.join(' / ')} — ${lookAlikes}`), {
              extra: { query_string: carriers[20], lookAlikes },
            });
          });
          logger.error(`Charge failed ${carriers.join(' ')} ${lookAlikes}`, {
            ...KEYED_SECRETS,
            notes: carriers.join(' '),
            lookAlikes,
          });
        },
      );
      // A request with headers, cookies and a query string, as platform integrations attach it.
      captureException(new Error('request failed'), {
        contexts: { request_info: { url: carriers[19]! } },
        extra: { request: { headers: KEYED_SECRETS, cookies: { sid: 'cookie-jar-secret-xyz' }, query: carriers[21] } },
      });
      expect(await flush(5000)).toBe(true);

      const sentryBody = sentry.requests.map((r) => r.body).join('\n');
      const lokiBody = loki.requests.map((r) => r.body).join('\n');
      expect(sentryBody).toContain('Login failed');
      expect(lokiBody).toContain('Login failed');
      expect(lokiBody).toContain('Charge failed');
      for (const secret of [...secrets, 'user.email@example.com', '198.51.100.7', 'cookie-jar-secret-xyz']) {
        expect(sentryBody, `Sentry body leaks ${secret}`).not.toContain(secret);
        expect(lokiBody, `Loki body leaks ${secret}`).not.toContain(secret);
      }
      for (const lookAlike of LOOK_ALIKES) {
        // In the Loki body the line is JSON inside JSON: compare against the escaped form.
        expect(sentryBody, `Sentry body lost ${lookAlike}`).toContain(JSON.stringify(lookAlike).slice(1, -1));
        expect(lokiBody, `Loki body lost ${lookAlike}`).toContain(
          JSON.stringify(JSON.stringify(lookAlike).slice(1, -1)).slice(1, -1),
        );
      }
      for (const id of [TRACING.trace_id, TRACING.parent, TRACING.requestId, 'corr-token-not-a-secret']) {
        expect(sentryBody).toContain(id);
      }
      expect(lokiBody).toContain(TRACING.trace_id);
      expect(lokiBody).toContain(TRACING.requestId);
      expect(sentryBody).toContain('[Filtered]');
    } finally {
      await Promise.all([sentry.close(), loki.close()]);
    }
  });
});

describe('scrub: false', () => {
  it('sends values as they are', async () => {
    const { initForTest } = await import('@faultline/test-utils');
    const { record } = initForTest({ scrub: false });
    captureException(new Error('mail a@b.co'), { extra: { password: 'p' } });
    await flush(100);
    expect(record.events()[0]).toMatchObject({
      exception: { values: [{ value: 'mail a@b.co' }] },
      extra: { password: 'p' },
    });
  });
});

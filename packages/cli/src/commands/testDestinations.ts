import {
  createEventEnvelope,
  createLokiDestination,
  getEnvelopeEndpoint,
  parseDsn,
  serializeEnvelope,
  uuid4,
  type Envelope,
} from '@faultline/core';
import { request } from 'undici';

export interface TestResult {
  /** What was accepted (for stdout). */
  lines: string[];
  /** What failed, one sentence each (for stderr). */
  errors: string[];
  /** 0 accepted, 1 other failure, 2 credentials refused, 3 rate limited, 4 unreachable or silent (the worst wins). */
  code: number;
}

declare const __FAULTLINE_VERSION__: string;
const sdk = { name: 'faultline.cli', version: __FAULTLINE_VERSION__ };

function testEnvelope(): Envelope {
  const now = Date.now() / 1000;
  const event = {
    event_id: uuid4(),
    timestamp: now,
    level: 'info' as const,
    platform: 'javascript',
    message: 'Faultline test event: if you can read this, delivery works',
  };
  const envelope = createEventEnvelope(event, { sdk });
  envelope[1].push([
    { type: 'log', item_count: 1, content_type: 'application/vnd.sentry.items.log+json' },
    { items: [{ timestamp: now, level: 'info', body: 'Faultline test log', severity_number: 9, attributes: {} }] },
  ]);
  return envelope;
}

/**
 * Sends a test event and log to a DSN's server and/or a Loki URL and says plainly what each answered. The
 * DSN's server may be Sentry or anything speaking its protocol, so it is named by its host.
 */
export async function testDestinations(options: {
  dsn?: string;
  loki?: string;
  timeoutMs?: number;
}): Promise<TestResult> {
  const lines: string[] = [];
  const errors: string[] = [];
  let code = 0;
  const fail = (worst: number, sentence: string): void => {
    code = Math.max(code, worst);
    errors.push(`✘ ${sentence}`);
  };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const envelope = testEnvelope();
  const check = async (name: string, url: string, body: string | Uint8Array, headers: Record<string, string>) => {
    let response;
    try {
      response = await request(url, {
        method: 'POST',
        headers,
        body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      await response.body.dump();
    } catch (error) {
      return fail(4, unreachable(name, error, timeoutMs));
    }
    const status = response.statusCode;
    if (status >= 200 && status < 300)
      return void lines.push(`✔ ${name} accepted the test event and log (HTTP ${status})`);
    if (status === 401 || status === 403) {
      return fail(2, `${name} refused the credentials (HTTP ${status}): check the key, project or token`);
    }
    if (status === 429) {
      const after = response.headers['retry-after'];
      const limits = response.headers['x-sentry-rate-limits'];
      return fail(
        3,
        `${name} is rate limiting (HTTP 429${after ? `, retry after ${String(after)} s` : ''}${limits ? `, limits ${String(limits)}` : ''})`,
      );
    }
    return fail(1, `${name} answered HTTP ${status}`);
  };
  if (options.dsn) {
    const dsn = parseDsn(options.dsn);
    if (typeof dsn === 'string') fail(1, dsn);
    else {
      const host = dsn.port ? `${dsn.host}:${dsn.port}` : dsn.host;
      await check(`The DSN's server (${host})`, getEnvelopeEndpoint(dsn, sdk), serializeEnvelope(envelope), {});
    }
  }
  if (options.loki) {
    let loki;
    try {
      loki = createLokiDestination({ url: options.loki, service: 'faultline-test', gzip: false });
      new URL(loki.url);
    } catch {
      loki = undefined;
      fail(1, `--loki ${options.loki} is not a URL`);
    }
    const encoded = loki && (await loki.encode(envelope));
    if (loki && encoded) {
      await check(`Loki (${new URL(loki.url).host})`, loki.url, encoded.body, { ...loki.headers, ...encoded.headers });
    }
  }
  if (!options.dsn && !options.loki) fail(1, 'nothing to test: give --dsn and/or --loki');
  return { lines, errors, code };
}

/** Why a request got no answer, as a sentence (undici's error codes are not one). */
function unreachable(name: string, error: unknown, timeoutMs: number): string {
  const code = (error as { code?: string }).code;
  const seconds = `${timeoutMs / 1000} s`;
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `${name} took the request but did not answer within ${seconds}`;
    case 'UND_ERR_BODY_TIMEOUT':
      return `${name} began answering but stopped for more than ${seconds}`;
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `${name} could not be reached: the connection was not accepted within ${seconds}`;
    case 'ECONNREFUSED':
      return `${name} could not be reached: nothing is listening there (ECONNREFUSED)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${name} could not be reached: its host name does not resolve (${code})`;
    case 'UND_ERR_SOCKET':
    case 'ECONNRESET':
      return `${name} closed the connection without answering (${code})`;
    default:
      return `${name} could not be reached: ${code ?? (error as Error).message}`;
  }
}

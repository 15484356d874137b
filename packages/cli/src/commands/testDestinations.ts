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
  lines: string[];
  /** 0 accepted, 1 other failure, 2 credentials refused, 3 rate limited, 4 unreachable (the worst wins). */
  code: number;
}

const sdk = { name: 'faultline.cli', version: '0.1.0' };

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

/** Sends a test event and log to a DSN and/or a Loki URL and says plainly what each destination answered. */
export async function testDestinations(options: { dsn?: string; loki?: string }): Promise<TestResult> {
  const lines: string[] = [];
  let code = 0;
  const envelope = testEnvelope();
  const check = async (name: string, url: string, body: string | Uint8Array, headers: Record<string, string>) => {
    try {
      const response = await request(url, {
        method: 'POST',
        headers,
        body,
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      });
      await response.body.dump();
      const status = response.statusCode;
      if (status >= 200 && status < 300)
        return lines.push(`✔ ${name} accepted the test event and log (HTTP ${status})`);
      if (status === 401 || status === 403) {
        code = Math.max(code, 2);
        return lines.push(`✘ ${name} refused the credentials (HTTP ${status}): check the key, project or token`);
      }
      if (status === 429) {
        code = Math.max(code, 3);
        const after = response.headers['retry-after'];
        const limits = response.headers['x-sentry-rate-limits'];
        return lines.push(
          `✘ ${name} is rate limiting (HTTP 429${after ? `, retry after ${String(after)} s` : ''}${limits ? `, limits ${String(limits)}` : ''})`,
        );
      }
      code = Math.max(code, 1);
      return lines.push(`✘ ${name} answered HTTP ${status}`);
    } catch (error) {
      code = Math.max(code, 4);
      const reason = (error as { code?: string }).code ?? (error as Error).message;
      return lines.push(`✘ ${name} could not be reached at ${new URL(url).host}: ${reason}`);
    }
  };
  if (options.dsn) {
    const dsn = parseDsn(options.dsn);
    if (typeof dsn === 'string') {
      lines.push(`✘ ${dsn}`);
      code = Math.max(code, 1);
    } else {
      await check('Sentry', getEnvelopeEndpoint(dsn, sdk), serializeEnvelope(envelope), {});
    }
  }
  if (options.loki) {
    const loki = createLokiDestination({ url: options.loki, service: 'faultline-test', gzip: false });
    const encoded = await loki.encode(envelope);
    await check('Loki', loki.url, encoded!.body, { ...loki.headers, ...encoded!.headers });
  }
  if (!options.dsn && !options.loki) {
    lines.push('✘ nothing to test: give --dsn and/or --loki');
    code = 1;
  }
  return { lines, code };
}

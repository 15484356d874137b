import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReceiver } from '@faultline/cli';
import { createEventEnvelope, serializeEnvelope, type Event } from '@faultline/core';
import { captureException, createLokiDestination, flush, init, logger } from '@faultline/node';
import { resetCarrier } from '@faultline/test-utils';
import { build } from 'esbuild';
import { SourceMapConsumer, type RawSourceMap } from 'source-map';
import { describe, expect, it } from 'vitest';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'faultline-dev-'));

describe('createReceiver (faultline dev)', () => {
  it('stores what the SDK delivers to the DSN and to the Loki URL, groups events into issues, and prints them', async () => {
    const dir = tmp();
    const printed: string[] = [];
    const receiver = await createReceiver({ port: 0, dir, print: (line) => printed.push(line) });
    try {
      resetCarrier();
      init({
        dsn: receiver.dsn,
        queueDir: false,
        delivery: { destinations: [createLokiDestination({ url: receiver.lokiUrl, service: 'shop' })] },
        integrations: (d) =>
          d.filter((i) => i.name !== 'ProcessHandlers' && i.name !== 'GracefulShutdown' && i.name !== 'Dedupe'),
      });
      const fail = () => new Error('Payment for cart c-77 failed');
      logger.warn('Stock low', { sku: 'SKU-55' });
      captureException(fail());
      captureException(fail());
      expect(await flush(5000)).toBe(true);

      expect(receiver.store.summary()).toMatchObject({ issues: 1, events: 2 });
      expect(receiver.store.issues()[0]).toMatchObject({ title: 'Error: Payment for cart c-77 failed', count: 2 });
      expect(receiver.store.logs({ level: 'warn' }).map((l) => [l.source, l.body])).toEqual(
        expect.arrayContaining([
          ['sentry', 'Stock low'],
          ['loki', 'Stock low'],
        ]),
      );
      expect(readFileSync(path.join(dir, 'events.ndjson'), 'utf8').trim().split('\n')).toHaveLength(2);
      expect(existsSync(path.join(dir, 'logs.ndjson'))).toBe(true);
      expect(printed.join('\n')).toContain('NEW ISSUE');
      expect(printed.join('\n')).toMatch(/at .*createReceiver\.test\.ts/);
      expect(await (await fetch(`${receiver.url}/api/issues`)).json()).toHaveLength(1);
      expect((await fetch(`${receiver.url}/api/1/envelope/`, { method: 'POST', body: '{}' })).status).toBe(401);
    } finally {
      await receiver.close();
    }
  });

  it('shows a minified browser frame with the original file, line and function when the map is given', async () => {
    const dir = tmp();
    const source = path.join(dir, 'checkout.js');
    writeFileSync(
      source,
      'export function chargeCard(cart) {\n  const amount = cart.total * 100;\n  throw new Error(`charge ${amount} failed`);\n}\n',
    );
    const maps = path.join(dir, 'maps');
    const result = await build({
      entryPoints: [source],
      bundle: true,
      minify: true,
      sourcemap: 'external',
      format: 'esm',
      write: false,
      outfile: path.join(maps, 'app.min.js'),
    });
    mkdirSync(maps, { recursive: true });
    for (const file of result.outputFiles) writeFileSync(path.join(maps, path.basename(file.path)), file.text);
    const mapJson = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map'))!.text) as RawSourceMap;
    const generated = new SourceMapConsumer(mapJson).generatedPositionFor({
      source: mapJson.sources[0]!,
      line: 3,
      column: 2,
    });

    const receiver = await createReceiver({ port: 0, dir: path.join(dir, 'store'), sourceMaps: [maps], print: false });
    try {
      const frame = {
        filename: 'https://shop.example.com/assets/app.min.js?v=3',
        function: 'o',
        lineno: generated.line!,
        colno: generated.column! + 1,
        in_app: true,
      };
      const event: Event = {
        event_id: 'b'.repeat(32),
        level: 'error',
        exception: { values: [{ type: 'Error', value: 'charge 1000 failed', stacktrace: { frames: [frame] } }] },
      };
      await fetch(`${receiver.url}/api/1/envelope/?sentry_key=k`, {
        method: 'POST',
        body: serializeEnvelope(createEventEnvelope(event, { sdk: { name: 't', version: '0' } })),
      });
      const stored = receiver.store.issues()[0]!.events[0]!.exception!.values[0]!.stacktrace!.frames[0]!;
      expect(stored.filename).toContain('checkout.js');
      expect(stored.lineno).toBe(3);
      expect(stored.function).toBe('chargeCard');
      expect(stored.context_line).toBe('  throw new Error(`charge ${amount} failed`);');
      expect(stored.abs_path).toBe(frame.filename);
    } finally {
      await receiver.close();
    }
  });
});

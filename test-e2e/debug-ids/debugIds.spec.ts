import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { APP_DIR, buildApp } from './buildApp';
import { serveFolder } from './serveFolder';
import { CLI, startFaultlineDev } from './startFaultlineDev';

const run = promisify(execFile);
const SENTRY_CLI = path.resolve(APP_DIR, '../../../node_modules/sentry/dist/bin.cjs');

/** Each built JS file (`assets/…`) → the debug ID its source map carries. */
function mapDebugIds(dist: string): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const name of readdirSync(path.join(dist, 'assets')).filter((n) => n.endsWith('.js.map'))) {
    const map = JSON.parse(readFileSync(path.join(dist, 'assets', name), 'utf8')) as {
      debugId: string;
      debug_id: string;
    };
    expect(map.debug_id).toBe(map.debugId);
    ids[`assets/${name.slice(0, -'.map'.length)}`] = map.debugId;
  }
  return ids;
}

/**
 * The maps alone, each named by its debug ID (as an upload keeps them): no map is named after the file
 * a frame points at, so only the debug ID can find it.
 */
function mapsByDebugIdOnly(dist: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-maps-'));
  for (const [file, id] of Object.entries(mapDebugIds(dist)))
    cpSync(path.join(dist, `${file}.map`), path.join(dir, `${id}.map`));
  return dir;
}

/** Every file of a build, by path. */
const snapshotOf = (dist: string) =>
  Object.fromEntries(
    readdirSync(dist, { recursive: true })
      .map(String)
      .filter((name) => /\.(js|map|html)$/.test(name))
      .map((name) => [name, readFileSync(path.join(dist, name), 'utf8')]),
  );

const copyOf = (dist: string, name: string) => {
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'faultline-copy-')), name);
  cpSync(dist, copy, { recursive: true });
  return copy;
};

const lineOf = (file: string, needle: string) =>
  readFileSync(path.join(APP_DIR, 'src', file), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle)) + 1;

/** What the page sent for the click: the event item of the envelope, as the SDK put it on the wire. */
async function clickAndCatchEvent(page: Page) {
  const request = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/envelope/'));
  await page.click('#checkout');
  const body = (await request).postDataBuffer()!;
  const text = (body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body) : body).toString('utf8');
  const lines = text.split('\n').filter(Boolean);
  const index = lines.findIndex((line) => line.includes('"type":"event"'));
  return JSON.parse(lines[index + 1]!) as {
    debug_meta?: { images: { type: string; code_file: string; debug_id: string }[] };
    exception: { values: { stacktrace: { frames: Record<string, unknown>[] } }[] };
  };
}

/**
 * Loads the built app from a static server, breaks the checkout, and checks what arrives: the event
 * names each built file's debug ID, and `faultline dev --source-maps` (with the maps named by ID only)
 * shows the original functions, files and lines.
 */
async function expectReadableTrace(page: Page, dist: string) {
  const ids = mapDebugIds(dist);
  const site = await serveFolder(dist);
  const dev = await startFaultlineDev(mapsByDebugIdOnly(dist));
  try {
    await page.goto(`${site.origin}/?dsn=${encodeURIComponent(dev.dsn)}`);
    await expect(page.locator('#checkout')).toBeVisible();
    const sent = await clickAndCatchEvent(page);
    // The SDK's own pipeline chunk (loaded by import()) is in none of this error's frames.
    const inFrames = Object.entries(ids).filter(([file]) => !file.includes('faultline-pipeline'));
    const expected = inFrames.map(([file, id]) => ({
      type: 'sourcemap',
      code_file: `${site.origin}/${file}`,
      debug_id: id,
    }));
    expect([...sent.debug_meta!.images].sort((a, b) => a.code_file.localeCompare(b.code_file))).toEqual(
      expected.sort((a, b) => a.code_file.localeCompare(b.code_file)),
    );

    let frames: Record<string, unknown>[] = [];
    await expect
      .poll(async () => {
        const issues = await dev.api<{ id: string; title: string }[]>('/api/issues');
        const issue = issues.find((i) => i.title.includes('Unknown discount code SUMMER-EXPIRED'));
        if (!issue) return [];
        const detail = await dev.api<{ events: (typeof sent)[] }>(`/api/issues/${issue.id}`);
        frames = detail.events[0]!.exception.values.at(-1)!.stacktrace.frames;
        return frames;
      })
      .not.toHaveLength(0);
    const app = frames.filter((f) => /src\/(App\.jsx|checkout\.js)$/.test(String(f.filename)));
    expect(
      app.map(({ function: fn, filename, lineno }) => ({ fn, file: path.basename(String(filename)), lineno })),
    ).toEqual([
      { fn: 'onCheckout', file: 'App.jsx', lineno: lineOf('App.jsx', 'checkout.applyDiscount(') },
      { fn: 'applyDiscount', file: 'checkout.js', lineno: lineOf('checkout.js', 'const amount = lookupDiscount(') },
      { fn: 'lookupDiscount', file: 'checkout.js', lineno: lineOf('checkout.js', 'throw new RangeError') },
    ]);
    expect(app.at(-1)!.context_line).toContain('throw new RangeError(`Unknown discount code ${code}`);');
    expect(app.at(-1)!.abs_path).toMatch(new RegExp(`^${site.origin}/assets/checkout-[\\w-]+\\.js$`));
  } finally {
    await dev.close();
    await site.close();
  }
}

test.describe('debug IDs: a Vite + React production build', () => {
  // Each test runs one to three Vite production builds: ~10 s each alone, several times that on a busy machine.
  test.describe.configure({ mode: 'parallel', timeout: 120_000 });

  test('injected by faultline sourcemaps inject: the event names each file’s debug ID and faultline dev resolves its frames', async ({
    page,
  }) => {
    const dist = await buildApp();
    const first = await run(process.execPath, [CLI, 'sourcemaps', 'inject', dist]);
    expect(first.stdout).toMatch(/Gave 3 files a debug ID; 0 had one already\./);
    const injected = snapshotOf(dist);
    const second = await run(process.execPath, [CLI, 'sourcemaps', 'inject', dist]);
    expect(second.stdout).toMatch(/Gave 0 files a debug ID; 3 had one already\./);
    expect(snapshotOf(dist)).toEqual(injected); // idempotent
    await expectReadableTrace(page, dist);
  });

  test('injected by Sentry’s Vite plugin: the SDK picks the IDs up the same way and faultline dev resolves them', async ({
    page,
  }) => {
    const dist = await buildApp({ sentryPlugin: true });
    await expectReadableTrace(page, dist);
  });

  test('the format is Sentry’s: its CLI writes the same IDs and maps, and each tool takes the other’s output as done', async () => {
    const plain = await buildApp();
    const [ours, again, theirs] = [copyOf(plain, 'ours'), copyOf(plain, 'again'), copyOf(plain, 'theirs')];
    await run(process.execPath, [CLI, 'sourcemaps', 'inject', ours]);
    await run(process.execPath, [CLI, 'sourcemaps', 'inject', again]);
    await run(process.execPath, [SENTRY_CLI, 'sourcemap', 'inject', theirs], {
      env: { ...process.env, DO_NOT_TRACK: '1' },
    });
    const [a, b, c] = [snapshotOf(ours), snapshotOf(again), snapshotOf(theirs)];
    expect(a).toEqual(b); // deterministic: the same build gets the same IDs
    const ids = mapDebugIds(ours);
    expect(mapDebugIds(theirs)).toEqual(ids); // Sentry's CLI derives the same ID from the same files
    for (const name of Object.keys(c)) {
      if (name.endsWith('.map') || name.endsWith('.html')) {
        expect(a[name], name).toBe(c[name]); // maps byte for byte: mappings moved a line, debug_id, debugId
        continue;
      }
      const [ourSnippet, ...ourRest] = a[name]!.split('\n');
      const [theirSnippet, ...theirRest] = c[name]!.split('\n');
      expect(ourRest, name).toEqual(theirRest); // the code, then `//# debugId=<id>` as the last line
      const id = ids[name]!;
      expect(ourRest.at(-2)).toBe(`//# debugId=${id}`);
      for (const snippet of [ourSnippet!, theirSnippet!]) {
        expect(snippet).toContain(`="${id}"`); // the registry entry
        expect(snippet).toContain(`_sentryDebugIdIdentifier="sentry-dbid-${id}"`);
      }
    }
    // Each tool sees the other's output as injected and leaves it as it is.
    const rerun = await run(process.execPath, [CLI, 'sourcemaps', 'inject', theirs]);
    expect(rerun.stdout).toMatch(/Gave 0 files a debug ID; 3 had one already\./);
    expect(snapshotOf(theirs)).toEqual(c);
    const sentryRerun = await run(process.execPath, [SENTRY_CLI, 'sourcemap', 'inject', '--json', ours], {
      env: { ...process.env, DO_NOT_TRACK: '1' },
    });
    expect(JSON.parse(sentryRerun.stdout)).toMatchObject({ modified: 0, skipped: 3 });
    expect(snapshotOf(ours)).toEqual(a);

    // What Sentry's Vite plugin wrote has the same parts (its snippet inline on line 1), and faultline keeps it.
    const plugin = await buildApp({ sentryPlugin: true });
    const written = snapshotOf(plugin);
    for (const [file, id] of Object.entries(mapDebugIds(plugin))) {
      expect(written[file]).toContain(`_sentryDebugIdIdentifier=\`sentry-dbid-${id}\``);
      expect(written[file]!.trimEnd().split('\n').at(-1)).toBe(`//# debugId=${id}`);
    }
    const kept = await run(process.execPath, [CLI, 'sourcemaps', 'inject', plugin]);
    expect(kept.stdout).toMatch(/Gave 0 files a debug ID; 3 had one already\./);
    expect(snapshotOf(plugin)).toEqual(written);
  });
});

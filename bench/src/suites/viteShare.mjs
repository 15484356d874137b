// The "SDK share" of a real app: a small React app built with `vite build` (Vite's own production
// defaults, @vitejs/plugin-react), once without an error SDK and once with each, started the way its docs
// show. What each SDK adds is the difference in the app's JavaScript, gzip -9 per emitted file.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const TMP = new URL('../../tmp/vite-share/', import.meta.url).pathname;
const DSN = "'https://publickey@o1.ingest.example.com/1'";

/** Each SDK's start-up, as its docs show it for a React app; `Boundary` wraps the app when the SDK has one. */
export const VITE_CASES = [
  { name: 'none', label: 'the app alone (no error SDK)', setup: '', boundary: undefined },
  {
    name: 'faultline-react',
    label: '@faultline/react init + ErrorBoundary',
    setup: `import { init, ErrorBoundary } from '@faultline/react';\ninit({ dsn: ${DSN} });`,
    boundary: 'ErrorBoundary',
  },
  {
    name: 'faultline-browser',
    label: '@faultline/browser init',
    setup: `import { init } from '@faultline/browser';\ninit({ dsn: ${DSN} });`,
  },
  {
    name: 'sentry-react',
    label: '@sentry/react init + ErrorBoundary',
    setup: `import { init, ErrorBoundary } from '@sentry/react';\ninit({ dsn: ${DSN} });`,
    boundary: 'ErrorBoundary',
  },
  {
    name: 'sentry-browser',
    label: '@sentry/browser init',
    setup: `import { init } from '@sentry/browser';\ninit({ dsn: ${DSN} });`,
  },
  {
    name: 'bugsnag',
    label: '@bugsnag/js start',
    setup: `import Bugsnag from '@bugsnag/js';\nBugsnag.start({ apiKey: '0123456789abcdef0123456789abcdef' });`,
  },
  {
    name: 'honeybadger',
    label: '@honeybadger-io/js configure',
    setup: `import Honeybadger from '@honeybadger-io/js';\nHoneybadger.configure({ apiKey: 'hbp_0123456789abcdef0123' });`,
  },
];

// A small app of the usual shape: state, a list, a form, an effect, and a lazily loaded route.
const APP = `import { lazy, Suspense, useEffect, useState } from 'react';

const Settings = lazy(() => import('./Settings.jsx'));

export function App() {
  const [items, setItems] = useState([]);
  const [text, setText] = useState('');
  const [page, setPage] = useState('list');
  useEffect(() => {
    document.title = items.length + ' items';
  }, [items]);
  function add(event) {
    event.preventDefault();
    if (!text.trim()) return;
    setItems((list) => [...list, { id: Date.now(), text: text.trim(), done: false }]);
    setText('');
  }
  const toggle = (id) => setItems((list) => list.map((i) => (i.id === id ? { ...i, done: !i.done } : i)));
  if (page === 'settings') {
    return (
      <Suspense fallback={<p>Loading…</p>}>
        <Settings onBack={() => setPage('list')} />
      </Suspense>
    );
  }
  return (
    <main>
      <h1>Tasks</h1>
      <form onSubmit={add}>
        <input value={text} onChange={(event) => setText(event.target.value)} placeholder="New task" />
        <button type="submit">Add</button>
      </form>
      <ul>
        {items.map((item) => (
          <li key={item.id} onClick={() => toggle(item.id)} className={item.done ? 'done' : ''}>
            {item.text}
          </li>
        ))}
      </ul>
      <button onClick={() => setPage('settings')}>Settings</button>
    </main>
  );
}
`;
const SETTINGS = `import { useState } from 'react';

export default function Settings({ onBack }) {
  const [dark, setDark] = useState(false);
  return (
    <section>
      <label>
        <input type="checkbox" checked={dark} onChange={() => setDark(!dark)} /> Dark mode
      </label>
      <button onClick={onBack}>Back</button>
    </section>
  );
}
`;

const main = ({ setup, boundary }) => `${setup}
import { createRoot } from 'react-dom/client';
import { App } from './App.jsx';

createRoot(document.getElementById('root')).render(${boundary ? `<${boundary} fallback={<p>Something went wrong</p>}><App /></${boundary}>` : '<App />'});
`;

/** Builds the app for one case; returns the bytes of its JavaScript (every emitted chunk), minified and gzip -9. */
async function buildCase(testCase) {
  const root = path.join(TMP, testCase.name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, 'src'), { recursive: true });
  writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html>\n<html><body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body></html>\n',
  );
  writeFileSync(path.join(root, 'src/App.jsx'), APP);
  writeFileSync(path.join(root, 'src/Settings.jsx'), SETTINGS);
  writeFileSync(path.join(root, 'src/main.jsx'), main(testCase));
  const outDir = path.join(root, 'dist');
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
    plugins: [react()],
  });
  const assets = path.join(outDir, 'assets');
  let min = 0;
  let gzip = 0;
  for (const file of readdirSync(assets).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(path.join(assets, file));
    min += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
  }
  return { min, gzip };
}

export async function measureViteShare() {
  const results = {};
  for (const testCase of VITE_CASES) results[testCase.name] = { ...testCase, ...(await buildCase(testCase)) };
  return results;
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

export async function runViteShare() {
  const results = await measureViteShare();
  const app = results.none;
  const rows = Object.values(results)
    .filter((r) => r.name !== 'none')
    .map((r) => {
      const added = r.gzip - app.gzip;
      return `| ${r.label} | ${kib(r.min)} | ${kib(r.gzip)} | +${kib(added)} | ${((added / r.gzip) * 100).toFixed(0)}% |`;
    });
  return [
    '### The SDK share of a real Vite build (`bench/src/suites/viteShare.mjs`)',
    '',
    `A small React app (state, a list, a form, a lazily loaded route) built by \`vite build\` (Vite ${viteVersion()}, @vitejs/plugin-react, Vite's production defaults), without an error SDK and with each SDK started as its docs show. Sizes are every emitted JavaScript chunk, minified as Vite ships it, gzip -9 per file; the share is what the SDK adds as a part of the app's JavaScript.`,
    '',
    '| app with | JS min | JS gzip | the SDK adds (gzip) | SDK share |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| ${app.label} | ${kib(app.min)} | ${kib(app.gzip)} | — | — |`,
    ...rows,
    '',
  ].join('\n');
}

function viteVersion() {
  return JSON.parse(readFileSync(new URL('../../../node_modules/vite/package.json', import.meta.url), 'utf8')).version;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runViteShare());

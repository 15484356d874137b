// The loader script (`@faultline/browser/loader.min.js`, at most 1.5 KiB gzip): a page puts it first in
// <head>; from that line on it records uncaught errors, unhandled rejections, console and click breadcrumbs
// and calls of `window.Faultline`, loads the complete file (`faultline.min.js`) after the page's `load` or at
// the first error, and replays what it recorded, in order. Configured by the script's attributes
// (`data-dsn`, `data-release`, `data-environment`, `data-src`: where the complete file is, by default next to
// the loader), by `window.faultlineConfig` (more `init` options), or by `window.faultlineOnLoad`, called to
// run your own `Faultline.init(…)` once the file is there. This file is a script, not a module: it is built
// only as a bundle and imported by nothing.

/** One recorded call: its kind (a `Faultline` method, or `e`rror, `r`ejection, `b`readcrumb), its arguments, its time. */
type Call = [kind: string, args: unknown[], time: number];
type Api = Record<string, (...args: unknown[]) => unknown>;
type Page = Window & { Faultline?: Api; faultlineConfig?: object; faultlineOnLoad?: () => void };
type Stamp = (scope: { addEventProcessor(processor: (event: { timestamp?: number }) => object): void }) => void;

/** Calls kept while the complete file is on its way; later ones are not recorded (bounded memory). */
const LIMIT = 100;

((page: Page, doc: Document): void => {
  const script = doc.currentScript;
  const data = (name: string): string | undefined => script?.getAttribute(`data-${name}`) ?? undefined;
  const calls: Call[] = [];
  // `done` once the complete file has replayed the calls: from then on this script only passes through.
  let done = false;
  let loading = false;
  const record = (kind: string, args: unknown[]): void => {
    if (!done && calls.length < LIMIT) calls.push([kind, args, Date.now()]);
  };
  const crumb = (category: string, message: string, level?: string): void =>
    record('b', [{ category, message, level, timestamp: Date.now() / 1000 }]);
  const onError = (event: ErrorEvent): void => {
    record('e', [event.error ?? event.message]);
    load();
  };
  const onRejection = (event: PromiseRejectionEvent): void => {
    record('r', [event.reason]);
    load();
  };
  const onClick = (event: Event): void => {
    const target = event.target as Element | null;
    if (target?.tagName) crumb('ui.click', target.tagName.toLowerCase() + (target.id ? `#${target.id}` : ''));
  };
  page.addEventListener('error', onError);
  page.addEventListener('unhandledrejection', onRejection);
  doc.addEventListener('click', onClick, true);

  const terminal = console as unknown as Api;
  for (const level of ['debug', 'info', 'warn', 'error', 'log']) {
    const original = terminal[level]!;
    terminal[level] = function (this: unknown, ...args: unknown[]) {
      try {
        if (!done) crumb('console', args.join(' '), level === 'warn' ? 'warning' : level);
      } catch {
        // a value that cannot be made a string (a Symbol): no breadcrumb, the page's call goes on
      }
      return original.apply(this, args);
    };
  }

  // The API a page may call before the complete file is here: each call is recorded, a capture loads it.
  const api: Api = {};
  for (const name of 'init captureException captureMessage captureEvent addBreadcrumb setUser setTag setTags setExtra setExtras setContext flush'.split(
    ' ',
  )) {
    api[name] = (...args) => {
      record(name, args);
      if (name[0] === 'c') load();
    };
  }
  page.Faultline = api;

  function load(): void {
    if (loading || done) return;
    loading = true;
    const tag = doc.createElement('script');
    tag.src =
      data('src') ?? (script as HTMLScriptElement | null)?.src.replace(/loader(\.min)?\.js/, 'faultline.min.js') ?? '';
    tag.crossOrigin = 'anonymous';
    // A failed load (offline, blocked) is tried again at the next error or capture.
    tag.onerror = () => void (loading = false);
    tag.onload = replay;
    doc.head.appendChild(tag);
  }

  function replay(): void {
    const sdk = page.Faultline;
    if (!sdk || sdk === api) return void (loading = false);
    page.removeEventListener('error', onError);
    page.removeEventListener('unhandledrejection', onRejection);
    doc.removeEventListener('click', onClick, true);
    done = true;
    const inits = calls.filter(([kind]) => kind === 'init');
    if (page.faultlineOnLoad) page.faultlineOnLoad();
    else {
      const options = { dsn: data('dsn'), release: data('release'), environment: data('environment') };
      sdk.init!(Object.assign(options, page.faultlineConfig, ...inits.map(([, args]) => args[0])));
    }
    for (const [kind, args, time] of calls) {
      // Each capture keeps the time it was made at.
      const stamp: Stamp = (scope) => scope.addEventProcessor((event) => ((event.timestamp = time / 1000), event));
      const at = { captureContext: stamp };
      if (kind === 'b') sdk.addBreadcrumb!(args[0]);
      else if (kind === 'e' || kind === 'r') {
        const type = kind === 'e' ? 'onerror' : 'onunhandledrejection';
        sdk.captureException!(args[0], { ...at, mechanism: { type, handled: false } });
      } else if (kind[0] === 'c') sdk[kind]!(args[0], args[1] ?? at);
      else if (kind !== 'init') sdk[kind]!(...args);
    }
  }

  // After the page's `load`, as Sentry's Loader does: the complete file never delays the page.
  if (doc.readyState === 'complete') load();
  else page.addEventListener('load', load);
})(window as Page, document);

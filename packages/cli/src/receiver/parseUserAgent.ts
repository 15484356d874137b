/** A browser or operating system as Sentry's `browser` and `os` contexts name it. */
export interface NameAndVersion {
  name: string;
  version?: string;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux".
const BROWSERS: [string, RegExp][] = [
  ['Edge', /Edg(?:e|A|iOS)?\/([\d.]+)/],
  ['Opera', /OPR\/([\d.]+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/([\d.]+)/],
  ['Chrome Headless', /HeadlessChrome\/([\d.]+)/],
  ['Chrome', /(?:Chrome|CriOS)\/([\d.]+)/],
  ['Safari', /Version\/([\d.]+).*Safari\//],
];
const SYSTEMS: [string, RegExp][] = [
  ['Windows', /Windows NT ([\d.]+)/],
  ['iOS', /(?:iPhone|iPad|iPod).*? OS ([\d_]+)/],
  ['Android', /Android ([\d.]+)/],
  ['macOS', /Mac OS X ([\d_.]+)/],
  ['Chrome OS', /CrOS/],
  ['Linux', /Linux/],
];

/**
 * The browser and OS a User-Agent header names, as Sentry derives its `browser` and `os` contexts from the
 * request of an event that does not carry them. Unknown agents give nothing rather than a guess.
 */
export function parseUserAgent(userAgent: string): { browser?: NameAndVersion; os?: NameAndVersion } {
  const ua = userAgent.slice(0, 1000);
  return { browser: match(BROWSERS, ua), os: match(SYSTEMS, ua) };
}

function match(known: [string, RegExp][], ua: string): NameAndVersion | undefined {
  for (const [name, pattern] of known) {
    const found = pattern.exec(ua);
    if (!found) continue;
    const version = found[1]?.replace(/_/g, '.');
    return version ? { name, version } : { name };
  }
  return undefined;
}

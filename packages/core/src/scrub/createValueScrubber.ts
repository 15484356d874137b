import { isLuhnValid } from './isLuhnValid';

/** A pattern, the cheap check that must pass before it is worth running, and what replaces a match. */
type Rule = [
  trigger: (value: string) => boolean,
  pattern: RegExp,
  replace: (match: string, ...groups: string[]) => string,
];

const has =
  (...needles: string[]) =>
  (value: string): boolean =>
    needles.some((needle) => value.includes(needle));
const hasDigitRun = (value: string): boolean => /\d{4}/.test(value);

const CACHE_LIMIT = 1000;
const CACHEABLE_LENGTH = 256;

/**
 * Redacts secrets inside strings: private-key blocks, JWTs, bearer tokens, common API-key shapes,
 * emails, Luhn-valid card numbers, sensitive `key=value` and `"key": "value"` pairs, and IP addresses unless
 * `sendDefaultPii`. Look-alikes survive: order numbers failing Luhn, UUIDs, dates, versions.
 * Each rule runs only when its cheap trigger matches, and short strings (breadcrumbs and tags repeat
 * across events) are answered from a bounded cache.
 */
export function createValueScrubber(options: {
  redaction: string;
  sendDefaultPii: boolean;
  patterns?: RegExp[];
  isSensitiveKey: (key: string) => boolean;
}): (value: string) => string {
  const { redaction, isSensitiveKey } = options;
  const redact = (): string => redaction;
  const rules: Rule[] = [
    [has('-----BEGIN'), /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, redact],
    [has('eyJ'), /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g, redact],
    [
      (value) => /bearer|basic|token/i.test(value),
      /\b(Bearer|Basic|Token)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi,
      (_match, scheme) => `${scheme} ${redaction}`,
    ],
    [has('_live_', '_test_'), /\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}/g, redact],
    [has('sk-'), /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g, redact],
    [has('gh'), /\bgh[pousr]_[A-Za-z0-9]{30,}/g, redact],
    [has('github_pat_'), /\bgithub_pat_[A-Za-z0-9_]{40,}/g, redact],
    [has('xox'), /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, redact],
    [has('AKIA', 'ASIA'), /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, redact],
    [has('AIza'), /\bAIza[0-9A-Za-z_-]{35}\b/g, redact],
    // Also URL-encoded (`a%40b.co`), as a query string carries it.
    [has('@', '%40'), /\b[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, redact],
    // Card numbers: 13-19 digits, optionally grouped (spaces, dashes, URL-encoded spaces), issuer prefixes 2-6 (so ms timestamps, which start
    // with 1, survive), and only when the Luhn check passes (so most order numbers survive).
    [
      hasDigitRun,
      /\b[2-6]\d{3}(?:(?:[ +-]|%20)?\d{2,6}){2,4}\b/g,
      (match) => {
        const digits = match.replace(/%20|[ +-]/g, '');
        return digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits) ? redaction : match;
      },
    ],
    // "key": "value" in JSON text, key: 'value' as util.inspect and the browser console print objects: the
    // text form of a nested object keeps its sensitive keys' values out too.
    [
      // Only text shaped like an object (a quote beside a colon, or `{ key:` / `, key:`): times, ports and URLs
      // do not pay for the pattern.
      (value) => /["']\s*:|:\s*["']|[{,]\s*[\w$]+\s*:/.test(value),
      /(["']?)([\w$.-]{1,64})\1\s*:\s*((["'])(?:\\.|(?!\4)[^\\\n])*\4|-?\d[\d.]*)/g,
      (match, _quote, key: string, value: string, quote = '"') =>
        isSensitiveKey(key) ? `${match.slice(0, -value.length)}${quote}${redaction}${quote}` : match,
    ],
    // key=value in URLs (query and fragment), bare query strings and free text ("password=hunter2 failed").
    [
      has('='),
      /(^|[?&;#\s])([^=&#\s?]+)=([^&#\s]*)/g,
      (match, separator, name) =>
        isSensitiveKey(name!.includes('%') ? decodeSafely(name!) : name!) ? `${separator}${name}=${redaction}` : match,
    ],
  ];
  if (!options.sendDefaultPii) {
    rules.push(
      [
        (value) => /\d\.\d/.test(value),
        // Not the host of a URL (`//10.0.0.5`, `user@10.0.0.5`): a server address is not personal data.
        /(?<![/@[.\w])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b/g,
        redact,
      ],
      [has(':'), /(?<![\w:[])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\w:])/g, redact],
      [
        has('::'),
        /(?<![\w:[])(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,5})?(?![\w:])/g,
        ipv6OrKeep(redaction),
      ],
    );
  }
  for (const pattern of options.patterns ?? []) rules.push([() => true, pattern, redact]);

  const cache = new Map<string, string>();
  const scan = (value: string): string => {
    let out = value;
    for (const [trigger, pattern, replace] of rules) {
      if (!trigger(out)) continue;
      pattern.lastIndex = 0;
      out = out.replace(pattern, replace as (match: string) => string);
    }
    return out;
  };
  return (value) => {
    if (value.length < 6) return value;
    if (value.length > CACHEABLE_LENGTH) return scan(value);
    let out = cache.get(value);
    if (out === undefined) {
      out = scan(value);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(value, out);
    }
    return out;
  };
}

/** Compressed IPv6 (`fe80::1`) needs at least two groups, one of them longer than one digit, to count. */
function ipv6OrKeep(redaction: string): (match: string) => string {
  return (match) => {
    const groups = match.split(':').filter(Boolean);
    return groups.length >= 2 && groups.some((group) => group.length >= 2) ? redaction : match;
  };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What to do with the value under a key. */
export type KeyVerdict = 'redact' | 'exempt' | 'scan';

// Compared after lowercasing and removing separators, so `X-Api-Key`, `api_key` and `apiKey` all match.
const CONTAINED = [
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'authorization',
  'auth',
  'cookie',
  'creditcard',
  'cardnumber',
  'privatekey',
  'sessionkey',
  'credentials',
  'signature',
  'bankaccount',
  'iban',
];
// Short names match only exactly: as substrings they hide in innocent words (`classname` holds `ssn`).
const EXACT = new Set([
  'pwd',
  'pass',
  'ssn',
  'cvv',
  'cvc',
  'pin',
  'session',
  'sessionid',
  'sessid',
  'sid',
  'jwt',
  'otp',
]);

// Tracing identifiers correlate, they do not identify people: never redacted, never pattern-scanned.
const EXEMPT_EXACT = new Set([
  'correlation_id',
  'request_id',
  'trace_id',
  'span_id',
  'transaction_id',
  'operation_id',
  'parent_id',
  'parent_span_id',
  'root_id',
  'trace_context',
  'traceparent',
  'tracestate',
  'x-request-id',
  'sentry-trace',
]);
const EXEMPT_PREFIXES = ['trace_', 'span_', 'trace.', 'span.', 'sentry.trace'];

const normalizeKey = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Classifies keys: tracing fields (and user exemptions) are left alone, sensitive ones are redacted,
 * everything else has its strings scanned for secrets. Results are cached per key name.
 */
export function createKeyMatcher(
  options: { fields?: string[]; exemptFields?: (string | RegExp)[]; allowList?: string[] } = {},
): (key: string, inUserData: boolean) => KeyVerdict {
  const contained = [...CONTAINED, ...(options.fields ?? []).map(normalizeKey)];
  const allow = options.allowList ? new Set(options.allowList.map(normalizeKey)) : undefined;
  const exemptions = options.exemptFields ?? [];
  const cache = new Map<string, KeyVerdict>();
  const classify = (key: string): KeyVerdict => {
    const lower = key.toLowerCase();
    if (EXEMPT_EXACT.has(lower) || EXEMPT_PREFIXES.some((prefix) => lower.startsWith(prefix))) return 'exempt';
    if (exemptions.some((e) => (typeof e === 'string' ? e.toLowerCase() === lower : e.test(key)))) return 'exempt';
    const normalized = normalizeKey(key);
    if (EXACT.has(normalized) || contained.some((word) => normalized.includes(word))) return 'redact';
    return 'scan';
  };
  return (key, inUserData) => {
    let verdict = cache.get(key);
    if (verdict === undefined) {
      verdict = classify(key);
      if (cache.size < 2000) cache.set(key, verdict);
    }
    // In allow-list mode, user data keeps only the listed keys (tracing fields stay exempt).
    if (allow && inUserData && verdict === 'scan' && !allow.has(normalizeKey(key))) return 'redact';
    return verdict;
  };
}

/**
 * The secrets the privacy matrix tests plant in every signal. Each is unique, so finding any of its needles
 * in bytes that left the SDK (a receiver's body, a journal file, an IndexedDB record) is a leak.
 */
export const CANARY = {
  /** Under a `password` key, nested: `{ db: { password } }`. */
  password: 'pw-canary-5a1f93e0',
  /** Under a `token` key in an array: `{ sessions: [{ token }] }`. */
  token: 'tok-canary-77c2e0b4',
  /** Under an `api_key` key. */
  apiKeyField: 'apikey-canary-31d8c6',
  email: 'canary.person@example.com',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJjYW5hcnkiOiJqd3QtY2FuYXJ5In0.Q2FuYXJ5Snd0U2lnbmF0dXJlMDEy',
  /** Luhn-valid, grouped as on a form. */
  card: '4539 5787 6362 1486',
  bearer: 'Bearer CanaryBearer0123456789abcdef',
  apiKey: 'sk_live_CanaryStripeKey0123456789',
  privateKey: '-----BEGIN PRIVATE KEY-----\nMIICanaryPrivateKeyMaterial0123\n-----END PRIVATE KEY-----',
  ip: '203.0.113.77',
} as const;

/** What must never appear, whatever the encoding around it (JSON, URL, a JSON line inside JSON). */
const NEEDLES = [
  CANARY.password,
  CANARY.token,
  CANARY.apiKeyField,
  'canary.person',
  'eyJjYW5hcnkiOiJqd3QtY2FuYXJ5In0',
  'Q2FuYXJ5Snd0U2lnbmF0dXJlMDEy',
  CANARY.card,
  CANARY.card.replaceAll(' ', ''),
  'CanaryBearer0123456789abcdef',
  'CanaryStripeKey0123456789',
  'MIICanaryPrivateKeyMaterial0123',
  CANARY.ip,
];

/** One text carrying every pattern-shaped secret (what a message, an exception or a log body holds). */
export const CANARY_TEXT =
  `contact ${CANARY.email} card ${CANARY.card} jwt ${CANARY.jwt} auth ${CANARY.bearer} ` +
  `key ${CANARY.apiKey} from ${CANARY.ip} ${CANARY.privateKey}`;

/** Key-borne secrets at depth, and the pattern text beside them: what a log's attributes or `extra` hold. */
export function canaryData(): Record<string, unknown> {
  return {
    db: { host: 'db-1.internal', port: 5432, password: CANARY.password },
    sessions: [{ id: 's-1', token: CANARY.token }],
    api_key: CANARY.apiKeyField,
    note: CANARY_TEXT,
  };
}

/** A URL query carrying secrets by key and by pattern. */
export const CANARY_QUERY = `token=${CANARY.token}&email=${encodeURIComponent(CANARY.email)}&page=2`;

/** `text` and its URL-decoded form: a secret in a query string is a secret too. */
function views(text: string): string[] {
  const decoded = text
    .replace(/\+/g, ' ')
    .replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return decoded === text ? [text] : [text, decoded];
}

/** The canaries found in `text`, as it is or URL-decoded (empty: nothing leaked). */
export function findLeaks(text: string): string[] {
  const seen = views(text);
  return NEEDLES.filter((needle) => seen.some((view) => view.includes(needle)));
}

/** Where each canary found in `text` sits (80 characters either side), to name the leaking field. */
export function describeLeaks(text: string): string {
  const seen = views(text);
  return findLeaks(text)
    .map((needle) => {
      const view = seen.find((v) => v.includes(needle))!;
      const at = view.indexOf(needle);
      return `${needle}: …${view.slice(Math.max(0, at - 80), at + needle.length + 80)}…`;
    })
    .join('\n');
}

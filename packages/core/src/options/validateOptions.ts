import { parseDsn } from '../dsn';
import type { Dsn } from '../types';
import { CORE_OPTION_CHECKS, FATAL_OPTIONS } from './coreOptionChecks';
import { optionHelp } from './optionHelp';
import { showValue as show } from './showValue';
import type { OptionCheck } from './types';

/** Options from one place. Layers are listed from the highest precedence to the lowest. */
export interface OptionLayer {
  options: unknown;
  /** Where they come from (`init option`, `config file ./faultline.json`); omitted by `faultline validate`. */
  source?: string;
  /** Options read from somewhere more precise than `source` (an environment variable): its name and raw text. */
  origins?: Record<string, { source: string; raw: string }>;
}

export interface OptionsCheckResult {
  /** Every problem, one line each, naming the option, where it came from and the raw value. */
  problems: string[];
  /** Sentry options Faultline does not implement that were given (and are ignored); without the option help (a production browser bundle), every unknown key. */
  unsupported: string[];
  /** Every usable value, the layers merged by precedence (plain objects merged one level deep). */
  options: Record<string, unknown>;
  dsn?: Dsn;
  /** A dsn or tunnel was given but none is usable: nothing can be sent. */
  fatal: boolean;
}

/**
 * Checks every option at once and lists every problem, so a user fixes their config in one round.
 * `undefined` always passes: it means "use the default".
 */
export function validateOptions(
  options: unknown,
  checks: Record<string, OptionCheck> = CORE_OPTION_CHECKS,
): OptionsCheckResult {
  return checkOptionLayers([{ options }], checks);
}

interface Finding {
  key: string;
  layer: OptionLayer;
  text: string;
  /** The option's value is ignored (rather than repaired, unknown or unreadable). */
  ignored?: boolean;
}

/**
 * Checks each layer, keeps what is usable and merges it: an invalid value is ignored (the next layer's
 * value or the default applies), a repairable one keeps its usable part, an unknown key gets a "did you
 * mean". Only an unusable dsn or tunnel makes the result `fatal`.
 */
export function checkOptionLayers(layers: OptionLayer[], checks: Record<string, OptionCheck>): OptionsCheckResult {
  const findings: Finding[] = [];
  const unsupported = new Set<string>();
  const merged: Record<string, unknown> = {};
  const suppliedBy: Record<string, OptionLayer> = {};
  const help = optionHelp();
  for (const layer of layers) {
    const { options, source } = layer;
    if (typeof options !== 'object' || options === null) {
      if (options !== undefined)
        findings.push({ key: 'options', layer, text: `expected an object, got ${show(options)}` });
      continue;
    }
    for (const key of ownKeys(options)) {
      if (Object.hasOwn(checks, key) || key === '$schema') continue;
      // Production browser bundles carry neither Sentry's option list nor the suggestions: there an unknown
      // key (which changes nothing at run time) is named with `debug`; elsewhere (Node too) it is warned about.
      if (!help || help.isSentryOnly(key)) unsupported.add(key);
      else findings.push({ key, layer, text: unknownKey(key, help.suggest(key, Object.keys(checks)), source) });
    }
    for (const [key, check] of Object.entries(checks)) {
      try {
        const value = (options as Record<string, unknown>)[key];
        if (value === undefined) continue;
        const verdict = check(value);
        if (typeof verdict === 'string') {
          // A problem that quotes the value itself (parseDsn's, a Loki url's) already names it.
          const raw = layer.origins?.[key] ? JSON.stringify(layer.origins[key].raw) : show(value);
          const text = verdict.startsWith('"') || verdict.includes(', got ') ? verdict : `${verdict}, got ${raw}`;
          findings.push({ key, layer, text, ignored: true });
          continue;
        }
        for (const problem of verdict?.problems ?? []) findings.push({ key, layer, text: problem });
        merge(merged, key, verdict ? verdict.value : value);
        suppliedBy[key] ??= layer;
      } catch {
        // A throwing getter or proxy: the option cannot be used, and the SDK must not throw.
        findings.push({ key, layer, text: 'could not be read; ignored' });
      }
    }
  }
  const fatal = findings.some((f) => f.ignored && FATAL_OPTIONS.includes(f.key) && merged[f.key] === undefined);
  const dsn = typeof merged.dsn === 'string' && merged.dsn !== '' ? parseDsn(merged.dsn) : undefined;
  return {
    problems: findings.map((finding) => line(finding, suppliedBy[finding.key])),
    unsupported: [...unsupported],
    options: merged,
    dsn: typeof dsn === 'object' ? dsn : undefined,
    fatal,
  };
}

function line({ key, layer, text, ignored }: Finding, supplier: OptionLayer | undefined): string {
  const where = layer.origins?.[key]?.source ?? layer.source;
  const label = where ? `${key} (${where})` : key;
  // `faultline validate` reads one file: what would happen at runtime is for init's message to say.
  if (!ignored || layer.source === undefined) return `${label}: ${text}`;
  if (!supplier) {
    return `${label}: ${text}; ignored, ${FATAL_OPTIONS.includes(key) ? 'so nothing is sent' : 'using the default'}`;
  }
  return `${label}: ${text}; ignored, using the value from ${supplier.origins?.[key]?.source ?? supplier.source}`;
}

function unknownKey(key: string, suggestion: string | undefined, source: string | undefined): string {
  const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '';
  return `unknown option${source === undefined ? '' : ', ignored'}${hint}`;
}

function merge(target: Record<string, unknown>, key: string, value: unknown): void {
  const existing = target[key];
  if (existing === undefined) target[key] = value;
  else if (isPlainObject(existing) && isPlainObject(value)) target[key] = { ...value, ...existing };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function ownKeys(options: object): string[] {
  try {
    return Object.keys(options);
  } catch {
    return [];
  }
}

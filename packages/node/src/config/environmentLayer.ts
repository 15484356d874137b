import { suggestOption, type OptionLayer } from '@faultline/core';

/** Every variable `init` reads, and the option each sets. */
const VARIABLES: Record<string, string> = {
  FAULTLINE_DSN: 'dsn',
  FAULTLINE_RELEASE: 'release',
  FAULTLINE_ENVIRONMENT: 'environment',
  FAULTLINE_SERVICE: 'service',
  FAULTLINE_DEBUG: 'debug',
  FAULTLINE_SAMPLE_RATE: 'sampleRate',
  FAULTLINE_LOKI_URL: 'loki',
  FAULTLINE_LOKI_TENANT: 'loki',
  FAULTLINE_LOKI_TOKEN: 'loki',
  FAULTLINE_LOKI_USERNAME: 'loki',
  FAULTLINE_LOKI_PASSWORD: 'loki',
  FAULTLINE_CONFIG: 'configFile',
};

/** Sentry's variables `init` also reads, each only when its `FAULTLINE_*` counterpart is not set. */
export const SENTRY_VARIABLES: Record<string, string> = {
  SENTRY_DSN: 'dsn',
  SENTRY_RELEASE: 'release',
  SENTRY_ENVIRONMENT: 'environment',
};

/** The names of the `FAULTLINE_*` variables `init` reads. */
export const FAULTLINE_VARIABLES: readonly string[] = Object.keys(VARIABLES);

/**
 * Options from `FAULTLINE_*` variables (and `SENTRY_DSN`, `SENTRY_RELEASE`, `SENTRY_ENVIRONMENT` where the
 * `FAULTLINE_*` one is absent; `fromSentry` lists those used), each remembered with its variable and raw
 * text so that a problem names them (`FAULTLINE_SAMPLE_RATE="50%"`). A value that does not parse is kept
 * as its text: the option's check then rejects it. An empty variable counts as unset.
 */
export function environmentLayer(
  env: NodeJS.ProcessEnv,
): OptionLayer & { options: Record<string, unknown>; fromSentry: string[] } {
  const options: Record<string, unknown> = {};
  const origins: Record<string, { source: string; raw: string }> = {};
  const read = (name: string, parse: (raw: string) => unknown = (raw) => raw): void => {
    const raw = env[name];
    if (!raw) return;
    options[VARIABLES[name]!] = parse(raw);
    origins[VARIABLES[name]!] = { source: name, raw };
  };
  read('FAULTLINE_DSN');
  read('FAULTLINE_RELEASE');
  read('FAULTLINE_ENVIRONMENT');
  // Sentry's variables, for a service deployed for Sentry's SDK: read only where Faultline's are absent.
  const fromSentry: string[] = [];
  for (const [name, option] of Object.entries(SENTRY_VARIABLES)) {
    const raw = env[name];
    if (!raw || option in options) continue;
    options[option] = raw;
    origins[option] = { source: name, raw };
    fromSentry.push(name);
  }
  read('FAULTLINE_SERVICE');
  read('FAULTLINE_DEBUG', parseBoolean);
  read('FAULTLINE_SAMPLE_RATE', parseNumber);
  read('FAULTLINE_CONFIG');
  read('FAULTLINE_LOKI_URL', (url) => ({
    url,
    ...(env.FAULTLINE_LOKI_TENANT ? { tenantId: env.FAULTLINE_LOKI_TENANT } : {}),
    ...(env.FAULTLINE_LOKI_TOKEN ? { bearerToken: env.FAULTLINE_LOKI_TOKEN } : {}),
    ...(env.FAULTLINE_LOKI_USERNAME
      ? { basicAuth: { username: env.FAULTLINE_LOKI_USERNAME, password: env.FAULTLINE_LOKI_PASSWORD ?? '' } }
      : {}),
  }));
  return { options, origins, source: 'environment', fromSentry };
}

function parseBoolean(raw: string): boolean | string {
  const value = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  return raw;
}

function parseNumber(raw: string): number | string {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(value) ? value : raw;
}

/** A `FAULTLINE_*` variable that is set but not read, and close to one that is: a typo in the deployment. */
export function misspelledVariables(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(env)) {
    if (!name.startsWith('FAULTLINE_') || name in VARIABLES) continue;
    const suggestion = suggestOption(name, FAULTLINE_VARIABLES);
    if (suggestion) problems.push(`${name}: unknown variable, ignored; did you mean \`${suggestion}\`?`);
  }
  return problems;
}

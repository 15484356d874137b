import {
  CORE_OPTION_CHECKS,
  type CoreOptions,
  type DeliveryTransportOptions,
  type LokiOptions,
  type OptionCheck,
} from '@faultline/core';
import type { ProcessHandlersOptions } from './integrations/processHandlersIntegration';

/** Options of `@faultline/node`'s `init`. */
export interface NodeOptions extends CoreOptions, ProcessHandlersOptions {
  /** Push events and logs to Grafana Loki as well (or instead, without a DSN). */
  loki?: LokiOptions;
  /** Where envelopes wait until delivered (one folder per destination and process); `false`: memory only. */
  queueDir?: string | false;
  /** Tuning for the default transport: queue limits, retries, concurrency, extra destinations. */
  delivery?: DeliveryTransportOptions;
}

const isObject: OptionCheck = (value) =>
  typeof value === 'object' && value !== null ? undefined : 'expected an object';

export const NODE_OPTION_CHECKS: Record<string, OptionCheck> = {
  ...CORE_OPTION_CHECKS,
  loki: (value) =>
    typeof value === 'object' && value !== null && typeof (value as LokiOptions).url === 'string'
      ? undefined
      : 'expected { url, … }',
  queueDir: (value) => (value === false || typeof value === 'string' ? undefined : 'expected a folder path or false'),
  delivery: isObject,
  shutdownTimeout: (value) =>
    typeof value === 'number' && value >= 0 ? undefined : 'expected milliseconds (a number ≥ 0)',
  onFatalError: (value) => (typeof value === 'function' ? undefined : 'expected a function'),
  unhandledRejection: (value) =>
    value === 'warn' || value === 'strict' || value === 'none' ? undefined : "expected 'warn', 'strict' or 'none'",
};

/** Options from the environment; explicit options win over these, which win over defaults. */
export function optionsFromEnvironment(env: NodeJS.ProcessEnv): NodeOptions {
  const options: NodeOptions = {};
  if (env.FAULTLINE_DSN) options.dsn = env.FAULTLINE_DSN;
  if (env.FAULTLINE_RELEASE) options.release = env.FAULTLINE_RELEASE;
  if (env.FAULTLINE_ENVIRONMENT) options.environment = env.FAULTLINE_ENVIRONMENT;
  if (env.FAULTLINE_SERVICE) options.service = env.FAULTLINE_SERVICE;
  if (env.FAULTLINE_DEBUG) options.debug = env.FAULTLINE_DEBUG === 'true' || env.FAULTLINE_DEBUG === '1';
  if (env.FAULTLINE_SAMPLE_RATE) options.sampleRate = Number(env.FAULTLINE_SAMPLE_RATE);
  if (env.FAULTLINE_LOKI_URL) {
    options.loki = {
      url: env.FAULTLINE_LOKI_URL,
      ...(env.FAULTLINE_LOKI_TENANT ? { tenantId: env.FAULTLINE_LOKI_TENANT } : {}),
      ...(env.FAULTLINE_LOKI_TOKEN ? { bearerToken: env.FAULTLINE_LOKI_TOKEN } : {}),
      ...(env.FAULTLINE_LOKI_USERNAME
        ? { basicAuth: { username: env.FAULTLINE_LOKI_USERNAME, password: env.FAULTLINE_LOKI_PASSWORD ?? '' } }
        : {}),
    };
  }
  return options;
}

import {
  CORE_OPTION_CHECKS,
  lokiOptionCheck,
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
  /**
   * The private folder under which each destination's journal keeps what is not yet delivered (default:
   * the user's state folder, e.g. `~/.local/state/faultline`); `false`: memory only.
   */
  queueDir?: string | false;
  /** Tuning for the default transport: queue limits, retries, concurrency, extra destinations. */
  delivery?: DeliveryTransportOptions;
  /**
   * A JSON file of options (see `faultline.schema.json`), read once by `init`; `FAULTLINE_CONFIG` names
   * one too. Options given to `init` win over `FAULTLINE_*` variables, which win over the file.
   */
  configFile?: string;
}

const isObject: OptionCheck = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'expected an object';

/** The checks for every option of `@faultline/node`'s `init` (and of its config file). */
export const NODE_OPTION_CHECKS: Record<string, OptionCheck> = {
  ...CORE_OPTION_CHECKS,
  loki: lokiOptionCheck({ allowPath: false }),
  queueDir: (value) => (value === false || typeof value === 'string' ? undefined : 'expected a folder path or false'),
  delivery: isObject,
  shutdownTimeout: (value) =>
    typeof value === 'number' && value >= 0 ? undefined : 'expected milliseconds (a number ≥ 0)',
  onFatalError: (value) => (typeof value === 'function' ? undefined : 'expected a function'),
  unhandledRejection: (value) =>
    value === 'node' || value === 'warn' || value === 'strict' || value === 'none'
      ? undefined
      : "expected 'node', 'warn', 'strict' or 'none'",
  configFile: (value) => (typeof value === 'string' && value !== '' ? undefined : 'expected a file path'),
};

import {
  DEFAULT_ENVIRONMENT,
  DEFAULT_MAX_BREADCRUMBS,
  DEFAULT_MAX_VALUE_LENGTH,
  DEFAULT_NORMALIZE_DEPTH,
  DEFAULT_NORMALIZE_MAX_BREADTH,
} from '../constants';
import { resolveIntegrations } from '../integrations/resolveIntegrations';
import type { CoreOptions, PlatformSettings, ResolvedOptions } from './types';

/** Fills defaults for every option left undefined. Assumes the options passed validation. */
export function resolveOptions<O extends CoreOptions>(options: O, platform: PlatformSettings): O & ResolvedOptions {
  const defined: Partial<O> = {};
  for (const key of Object.keys(options) as (keyof O)[]) {
    if (options[key] !== undefined) defined[key] = options[key];
  }
  return {
    sampleRate: 1,
    maxBreadcrumbs: DEFAULT_MAX_BREADCRUMBS,
    normalizeDepth: DEFAULT_NORMALIZE_DEPTH,
    normalizeMaxBreadth: DEFAULT_NORMALIZE_MAX_BREADTH,
    maxValueLength: DEFAULT_MAX_VALUE_LENGTH,
    environment: DEFAULT_ENVIRONMENT,
    ...(defined as O),
    integrations: resolveIntegrations(platform.defaultIntegrations, options.integrations),
  };
}

import type { Integration } from '../client/types';
import { inertIntegration } from './inertIntegration';

// Sentry's integrations for features Faultline does not implement, available in every runtime. Each is
// accepted (so a Sentry `init` runs unchanged), does nothing, and with `debug: true` says so once.

/** Sentry's span streaming (tracing): accepted and inert. */
export function spanStreamingIntegration(_options: object = {}): Integration {
  return inertIntegration('SpanStreaming', 'tracing');
}

/** Sentry's Supabase instrumentation (tracing and breadcrumbs of queries): accepted and inert. */
export function supabaseIntegration(_options: object = {}): Integration {
  return inertIntegration('Supabase', 'tracing');
}

/** Keeps `Function.prototype.toString` of functions Sentry wraps; Faultline wraps none that way: inert. */
export function functionToStringIntegration(): Integration {
  return inertIntegration('FunctionToString', 'not needed');
}

/** Sentry's module metadata from its bundler plugins (for thirdPartyErrorFilter): accepted and inert. */
export function moduleMetadataIntegration(): Integration {
  return inertIntegration('ModuleMetadata', 'bundler metadata');
}

/** Drops errors from third-party code using Sentry's bundler metadata: accepted and inert (nothing dropped). */
export function thirdPartyErrorFilterIntegration(_options: object = {}): Integration {
  return inertIntegration('ThirdPartyErrorsFilter', 'bundler metadata');
}

/** Statsig feature-flag evaluations on events: accepted and inert (use `featureFlagsIntegration`). */
export function statsigIntegration(_options: object = {}): Integration {
  return inertIntegration('Statsig', 'feature flags');
}

/** Unleash feature-flag evaluations on events: accepted and inert (use `featureFlagsIntegration`). */
export function unleashIntegration(_options: object = {}): Integration {
  return inertIntegration('Unleash', 'feature flags');
}

/** GrowthBook feature-flag evaluations on events: accepted and inert (use `featureFlagsIntegration`). */
export function growthbookIntegration(_options: object = {}): Integration {
  return inertIntegration('GrowthBook', 'feature flags');
}

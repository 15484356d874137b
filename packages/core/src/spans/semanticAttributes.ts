/** Sentry's span attribute names, as `@sentry/core` exports them. */
export const SEMANTIC_ATTRIBUTE_SENTRY_OP = 'sentry.op';
export const SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN = 'sentry.origin';
export const SEMANTIC_ATTRIBUTE_SENTRY_SAMPLE_RATE = 'sentry.sample_rate';
export const SEMANTIC_ATTRIBUTE_SENTRY_SOURCE = 'sentry.source';

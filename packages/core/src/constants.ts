// Replaced at build time (rollup) and test time (vitest) with the version from package.json.
declare const __FAULTLINE_VERSION__: string;

/** The version of the Faultline packages, injected from package.json at build time. */
export const SDK_VERSION: string = __FAULTLINE_VERSION__;

export const DEFAULT_MAX_BREADCRUMBS = 100;
/**
 * Levels of user data kept (extra, user, request; contexts one more, breadcrumbs two more). Sentry's 3
 * turns `extra.config.nested.deep.keep` into "[Object]"; 6 keeps realistic config and context objects,
 * for about +0.4 KB (+0.24 KB gzip) on a realistic Node event (measured in #17); the normalize budget and
 * the transport's size guard still bound any event.
 */
export const DEFAULT_NORMALIZE_DEPTH = 6;
export const DEFAULT_NORMALIZE_MAX_BREADTH = 1000;
/** Longest message or exception value kept. Sentry's 250 cuts real messages short; 1 KiB does not. */
export const DEFAULT_MAX_VALUE_LENGTH = 1024;
export const DEFAULT_ENVIRONMENT = 'production';

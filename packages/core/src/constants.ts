// Replaced at build time (rollup) and test time (vitest) with the version from package.json.
declare const __FAULTLINE_VERSION__: string;

/** The version of the Faultline packages, injected from package.json at build time. */
export const SDK_VERSION: string = __FAULTLINE_VERSION__;

export const DEFAULT_MAX_BREADCRUMBS = 100;
export const DEFAULT_NORMALIZE_DEPTH = 3;
export const DEFAULT_NORMALIZE_MAX_BREADTH = 1000;
/** Longest message or exception value kept. Sentry's 250 cuts real messages short; 1 KiB does not. */
export const DEFAULT_MAX_VALUE_LENGTH = 1024;
export const DEFAULT_ENVIRONMENT = 'production';

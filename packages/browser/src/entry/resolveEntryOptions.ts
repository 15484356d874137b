import { resolveOptions, type PlatformSettings } from '@faultline/core';
import type { BrowserOptions } from '../browserOptions';
import type { EntryOptions } from './types';

const wholeIn = (value: unknown, min: number, max: number): boolean =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/**
 * The options the entry works with before the pipeline has validated them: the defaults filled in, and
 * the few the entry reads (breadcrumb limits and hook, integrations) left to their defaults when unusable.
 * The pipeline checks every option and prints the one warning that names what was wrong.
 */
export function resolveEntryOptions(options: BrowserOptions, platform: PlatformSettings): EntryOptions {
  const { maxBreadcrumbs, maxValueLength, beforeBreadcrumb, integrations } = options;
  return resolveOptions(
    {
      ...options,
      maxBreadcrumbs: wholeIn(maxBreadcrumbs, 0, 1000) ? maxBreadcrumbs : undefined,
      maxValueLength: wholeIn(maxValueLength, 1, 1_000_000) ? maxValueLength : undefined,
      beforeBreadcrumb: typeof beforeBreadcrumb === 'function' ? beforeBreadcrumb : undefined,
      integrations: typeof integrations === 'function' || Array.isArray(integrations) ? integrations : undefined,
    },
    platform,
  );
}

import { getCarrier } from '../carrier';
import { debugLogger } from '../debugLogger';
import { truncate } from '../normalize/safeString';
import type { Scope } from '../scope/createScope';
import type { Breadcrumb } from '../types';
import type { ResolvedOptions } from './types';

/**
 * Adds a breadcrumb as a client does: stamped now, its message bounded, through `beforeBreadcrumb`, onto
 * `scope` (by default the isolation scope). Used by the client and by a browser page's entry, which
 * records breadcrumbs before the rest of the SDK has loaded. Never throws.
 */
export function addBreadcrumbWith(
  options: ResolvedOptions,
  breadcrumb: Breadcrumb,
  hint?: Record<string, unknown>,
  scope?: Scope,
): void {
  if (options.maxBreadcrumbs <= 0) return;
  try {
    let crumb = { timestamp: Date.now() / 1000, ...breadcrumb };
    if (crumb.message !== undefined) crumb.message = truncate(String(crumb.message), options.maxValueLength);
    if (options.beforeBreadcrumb) {
      const result = options.beforeBreadcrumb(crumb, hint);
      if (!result) return;
      crumb = result as typeof crumb;
    }
    (scope ?? getCarrier().strategy.getScopes().isolationScope).addBreadcrumb(crumb, options.maxBreadcrumbs);
  } catch (error) {
    debugLogger.error('Adding a breadcrumb failed', error);
  }
}

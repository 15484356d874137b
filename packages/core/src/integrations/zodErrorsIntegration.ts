import type { Integration } from '../client/types';
import { isError } from '../event/isError';
import { truncate } from '../normalize/safeString';

type ZodIssue = { path?: unknown[]; expected?: unknown; keys?: unknown; unionErrors?: unknown; [key: string]: unknown };

/**
 * Sentry's ZodErrors: for a thrown ZodError, the exception's value names the keys that failed
 * (`Failed to validate keys: email, items.<array>.qty`) and `extra['zoderror.issues']` lists up to `limit`
 * issues (default 10), so the same validation failure groups as one issue.
 */
/* @__NO_SIDE_EFFECTS__ */
export function zodErrorsIntegration(
  options: { limit?: number; saveZodIssuesAsAttachment?: boolean } = {},
): Integration {
  const limit = options.limit ?? 10;
  return {
    name: 'ZodErrors',
    processEvent(event, hint) {
      const error = hint.originalException;
      const values = event.exception?.values;
      if (!values?.length || !isError(error) || error.name !== 'ZodError') return event;
      const all = (error as { issues?: unknown }).issues;
      if (!Array.isArray(all) || all.length === 0) return event;
      const issues = (all as ZodIssue[]).slice(0, limit).map((issue) => ({
        ...issue,
        path: Array.isArray(issue.path) ? issue.path.join('.') : undefined,
        keys: 'keys' in issue ? JSON.stringify(issue.keys) : undefined,
        unionErrors: 'unionErrors' in issue ? JSON.stringify(issue.unionErrors) : undefined,
      }));
      const thrown = { ...values[values.length - 1]!, value: issueMessage(all as ZodIssue[]) };
      return {
        ...event,
        exception: { values: [...values.slice(0, -1), thrown] },
        extra: { ...event.extra, 'zoderror.issues': issues },
      };
    },
  };
}

function issueMessage(issues: ZodIssue[]): string {
  const keys = new Set<string>();
  for (const issue of issues) {
    const path = (Array.isArray(issue.path) ? issue.path : []).map((p) => (typeof p === 'number' ? '<array>' : p));
    if (path.length > 0) keys.add(path.join('.'));
  }
  if (keys.size > 0) return `Failed to validate keys: ${truncate([...keys].join(', '), 100)}`;
  const expected = issues[0]?.expected;
  return `Failed to validate ${typeof expected === 'string' ? expected : 'variable'}`;
}

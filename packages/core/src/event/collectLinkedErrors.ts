import { safeGet } from '../normalize/safeString';
import { isError } from './isError';

/** Exceptions kept per event: the thrown one plus its causes and aggregated errors. */
export const MAX_LINKED_ERRORS = 10;
const MAX_AGGREGATED_PER_ERROR = 5;

/** One value in the tree below a thrown error, with where it hangs. */
export interface LinkedError {
  value: unknown;
  /** `cause` or `errors[i]`; absent for the thrown value itself. */
  source?: string;
  parentId?: number;
  isGroup?: boolean;
}

/**
 * Walks `cause` chains and `AggregateError.errors` breadth first, bounded and cycle-safe.
 * Index 0 is the thrown value; each entry's index is its Sentry `exception_id`.
 */
export function collectLinkedErrors(root: unknown): LinkedError[] {
  const links: LinkedError[] = [{ value: root }];
  const seen = new Set<unknown>([root]);
  const add = (value: unknown, source: string, parentId: number): void => {
    if (links.length >= MAX_LINKED_ERRORS || seen.has(value)) return;
    seen.add(value);
    links.push({ value, source, parentId });
  };
  for (let id = 0; id < links.length && links.length < MAX_LINKED_ERRORS; id++) {
    const link = links[id]!;
    if (!isError(link.value)) continue;
    const errors = safeGet(link.value, 'errors');
    if (Array.isArray(errors) && errors.length > 0) {
      link.isGroup = true;
      errors.slice(0, MAX_AGGREGATED_PER_ERROR).forEach((child, i) => add(child, `errors[${i}]`, id));
    }
    const cause = safeGet(link.value, 'cause');
    if (cause !== undefined && cause !== null) add(cause, 'cause', id);
  }
  return links;
}

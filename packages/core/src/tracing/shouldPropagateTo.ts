import { matchesAny, type Pattern } from '../integrations/eventFiltersIntegration';

/**
 * Whether an outgoing request to `url` gets trace headers: it must match one of `targets` (substring or
 * RegExp). No targets means none; platforms supply their default (browser: same origin).
 */
export function shouldPropagateTo(url: string, targets: Pattern[] | undefined): boolean {
  return targets !== undefined && matchesAny(url, targets);
}

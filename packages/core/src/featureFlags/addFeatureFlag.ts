import { getCarrier } from '../carrier';

/** Evaluations kept per isolation scope (the most recent ones), as Sentry keeps them. */
const MAX_FLAGS = 100;

type FlagsContext = { values: { flag: string; result: boolean }[] };

/**
 * Records a boolean feature-flag evaluation on the current isolation scope (this request or page): every
 * event captured afterwards carries the latest 100 in `contexts.flags`, as Sentry's feature-flag
 * integrations send them. Non-boolean values are ignored. Never throws.
 */
export function addFeatureFlag(name: string, value: unknown): void {
  if (typeof name !== 'string' || typeof value !== 'boolean') return;
  try {
    const scope = getCarrier().strategy.getScopes().isolationScope;
    const current = scope.getScopeData().contexts.flags as FlagsContext | undefined;
    const values = (current?.values ?? []).filter((entry) => entry.flag !== name);
    values.push({ flag: name, result: value });
    scope.setContext('flags', { values: values.slice(-MAX_FLAGS) });
  } catch {
    // a flag evaluation must never break the app
  }
}

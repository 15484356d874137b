import { debugLogger } from '../debugLogger';
import { showValue } from './showValue';

/**
 * An integration's option checked against the values it accepts: `undefined` and an accepted value come back
 * as given; anything else is named in one line (printed without `debug`, as init's invalid options are) and
 * ignored, so the integration runs with its default instead of silently reading it some other way.
 */
export function integrationOption<T>(
  integration: string,
  key: string,
  value: unknown,
  accepted: readonly T[],
): T | undefined {
  if (value === undefined || accepted.includes(value as T)) return value as T | undefined;
  const expected = accepted.map((choice) => showValue(choice)).join(' or ');
  debugLogger.configProblem(
    `Invalid option of ${integration}: ${key}: expected ${expected}, got ${showValue(value)}; ignored, using the default`,
  );
  return undefined;
}

import { validateLokiLabels } from '../loki/validateLokiLabels';
import { fieldsCheck, isBoolean, isObject, isString } from './optionChecks';
import type { OptionCheck } from './types';

const PUSH_PATH = '/loki/api/v1/push';
const ABSOLUTE_URL = /^https?:\/\/[^/\s?#]+([^\s]*)$/;

const isStringRecord: OptionCheck = (v) =>
  isObject(v) ??
  (Object.values(v as object).every((x) => typeof x === 'string') ? undefined : 'expected string values');
const isBasicAuth: OptionCheck = (v) =>
  isObject(v) ??
  (typeof (v as { username?: unknown }).username === 'string' &&
  typeof (v as { password?: unknown }).password === 'string'
    ? undefined
    : 'expected { username, password } strings');

const checkFields = fieldsCheck(
  {
    service: isString,
    labels: isObject,
    tenantId: isString,
    basicAuth: isBasicAuth,
    bearerToken: isString,
    headers: isStringRecord,
    gzip: isBoolean,
    source: isString,
  },
  'expected { url, … }',
) as (value: unknown) => { value: unknown; problems: string[] } | undefined;

/**
 * Checks the `loki` option: an unusable push URL ignores the option (nothing is pushed to Loki); every
 * other wrong field and every label Loki would refuse is left out, and the rest is used. A URL without
 * a path gets Loki's push path. `allowPath`: a same-origin tunnel path is fine (browsers).
 */
export function lokiOptionCheck({ allowPath }: { allowPath: boolean }): OptionCheck {
  return (value) => {
    if (isObject(value)) return 'expected { url, … }';
    const { url, ...rest } = value as Record<string, unknown>;
    const absolute = typeof url === 'string' ? ABSOLUTE_URL.exec(url) : null;
    if (!absolute && !(allowPath && typeof url === 'string' && url.startsWith('/'))) {
      return `url: expected the push URL (https://<host>${PUSH_PATH}${allowPath ? ' or a path' : ''}), got ${
        typeof url === 'string' ? JSON.stringify(url) : typeof url
      }`;
    }
    const problems: string[] = [];
    const kept: Record<string, unknown> = { url };
    if (absolute && (absolute[1] === '' || absolute[1] === '/')) {
      kept.url = `${(url as string).replace(/\/$/, '')}${PUSH_PATH}`;
      problems.push(`url: ${JSON.stringify(url)} has no path; pushing to ${JSON.stringify(kept.url)}`);
    }
    const repaired = checkFields(rest);
    Object.assign(kept, repaired ? repaired.value : rest);
    problems.push(...(repaired?.problems ?? []));
    if (kept.labels) {
      const labels = validateLokiLabels(kept.labels as Record<string, unknown>);
      kept.labels = labels.labels;
      problems.push(...labels.problems.map((problem) => `${problem}, left out`));
    }
    return problems.length > 0 ? { value: kept, problems } : undefined;
  };
}

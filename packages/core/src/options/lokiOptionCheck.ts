import { validateLokiLabels } from '../loki/validateLokiLabels';
import { isBoolean, isObject, isString } from './optionChecks';
import { suggestOption } from './suggestOption';
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

const FIELD_CHECKS: Record<string, OptionCheck> = {
  service: isString,
  labels: isObject,
  tenantId: isString,
  basicAuth: isBasicAuth,
  bearerToken: isString,
  headers: isStringRecord,
  gzip: isBoolean,
  source: isString,
};

/**
 * Checks the `loki` option: an unusable push URL ignores the option (nothing is pushed to Loki); every
 * other wrong field and every label Loki would refuse is left out, and the rest is used. A URL without
 * a path gets Loki's push path. `allowPath`: a same-origin tunnel path is fine (browsers).
 */
export function lokiOptionCheck({ allowPath }: { allowPath: boolean }): OptionCheck {
  return (value) => {
    const notObject = isObject(value);
    if (notObject) return 'expected { url, … }';
    const options = value as Record<string, unknown>;
    const url = options.url;
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
    for (const [field, fieldValue] of Object.entries(options)) {
      if (field === 'url' || fieldValue === undefined) continue;
      const check = FIELD_CHECKS[field];
      const problem = check ? check(fieldValue) : undefined;
      if (!check) problems.push(`${field}: ${unknownField(field)}`);
      else if (typeof problem === 'string') problems.push(`${field}: ${problem}; left out`);
      else kept[field] = fieldValue;
    }
    if (kept.labels) {
      const labels = validateLokiLabels(kept.labels as Record<string, unknown>);
      kept.labels = labels.labels;
      problems.push(...labels.problems.map((problem) => `${problem}; left out`));
    }
    return problems.length > 0 ? { value: kept, problems } : undefined;
  };
}

function unknownField(field: string): string {
  const suggestion = suggestOption(field, ['url', ...Object.keys(FIELD_CHECKS)]);
  return `unknown field, left out${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`;
}

/** Labels every Faultline stream carries: few, and each of low cardinality. */
export const BUILT_IN_LABELS = ['service_name', 'environment', 'level', 'source'] as const;

/** Loki's default `max_label_names_per_series`. */
export const MAX_LABELS = 15;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const MAX_NAME_LENGTH = 1024;
const MAX_VALUE_LENGTH = 2048;

/**
 * Keeps the user's static labels that Loki will accept, and says why each other one was left out:
 * invalid names, reserved `__` names, built-in names, empty or over-long values, and any beyond the limit.
 */
export function validateLokiLabels(labels: Record<string, unknown> = {}): {
  labels: Record<string, string>;
  problems: string[];
} {
  const kept: Record<string, string> = {};
  const problems: string[] = [];
  let count = BUILT_IN_LABELS.length;
  for (const [name, value] of Object.entries(labels)) {
    if (!LABEL_NAME.test(name) || name.length > MAX_NAME_LENGTH) {
      problems.push(`label "${name}": names must match [a-zA-Z_][a-zA-Z0-9_]*`);
    } else if (name.startsWith('__')) {
      problems.push(`label "${name}": names starting with "__" are reserved by Loki`);
    } else if ((BUILT_IN_LABELS as readonly string[]).includes(name)) {
      problems.push(`label "${name}": set by Faultline itself (use the service/environment options)`);
    } else if (typeof value !== 'string' || value === '' || value.length > MAX_VALUE_LENGTH) {
      problems.push(`label "${name}": values must be non-empty strings up to ${MAX_VALUE_LENGTH} characters`);
    } else if (count >= MAX_LABELS) {
      problems.push(`label "${name}": Loki allows at most ${MAX_LABELS} labels per stream`);
    } else {
      kept[name] = value;
      count++;
    }
  }
  return { labels: kept, problems };
}

/**
 * A message made by `parameterize` (or `logger.fmt`): the formatted text, which also remembers its
 * template and values, as Sentry's `ParameterizedString`.
 */
export type ParameterizedString = string & {
  __sentry_template_string__?: string;
  __sentry_template_values__?: unknown[];
};

/**
 * A tagged template that keeps the template apart from its values, so that messages with different
 * values are still one message: `captureMessage(parameterize\`User ${id} failed to pay\`)` sends
 * `logentry: { message: 'User %s failed to pay', params: [id] }`, and `logger.info(logger.fmt\`…\`)` sends
 * `sentry.message.template` and `sentry.message.parameter.<n>` attributes.
 */
export function parameterize(strings: TemplateStringsArray, ...values: unknown[]): ParameterizedString {
  const cooked = strings.map((part, i) => part ?? strings.raw[i]!);
  // A String object: it prints as the formatted text wherever a string is expected, and carries the rest.
  const formatted = new String(String.raw({ raw: cooked }, ...values)) as ParameterizedString;
  formatted.__sentry_template_string__ = cooked.map((part) => part.replace(/%/g, '%%')).join('%s');
  formatted.__sentry_template_values__ = values;
  return formatted;
}

/** The template and values of a message made by `parameterize`; undefined for any other value. */
export function templateOf(message: unknown): { template: string; values: unknown[] } | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { __sentry_template_string__: template, __sentry_template_values__: values } = message as {
    __sentry_template_string__?: unknown;
    __sentry_template_values__?: unknown;
  };
  return typeof template === 'string' && Array.isArray(values) ? { template, values } : undefined;
}

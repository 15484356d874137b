import type { Integration } from '../client/types';
import type { Event } from '../types';

export type Pattern = string | RegExp;

/** True when `value` contains a string pattern or matches a RegExp one. */
export function matchesAny(value: string, patterns: Pattern[] | undefined): boolean {
  if (!patterns) return false;
  for (const pattern of patterns) {
    if (typeof pattern === 'string' ? value.includes(pattern) : pattern.test(value)) return true;
  }
  return false;
}

/** Patterns an `eventFiltersIntegration` adds to the client's own options. */
export interface EventFiltersOptions {
  ignoreErrors?: Pattern[];
  denyUrls?: Pattern[];
  allowUrls?: Pattern[];
}

/**
 * Drops events per the client's `ignoreErrors`, `denyUrls` and `allowUrls` options, plus those given here
 * (Sentry's `eventFiltersIntegration({ ignoreErrors: [...] })`).
 */
/* @__NO_SIDE_EFFECTS__ */
export function eventFiltersIntegration(own: EventFiltersOptions = {}): Integration {
  return {
    name: 'EventFilters',
    processEvent(event, _hint, client) {
      const options = client.getOptions();
      const ignoreErrors = join(options.ignoreErrors, own.ignoreErrors);
      const denyUrls = join(options.denyUrls, own.denyUrls);
      const allowUrls = join(options.allowUrls, own.allowUrls);
      if (ignoreErrors?.length && messagesOf(event).some((message) => matchesAny(message, ignoreErrors))) return null;
      const url = topFrameUrl(event);
      if (url === undefined) return event;
      if (denyUrls?.length && matchesAny(url, denyUrls)) return null;
      if (allowUrls?.length && !matchesAny(url, allowUrls)) return null;
      return event;
    },
  };
}

function messagesOf(event: Event): string[] {
  const messages: string[] = [];
  if (event.message) messages.push(event.message);
  for (const { type, value } of event.exception?.values ?? []) {
    messages.push(value, `${type}: ${value}`);
  }
  return messages;
}

/** The file of the frame that threw: the newest frame of the thrown (last) exception. */
function topFrameUrl(event: Event): string | undefined {
  const values = event.exception?.values;
  const frames = values?.[values.length - 1]?.stacktrace?.frames;
  if (!frames) return undefined;
  for (let i = frames.length - 1; i >= 0; i--) {
    const filename = frames[i]!.filename;
    if (filename && filename !== '<anonymous>' && filename !== '[native code]') return filename;
  }
  return undefined;
}

/** Sentry's former name for `eventFiltersIntegration` (it takes the same options and replaces the default). */
/* @__NO_SIDE_EFFECTS__ */
export function inboundFiltersIntegration(options: EventFiltersOptions = {}): Integration {
  return eventFiltersIntegration(options);
}

function join(base: Pattern[] | undefined, own: Pattern[] | undefined): Pattern[] | undefined {
  return own?.length ? [...(base ?? []), ...own] : base;
}

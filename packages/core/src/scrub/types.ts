/** How PII scrubbing behaves; `scrub: false` turns it off. */
export interface ScrubOptions {
  /** More key names to redact (matched case- and separator-insensitively, anywhere in the key). */
  fields?: string[];
  /** More value patterns to redact inside any string (use the `g` flag). */
  patterns?: RegExp[];
  /** Key names whose values are never touched, in addition to the tracing fields. */
  exemptFields?: (string | RegExp)[];
  /** What replaces a secret. Default `[Filtered]`. */
  redaction?: string;
  /**
   * Allow-list mode: in user data (tags, extra, contexts, user, request, breadcrumb data, log attributes),
   * only these keys keep their values; every other value is redacted.
   */
  allowList?: string[];
}

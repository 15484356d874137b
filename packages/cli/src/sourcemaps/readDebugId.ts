const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
// The last `//# debugId=` comment wins (ECMA-426 proposal; Sentry's tools read it the same way).
const COMMENT = new RegExp(`^//# debugId=(${UUID})\\s*$`, 'gm');
// The registry snippet: Sentry's bundler plugins and newer CLIs (and ours) mark it "sentry-dbid-<id>";
// sentry-cli 2 writes only the assignment `_sentryDebugIds[stack]="<id>"`.
const SNIPPET_MARK = new RegExp(`sentry-dbid-(${UUID})|_sentryDebugIds\\[[\\w$]+\\]\\s*=\\s*["'\`](${UUID})`);
const MAP_FIELD = new RegExp(`"debug(?:Id|_id)"\\s*:\\s*"(${UUID})"`);

/** What a built JavaScript file says about its debug ID: from the `//# debugId=` comment and/or the snippet. */
export interface FileDebugId {
  /** The ID, lower-cased; undefined when the file carries none. */
  id?: string;
  hasComment: boolean;
  hasSnippet: boolean;
}

/** Reads the debug ID a built file carries, as `faultline`/`sentry-cli sourcemaps inject` or a Sentry plugin left it. */
export function readDebugId(code: string): FileDebugId {
  let comment: string | undefined;
  for (const match of code.matchAll(COMMENT)) comment = match[1];
  const mark = SNIPPET_MARK.exec(code);
  const snippet = mark?.[1] ?? mark?.[2];
  return {
    id: (comment ?? snippet)?.toLowerCase(),
    hasComment: comment !== undefined,
    hasSnippet: snippet !== undefined,
  };
}

/** The debug ID a source map carries in `debugId` (ECMA-426) or `debug_id` (Sentry's older field). */
export function readMapDebugId(mapText: string): string | undefined {
  return MAP_FIELD.exec(mapText)?.[1]?.toLowerCase();
}

/**
 * The registry snippet: run first in a built file, it records `new Error().stack` (whose newest frame is
 * this file) under the file's debug ID in `globalThis._sentryDebugIds`, where `@faultline/browser` and
 * Sentry's SDKs look for it, and marks the file `sentry-dbid-<id>` for Sentry's upload tooling. One line,
 * so the source map only shifts by a line; it never throws.
 */
export function debugIdSnippet(debugId: string): string {
  return (
    ';!function(){try{var g="undefined"!=typeof globalThis?globalThis:"undefined"!=typeof self?self:window,' +
    `s=new g.Error().stack;s&&((g._sentryDebugIds=g._sentryDebugIds||{})[s]="${debugId}",` +
    `g._sentryDebugIdIdentifier="sentry-dbid-${debugId}")}catch(e){}}();`
  );
}

// A directive prologue after comments: "use strict" must stay first to keep applying, so the snippet's
// line repeats it (a module is strict anyway; a classic script is not).
const DIRECTIVE = /^(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*((["'])use [^"'\n]*\2)/;

/**
 * Adds a debug ID to built code: the snippet on a line of its own at the top (after a `#!` line), and
 * `//# debugId=<id>` as the last line (after `sourceMappingURL`, as the proposal has it), each unless the
 * code has it already. Returns the new code and the index of the line the snippet took, which the
 * source map must skip.
 */
export function addDebugIdToCode(
  code: string,
  debugId: string,
  has: { snippet: boolean; comment: boolean },
): { code: string; snippetLine?: number } {
  let hashbang = '';
  let body = code;
  if (code.startsWith('#!')) {
    const end = code.indexOf('\n') + 1 || code.length;
    hashbang = code.slice(0, end).replace(/\n?$/, '\n');
    body = code.slice(end);
  }
  let out = body;
  let snippetLine: number | undefined;
  if (!has.snippet) {
    const directive = DIRECTIVE.exec(body)?.[1];
    out = `${directive ? `${directive};` : ''}${debugIdSnippet(debugId)}\n${body}`;
    snippetLine = hashbang ? 1 : 0;
  }
  out = hashbang + out;
  if (!has.comment) out += `${out.endsWith('\n') ? '' : '\n'}//# debugId=${debugId}\n`;
  return { code: out, snippetLine };
}

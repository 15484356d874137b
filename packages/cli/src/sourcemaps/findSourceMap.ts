import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where a built file's source map is: a `.map` file, or inline in the file as a base64 `data:` URL. */
export type SourceMapLocation = { kind: 'file'; path: string } | { kind: 'inline'; url: string };

const REFERENCE = /^\/\/[#@] sourceMappingURL=(\S+)\s*$/gm;

/**
 * Finds the source map of the built file `file` (content `code`): the last `sourceMappingURL` comment
 * when it names a local file or a `data:` URL, else `<file>.map` next to it, which is where Vite, Rollup,
 * webpack and esbuild put "hidden" maps (built without the comment, so browsers never fetch them).
 */
export function findSourceMap(file: string, code: string): SourceMapLocation | undefined {
  let reference: string | undefined;
  for (const match of code.matchAll(REFERENCE)) reference = match[1];
  if (reference?.startsWith('data:')) return { kind: 'inline', url: reference };
  if (reference && !/^[a-z][a-z\d+.-]*:/i.test(reference)) {
    const named = path.resolve(path.dirname(file), decodeURIComponent(reference.replace(/[?#].*$/, '')));
    if (existsSync(named)) return { kind: 'file', path: named };
  }
  const beside = `${file}.map`;
  return existsSync(beside) ? { kind: 'file', path: beside } : undefined;
}

import path from 'node:path';

/** Where the app lives, as Sentry's Node SDK sees it: the entry script's folder, else the working directory. */
export function appRoot(): string {
  const entry = process.argv[1];
  return entry ? path.dirname(entry) : process.cwd();
}

/**
 * A frame's `module`, computed as Sentry's Node SDK does: for a file under `node_modules`, the package
 * path with dots and the file name (`express.lib.router:index`); under the app root, the path from it
 * (`routes:users`, or `server` at the root); elsewhere, the file name. `.js`/`.mjs`/`.cjs` are dropped.
 */
export function moduleFromFilename(filename: string, root: string): string {
  const windows = path.sep === '\\';
  const file = windows ? toPosix(filename) : filename;
  const base = windows ? toPosix(root) : root;
  const parsed = path.posix.parse(file);
  const dir = parsed.dir || '.';
  let name = /^\.[cm]?js$/.test(parsed.ext) ? parsed.name : parsed.base;
  try {
    name = decodeURIComponent(name);
  } catch {
    // not URI-encoded after all: keep it as it is
  }
  const packages = dir.lastIndexOf('/node_modules');
  if (packages >= 0) return `${dir.slice(packages + '/node_modules/'.length).replace(/\//g, '.')}:${name}`;
  if (dir.startsWith(base)) {
    const inner = dir.slice(base.length + 1).replace(/\//g, '.');
    return inner ? `${inner}:${name}` : name;
  }
  return name;
}

function toPosix(file: string): string {
  return file.replace(/^[A-Z]:/, '').replace(/\\/g, '/');
}

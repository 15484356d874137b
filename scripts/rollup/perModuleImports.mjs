// Rewrites a package's ESM output so that what it takes from a workspace package's barrel
// (`import { a, b } from '@faultline/core'`) comes from the files that define it
// (`import { a } from '@faultline/core/esm/api/a.js'`). esbuild's code splitting puts every file an entry
// reaches by any import — a barrel's re-exports included, used or not — in the chunks that entry loads
// first; importing through the barrel would put all of core on the browser's critical path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import MagicString from 'magic-string';

/** Name → file (relative to build/esm) from a barrel made of `export { a, b as c } from './file.js'` lines. */
function readBarrel(file) {
  const names = new Map();
  for (const [, list, from] of readFileSync(file, 'utf8').matchAll(/export \{([^}]*)\} from '(\.\/[^']+)';/g)) {
    for (const part of list.split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.set(name, from.slice(2));
    }
  }
  return names;
}

/** Groups `a, b as c` by the file each imported name is defined in; throws for a name the barrel lacks. */
function byFile(list, names, pkg) {
  const files = new Map();
  for (const part of list
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const name = part.split(/\s+as\s+/)[0];
    const file = names.get(name);
    if (!file) throw new Error(`perModuleImports: ${pkg} does not export ${name} from a file of its own`);
    files.set(file, [...(files.get(file) ?? []), part]);
  }
  return files;
}

/**
 * @param {Record<string, string>} barrels package name → its built barrel (build/esm/index.js), read when
 *   the output is written (so after that package was built, earlier in the same rollup run)
 * @param {string} subpath the `exports` subpath that maps onto build/esm (`esm`: `<pkg>/esm/<file>`)
 */
export function perModuleImports(barrels, subpath = 'esm') {
  const read = new Map();
  return {
    name: 'per-module-imports',
    renderStart() {
      read.clear();
    },
    renderChunk(code, chunk, options) {
      if (options.format !== 'es') return null;
      const edited = new MagicString(code);
      for (const [pkg, barrel] of Object.entries(barrels)) {
        if (!read.has(barrel)) read.set(barrel, readBarrel(barrel));
        const names = read.get(barrel);
        const quoted = pkg.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');
        const pattern = new RegExp(`^(import|export) \\{([^}]*)\\} from '${quoted}';$`, 'gm');
        for (const match of code.matchAll(pattern)) {
          const [whole, keyword, list] = match;
          const lines = [...byFile(list, names, pkg)].map(
            ([file, parts]) => `${keyword} { ${parts.join(', ')} } from '${pkg}/${subpath}/${file}';`,
          );
          edited.overwrite(match.index, match.index + whole.length, lines.join('\n'));
        }
      }
      if (!edited.hasChanged()) return null;
      return { code: edited.toString(), map: options.sourcemap ? edited.generateMap({ hires: true }) : null };
    },
  };
}

/** The built barrel of a workspace package, by its directory. */
export const builtBarrel = (dir) => path.join(dir, 'build/esm/index.js');

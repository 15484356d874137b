// Prints the runtime exports of an installed package as JSON: for each name its kind (function, class,
// object, array, string, number, boolean, undefined), a function's arity, and an object's members.
// Run in its own process (`node listExports.mjs @sentry/node`), so that each package is loaded the way
// Node loads it for an ESM app, untouched by the test runner's transforms.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** CommonJS interop artefacts, not exports anyone calls. */
const NOT_EXPORTS = new Set(['default', '__proto__', 'module.exports']);

export function describeValue(value, depth = 0) {
  if (typeof value === 'function') {
    const source = Function.prototype.toString.call(value);
    return /^class\b/.test(source) ? { kind: 'class' } : { kind: 'function', arity: value.length };
  }
  if (Array.isArray(value)) return { kind: 'array', length: value.length };
  if (value === null) return { kind: 'null' };
  if (typeof value === 'object') {
    if (depth > 0) return { kind: 'object' };
    const members = {};
    for (const key of Object.keys(value)) members[key] = describeValue(value[key], depth + 1);
    return { kind: 'object', members };
  }
  return { kind: typeof value };
}

const [specifier, from = process.cwd()] = process.argv.slice(2);
const resolved = import.meta.resolve
  ? import.meta.resolve(specifier, pathToFileURL(`${from}/`).href)
  : pathToFileURL(createRequire(`${from}/`).resolve(specifier)).href;
const namespace = await import(resolved);
const shapes = {};
for (const name of Object.keys(namespace).sort()) {
  if (!NOT_EXPORTS.has(name)) shapes[name] = describeValue(namespace[name]);
}
const version = (() => {
  try {
    return createRequire(`${from}/`)(`${specifier}/package.json`).version;
  } catch {
    return undefined;
  }
})();
process.stdout.write(JSON.stringify({ specifier, version, shapes }));

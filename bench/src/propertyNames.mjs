// Property names, for the property-mangling measurement (suites/propertyMangleSize.mjs): the names a built
// file uses in property position, and the names that cross the package boundary and so may never be renamed,
// each with the reason why. Read with TypeScript's own parser (JavaScript, TypeScript and .d.ts alike).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = new URL('../../', import.meta.url).pathname;
const at = (...parts) => path.join(ROOT, ...parts);
const WORD = /[A-Za-z_$][\w$]*/g;

/** Every file under `dir` whose name ends with `suffix`. */
function filesUnder(dir, suffix) {
  return readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith(suffix))
    .map((file) => path.join(dir, file));
}

/** Every identifier of a file and every word of its strings: a .d.ts names nothing it does not declare. */
function everyWord(file) {
  const words = new Set();
  const visit = (node) => {
    if (ts.isIdentifier(node)) words.add(node.text);
    if (STRING_KINDS.has(node.kind)) for (const word of node.text.match(WORD) ?? []) words.add(word);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false));
  return words;
}

const PROPERTY_POSITION = new Set([
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.ShorthandPropertyAssignment,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.MethodSignature,
]);
const STRING_KINDS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);

/**
 * What a piece of code uses: `properties`, each name written in property position (`a.name`, `{ name: … }`,
 * `{ name }`, a method or a destructured `{ name }`) with how many times; `strings`, every word of every string
 * and template (a name also read as `'name' in x` or `x['name']` is not renamable).
 */
export function namesInCode(code, fileName = 'bundle.js') {
  const properties = new Map();
  const strings = new Set();
  const add = (name) =>
    name && ts.isIdentifier(name) && properties.set(name.text, (properties.get(name.text) ?? 0) + 1);
  const visit = (node) => {
    if (ts.isPropertyAccessExpression(node)) add(node.name);
    else if (PROPERTY_POSITION.has(node.kind)) add(node.name);
    else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) add(node.propertyName ?? node.name);
    if (STRING_KINDS.has(node.kind)) for (const word of node.text.match(WORD) ?? []) strings.add(word);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true));
  return { properties, strings };
}

/**
 * The names that cross the package boundary, by reason, first reason first (a name in two groups is
 * counted in the first): what Sentry's types and Loki's push API put on the wire; what @faultline/* exports
 * in its public types (options, methods, the carrier shared by two copies on one page); the Web, JavaScript
 * and Node APIs (TypeScript's lib files, @types/node); the bundled dependencies' types; what is written to
 * storage and read by a later page, perhaps of another build (localStorage records, the IndexedDB journal);
 * the names read in the code to cross at run time (RUN_TIME); snake_case keys and HTTP header names; and
 * names of two characters at most, which mangling cannot shorten.
 */
export function reservedNames() {
  const groups = [
    {
      reason: 'wire field (Sentry types, Loki push)',
      names: union(filesUnder(at('node_modules/@sentry/core/build/types/types'), '.d.ts').map(everyWord), [
        'streams',
        'stream',
        'values',
      ]),
    },
    {
      reason: 'public @faultline API or type',
      names: union(
        ['core', 'browser', 'node', 'react', 'cli']
          .flatMap((pkg) => filesUnder(at(`packages/${pkg}/build/esm`), '.d.ts'))
          .map(everyWord),
      ),
    },
    {
      reason: 'Web / JavaScript / Node API',
      names: union(
        [
          ...filesUnder(at('node_modules/typescript/lib'), '.d.ts').filter((f) => path.basename(f).startsWith('lib.')),
          ...filesUnder(at('node_modules/@types/node'), '.d.ts'),
        ].map(everyWord),
      ),
    },
    {
      reason: 'bundled dependency (idb-keyval, web-vitals)',
      names: union(
        [
          ...filesUnder(at('node_modules/idb-keyval/dist'), '.d.ts'),
          ...filesUnder(at('node_modules/web-vitals/dist/modules'), '.d.ts'),
        ].map(everyWord),
      ),
    },
    {
      reason: 'persisted, or in a source that touches storage (localStorage, IndexedDB)',
      names: union(
        persistedSources().map((file) => new Set(namesInCode(readFileSync(file, 'utf8'), file).properties.keys())),
      ),
    },
    { reason: 'crosses at run time (read in the code, below)', names: new Set(Object.keys(RUN_TIME)) },
    { reason: "wire key by this code's convention (snake_case, an HTTP header)", names: WIRE_SHAPED },
    { reason: 'nothing to gain (two characters at most)', names: SHORT },
  ];
  return groups;
}

/** Names of a shape rather than of a list (a `has` that tests the name). */
const WIRE_SHAPED = {
  has: (name) => /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(name) || /^[A-Z][a-z]+(-[A-Z][a-z]+)*$/.test(name),
};
const SHORT = { has: (name) => name.length <= 2 };

/**
 * Names no type declares public that still cross a boundary at run time, found by reading the code where
 * each candidate is used (every candidate the rules above left was read; these are the ones that cross).
 */
const RUN_TIME = {
  __faultline:
    'kept on XMLHttpRequest instances by one page-wide patch (xhr breadcrumbs) and read by another (trace headers): two copies of the SDK on a page install one each',
  _sentryDebugIds: 'a global the bundler plugins write',
  _debugIds: 'a global the bundler plugins write',
  _attributes: 'a span field read outside its class (spanToJSON); spans are shared between copies through the carrier',
  _base: 'a span field read outside its class; spans are shared through the carrier',
  _children: 'a span field read outside its class; spans are shared through the carrier',
  _end: 'a span field read outside its class; spans are shared through the carrier',
  _parent: 'a span field read outside its class; spans are shared through the carrier',
  _start: 'a span field read outside its class; spans are shared through the carrier',
  _status: 'a span field read outside its class; spans are shared through the carrier',
  trimmed: 'sent in the event (`contexts.faultline.trimmed`)',
  verbose: "a key of consola's level table, looked up by the level name a user's logger passes",
};

/**
 * Sources whose property names are written to storage and read back by a later page (perhaps another build):
 * those listed (the stored records' types are in files that never touch storage themselves) and every source
 * of core and browser that names a storage API.
 */
const PERSISTED = [
  'packages/browser/src/entry/storedRecord.ts',
  'packages/browser/src/entry/types.ts',
  'packages/browser/src/entry/createCaptureBuffer.ts',
  'packages/browser/src/entry/keepEarlyRecords.ts',
  'packages/browser/src/entry/toStoredRecord.ts',
  'packages/browser/src/pipeline/claimRecordIds.ts',
  'packages/browser/src/pipeline/fromStoredRecord.ts',
  'packages/browser/src/transports/createIndexedDbJournal.ts',
  'packages/browser/src/transports/createTombstones.ts',
  'packages/browser/src/transports/createIdbHealing.ts',
  'packages/browser/src/transports/idbTransaction.ts',
];

function persistedSources() {
  const listed = PERSISTED.map((file) => at(file));
  for (const file of listed.filter((f) => !existsSync(f)))
    console.warn(`propertyNames: ${file} is gone; update PERSISTED`);
  const touching = ['packages/core/src', 'packages/browser/src']
    .flatMap((dir) => filesUnder(at(dir), '.ts'))
    .filter(
      (file) =>
        !file.endsWith('.test.ts') &&
        /localStorage|sessionStorage|indexedDB|idb-keyval/.test(readFileSync(file, 'utf8')),
    );
  return [...new Set([...listed.filter(existsSync), ...touching])];
}

function union(sets, extra = []) {
  const all = new Set(extra);
  for (const set of sets) for (const name of set) all.add(name);
  return all;
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from '@grafana/schema';
import ts from 'typescript';

/** Values typed as string enums in @grafana/schema: a JSON string must name one of their members. */
const ENUMS: Record<string, [name: string, values: Record<string, string | number>]> = {
  'thresholds.mode': ['ThresholdsMode', schema.ThresholdsMode],
  'color.mode': ['FieldColorModeId', schema.FieldColorModeId],
  'mappings.type': ['MappingType', schema.MappingType],
};

/** The dashboard as a TypeScript expression: JSON, except that enum values are written as their members. */
function toSource(value: unknown, parent = '', key = ''): string {
  const enumType = ENUMS[`${parent}.${key}`];
  if (enumType && typeof value === 'string') {
    const [name, values] = enumType;
    const member = Object.keys(values).find((k) => values[k] === value);
    return member ? `${name}.${member}` : `(${JSON.stringify(value)} as never as 'not a ${name}')`;
  }
  if (Array.isArray(value)) return `[${value.map((item) => toSource(item, parent, key)).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${toSource(v, key, k)}`);
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Type-checks `dashboard` against @grafana/schema's `Dashboard` (the JSON model Grafana imports) with the
 * TypeScript compiler: the JSON is written as an object literal typed `Dashboard`, so excess or misspelt
 * properties, wrong value types and unknown literal values are errors. Returns the diagnostics, as text.
 */
export function checkDashboardType(dashboard: unknown): string[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = path.join(here, '__dashboard_check__.ts');
  const source = [
    `import { ${Object.values(ENUMS)
      .map(([name]) => name)
      .join(', ')}, type Dashboard } from '@grafana/schema';`,
    `export const dashboard: Dashboard = ${toSource(dashboard)};`,
  ].join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file?.fileName === file ? 'dashboard' : d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

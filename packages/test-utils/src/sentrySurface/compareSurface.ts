import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ExportShape {
  kind: string;
  arity?: number;
  length?: number;
  members?: Record<string, ExportShape>;
}

export interface PackageSurface {
  specifier: string;
  version?: string;
  shapes: Record<string, ExportShape>;
}

export type Status = 'present' | 'inert' | 'absent';

export interface SurfaceRow {
  name: string;
  sentry: ExportShape;
  status: Status;
  /** Why an export is absent, or a shape that differs (then it counts as absent). */
  note?: string;
}

/** The repository root (jsdom tests see a non-file `import.meta.url`; the runner's cwd is the root then). */
export const repoRoot = (): string =>
  import.meta.url.startsWith('file:')
    ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')
    : process.cwd();

/**
 * The runtime exports of an installed package (`@sentry/node`) or a built workspace one
 * (`@faultline/node`, from its build/), listed by `listExports.mjs` in a child Node process.
 */
export function listExports(specifier: string): PackageSurface {
  const script = path.join(repoRoot(), 'packages/test-utils/src/sentrySurface/listExports.mjs');
  const out = execFileSync(process.execPath, [script, specifier, repoRoot()], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  return JSON.parse(out) as PackageSurface;
}

/** Why `ours` cannot be used where Sentry's export is (different kind, more required arguments, a missing member). */
export function shapeMismatch(sentry: ExportShape, ours: ExportShape): string | undefined {
  if (sentry.kind !== ours.kind) return `a ${ours.kind} where Sentry has a ${sentry.kind}`;
  if (sentry.kind === 'function' && (ours.arity ?? 0) > (sentry.arity ?? 0)) {
    return `takes ${ours.arity} arguments where Sentry's takes ${sentry.arity}`;
  }
  if (sentry.kind === 'object') {
    for (const [key, member] of Object.entries(sentry.members ?? {})) {
      const own = ours.members?.[key];
      if (!own) return `has no \`${key}\``;
      if (member.kind === 'function' && own.kind !== 'function') return `\`${key}\` is not a function`;
    }
  }
  return undefined;
}

/**
 * Every runtime export of the Sentry package, with its status in Faultline's counterpart: present (same
 * kind and call shape), inert (present, but a documented no-op: `inert` names them), or absent (missing,
 * or a different shape).
 */
export function compareSurface(sentry: PackageSurface, ours: PackageSurface, inert: ReadonlySet<string>): SurfaceRow[] {
  return Object.entries(sentry.shapes).map(([name, shape]) => {
    const own = ours.shapes[name];
    if (!own) return { name, sentry: shape, status: 'absent' as const };
    const mismatch = shapeMismatch(shape, own);
    if (mismatch) return { name, sentry: shape, status: 'absent' as const, note: mismatch };
    return { name, sentry: shape, status: inert.has(name) ? ('inert' as const) : ('present' as const) };
  });
}

/** Counts per status. */
export function countStatuses(rows: SurfaceRow[]): Record<Status, number> {
  const counts: Record<Status, number> = { present: 0, inert: 0, absent: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

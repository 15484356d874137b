import { countStatuses, type PackageSurface, type SurfaceRow } from './compareSurface';
import { ABSENT, inertExports, type SurfacePackage } from './surfaceData';

/** The package's row of the README's surface table. */
export function surfaceTableRow(pkg: SurfacePackage, sentry: PackageSurface, rows: SurfaceRow[]): string {
  const { present, inert, absent } = countStatuses(rows);
  const share = (((present + inert) / rows.length) * 100).toFixed(1);
  return `| \`@faultline/${pkg}\` | \`${sentry.specifier}\` ${sentry.version} | ${rows.length} | ${present} | ${inert} | ${absent} | ${share}% |`;
}

/** The package's README lines: what is inert (by feature) and what is absent (with the reason). */
export function surfaceNotes(pkg: SurfacePackage, rows: SurfaceRow[]): string[] {
  const features = inertExports(pkg);
  const byFeature = new Map<string, string[]>();
  for (const row of rows) {
    if (row.status !== 'inert') continue;
    const feature = features.get(row.name)!;
    byFeature.set(feature, [...(byFeature.get(feature) ?? []), row.name]);
  }
  const inert = [...byFeature].map(([feature, names]) => `${feature}: ${names.map((n) => `\`${n}\``).join(', ')}`);
  const absent = rows
    .filter((row) => row.status === 'absent')
    .map((row) => `\`${row.name}\` — ${ABSENT[pkg][row.name] ?? row.note ?? 'no reason given'}`);
  return [
    `- **\`@faultline/${pkg}\` inert** (accepted, do nothing; \`debug: true\` says so once) — ${inert.join('; ')}.`,
    `- **\`@faultline/${pkg}\` absent** — ${absent.join('; ') || 'none'}.`,
  ];
}

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { flush, getCarrier, type Integration } from '@faultline/core';
import { describe, expect, it, vi } from 'vitest';
import { initForTest } from '../initForTest';
import { compareSurface, countStatuses, listExports, repoRoot } from './compareSurface';
import { surfaceNotes, surfaceTableRow } from './renderSurface';
import { ABSENT, inertExports, type SurfacePackage } from './surfaceData';

const README = (): string => path.join(repoRoot(), 'README.md');

/**
 * The export-surface tests of one package against Sentry's: the list comes from the installed
 * `@sentry/<pkg>` (so a new Sentry release shows what it added) and from Faultline's build (run
 * `npm run build` first); `ours` is the package as the tests import it, to check that inert exports do
 * nothing. `FAULTLINE_WRITE_SURFACE=1` rewrites the README lines instead of comparing them.
 */
export function describeSentrySurface(pkg: SurfacePackage, ours: Record<string, unknown>): void {
  describe(`@faultline/${pkg} next to @sentry/${pkg}`, () => {
    const sentry = listExports(`@sentry/${pkg}`);
    const rows = compareSurface(sentry, listExports(`@faultline/${pkg}`), new Set(inertExports(pkg).keys()));
    const counts = countStatuses(rows);

    it('has ≥ 95% of its runtime exports by name, each with the same kind and call shape', () => {
      // eslint-disable-next-line no-console -- the counts are this test's report
      console.log(
        `@faultline/${pkg} vs ${sentry.specifier} ${sentry.version}: ${rows.length} exports — present ${counts.present}, inert ${counts.inert}, absent ${counts.absent}`,
      );
      expect((counts.present + counts.inert) / rows.length).toBeGreaterThanOrEqual(0.95);
    });

    it('leaves out only the exports whose reason the README gives', () => {
      const absent = rows
        .filter((row) => row.status === 'absent')
        .map((row) => `${row.name}${row.note ? ` (${row.note})` : ''}`);
      expect(absent.sort()).toEqual(Object.keys(ABSENT[pkg]).sort());
    });

    it('lists no inert export that Sentry does not have (a stale entry)', () => {
      expect([...inertExports(pkg).keys()].filter((name) => !(name in sentry.shapes))).toEqual([]);
    });

    it('matches the table and the lists of the root README', () => {
      const lines = [surfaceTableRow(pkg, sentry, rows), ...surfaceNotes(pkg, rows)];
      let text = readFileSync(README(), 'utf8');
      // Prettier pads table cells: lines are compared with their spacing collapsed.
      const squash = (line: string): string =>
        line
          .replace(/\s*\|\s*/g, '|')
          .replace(/\s+/g, ' ')
          .trim();
      if (process.env.FAULTLINE_WRITE_SURFACE) {
        // Each line is found by how it starts: the package's table row, its inert list, its absent list.
        for (const line of lines) {
          const start = line.startsWith('|') ? `| \`@faultline/${pkg}\` |` : line.slice(0, line.indexOf('**', 4) + 2);
          text = text
            .split('\n')
            .map((l) => (squash(l).startsWith(squash(start)) ? line : l))
            .join('\n');
        }
        writeFileSync(README(), text);
      }
      const readme = new Set(text.split('\n').map(squash));
      for (const line of lines) expect(readme.has(squash(line)), line).toBe(true);
    });

    it('has inert exports that run without throwing, send nothing, and (integrations) say once with debug that they are inert', async () => {
      const { record } = initForTest({ debug: true });
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      getCarrier().inertNoted?.clear();
      const sentinel = (): string => 'ran';
      try {
        for (const name of inertExports(pkg).keys()) {
          const value = ours[name];
          expect(value, name).toBeDefined();
          if (typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value))) {
            expect(() => new (value as new (props: object) => unknown)({})).not.toThrow();
          } else if (typeof value === 'function' && name.endsWith('Integration')) {
            const integration = (value as () => Integration)();
            expect(typeof integration.name, name).toBe('string');
            expect(integration.processEvent, name).toBeUndefined();
            integration.setup?.(getCarrier().client!);
            expect(
              log.mock.calls.some((call) => String(call[1]).includes(`${integration.name} (`)),
              name,
            ).toBe(true);
          } else if (typeof value === 'function') {
            const result: unknown = (value as (arg: unknown) => unknown)(sentinel);
            if (typeof result === 'function')
              expect(result === sentinel || name === 'generateInstrumentOnce', name).toBe(true);
          } else if (typeof value === 'object' && value !== null) {
            for (const member of Object.values(value)) if (typeof member === 'function') (member as () => void)();
          }
        }
        await flush(1000);
        expect(record.envelopes().filter((envelope) => envelope[1].some(([h]) => h.type !== 'client_report'))).toEqual(
          [],
        );
      } finally {
        log.mockRestore();
      }
    });
  });
}

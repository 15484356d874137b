import { readFile } from 'node:fs/promises';

/**
 * When a process started: field 22 of `/proc/<pid>/stat` (clock ticks since boot), which a reused pid does
 * not share. `null` when there is no such process, `undefined` when it cannot be told (no /proc, not Linux,
 * /proc mounted with hidepid).
 */
export async function readProcessStart(pid: number | 'self'): Promise<string | null | undefined> {
  if (process.platform !== 'linux') return undefined;
  try {
    return parseProcessStart(await readFile(`/proc/${pid}/stat`, 'latin1'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' && pid !== 'self' ? null : undefined;
  }
}

/** Field 22 of a `/proc/<pid>/stat` line. The command (field 2) may hold spaces and parentheses: fields are counted after its last `)`. */
export function parseProcessStart(stat: string): string | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = fields[22 - 3];
  return start && /^\d+$/.test(start) ? start : undefined;
}

import { accessSync, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the journal lives by default: the user's state folder — `$XDG_STATE_HOME/faultline` or
 * `~/.local/state/faultline` on Linux, `~/Library/Application Support/faultline` on macOS,
 * `%LOCALAPPDATA%\faultline` on Windows. When the home folder cannot be used (none, not writable, a
 * read-only container), `<tmpdir>/faultline-<uid>`: a folder of this user's own, created 0700 and
 * checked — never the shared temp folder as it is.
 */
export function defaultStateDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = homeOrUndefined();
  const under = (...parts: string[]) => (home ? path.join(home, ...parts) : undefined);
  // XDG and Windows variables are honoured only when absolute, as the XDG spec asks.
  const fromEnv = (name: string) => {
    const value = env[name];
    return value && path.isAbsolute(value) ? value : undefined;
  };
  const variable =
    platform === 'win32' ? fromEnv('LOCALAPPDATA') : platform === 'darwin' ? undefined : fromEnv('XDG_STATE_HOME');
  const base =
    variable ??
    (platform === 'win32'
      ? under('AppData', 'Local')
      : platform === 'darwin'
        ? under('Library', 'Application Support')
        : under('.local', 'state'));
  const folder = base && path.join(base, 'faultline');
  if (folder && canCreate(folder, variable ? undefined : home)) return folder;
  return path.join(os.tmpdir(), `faultline-${userTag()}`);
}

function homeOrUndefined(): string | undefined {
  try {
    const home = os.homedir();
    return home && path.isAbsolute(home) && path.parse(home).root !== home ? home : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when the folder exists and is writable, or its nearest existing ancestor is (so it can be made) —
 * an ancestor inside `within` (the home folder), so a missing home never sends us to a writable `/`.
 */
function canCreate(folder: string, within: string | undefined): boolean {
  for (let current = folder; ; current = path.dirname(current)) {
    try {
      accessSync(current, constants.W_OK | constants.X_OK);
      return !within || current === within || current.startsWith(within + path.sep);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || current === within || path.dirname(current) === current) return false;
    }
  }
}

function userTag(): string {
  const uid = process.getuid?.();
  if (uid !== undefined) return String(uid);
  try {
    return os.userInfo().username.replace(/[^\w.-]/g, '_') || 'user';
  } catch {
    return 'user';
  }
}

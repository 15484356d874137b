import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Creates `dir` (and its parents, 0700) and checks this user may write in it. Returns why it cannot be
 * used, naming the folder at fault and the permission or file in the way, or undefined when it can.
 */
export function prepareFolder(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    return whyNot(dir, error as NodeJS.ErrnoException);
  }
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
    return undefined;
  } catch {
    return `cannot store anything in ${dir}: this user (uid ${process.getuid?.() ?? '?'}) has no write permission on it`;
  }
}

function whyNot(dir: string, error: NodeJS.ErrnoException): string {
  const at = error.path ?? dir;
  const parent = path.dirname(at);
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return `cannot create the folder ${dir}: permission denied, this user (uid ${process.getuid?.() ?? '?'}) may not create ${path.basename(at)} in ${parent} (${error.code})`;
    case 'EROFS':
      return `cannot create the folder ${dir}: ${parent} is on a read-only file system (EROFS)`;
    case 'ENOTDIR':
      return `cannot create the folder ${dir}: part of that path is a file, not a folder (ENOTDIR)`;
    case 'EEXIST':
      return `cannot use ${dir} as the folder: a file of that name is in the way (EEXIST)`;
    case 'ENOSPC':
      return `cannot create the folder ${dir}: no space left on the device (ENOSPC)`;
    default:
      return `cannot create the folder ${dir}: ${error.message}`;
  }
}

import { statSync } from 'node:fs';

/** Whether `dir` is an existing folder (a command's folder argument is checked before anything starts). */
export function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The complete lines among the last `maxBytes` bytes of a file (none when it does not exist): what a
 * restart reads back of an append-only NDJSON file, in time and memory that do not grow with the file.
 */
export function readTailLines(file: string, maxBytes: number): string[] {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return [];
  }
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - maxBytes);
    const buffer = Buffer.alloc(size - start);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, start + read);
      if (n === 0) break;
      read += n;
    }
    const lines = buffer.subarray(0, read).toString('utf8').split('\n');
    if (start > 0) lines.shift(); // began mid-line
    return lines.filter((line) => line.trim() !== '');
  } finally {
    closeSync(fd);
  }
}

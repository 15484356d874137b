import type { Integration } from '../client/types';
import type { StackFrame } from '../types';

export interface RewriteFramesOptions {
  /** The folder frames are made relative to (default: none, so only the file's base name is kept). */
  root?: string;
  /** What replaces the root (default `app:///`). */
  prefix?: string;
  /** Your own rewrite of each frame, instead of the default one. */
  iteratee?: (frame: StackFrame) => StackFrame;
}

/**
 * Sentry's RewriteFrames: rewrites every frame's `filename` so that source maps uploaded for
 * `app:///…` match wherever the code runs. On a server, absolute paths become `app:///<path from root>`
 * (or `app:///<base name>` without a root); in a browser, URLs that start with `root` get `prefix` instead.
 */
/* @__NO_SIDE_EFFECTS__ */
export function rewriteFramesIntegration(options: RewriteFramesOptions = {}): Integration {
  const prefix = options.prefix ?? 'app:///';
  const { root } = options;
  const inBrowser = 'window' in globalThis && 'document' in globalThis;
  const rewrite =
    options.iteratee ??
    ((frame: StackFrame): StackFrame => {
      const filename = frame.filename;
      if (!filename) return frame;
      if (inBrowser) {
        if (root && filename.startsWith(root)) frame.filename = prefix + filename.slice(root.length);
        return frame;
      }
      const windows = /^[a-zA-Z]:\\/.test(filename) || (filename.includes('\\') && !filename.includes('/'));
      if (!windows && !filename.startsWith('/')) return frame;
      const path = windows ? filename.replace(/^[a-zA-Z]:/, '').replace(/\\/g, '/') : filename;
      frame.filename = prefix + (root ? relative(root, path) : path.slice(path.lastIndexOf('/') + 1));
      return frame;
    });
  return {
    name: 'RewriteFrames',
    processEvent(event) {
      for (const exception of event.exception?.values ?? []) {
        const frames = exception.stacktrace?.frames;
        if (frames) exception.stacktrace = { ...exception.stacktrace, frames: frames.map((frame) => rewrite(frame)) };
      }
      return event;
    },
  };
}

/** `to` relative to the folder `from` (POSIX paths), as Node's `path.posix.relative`. */
function relative(from: string, to: string): string {
  const a = from
    .replace(/\\/g, '/')
    .replace(/^[a-zA-Z]:/, '')
    .split('/')
    .filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...Array<string>(a.length - common).fill('..'), ...b.slice(common)].join('/');
}

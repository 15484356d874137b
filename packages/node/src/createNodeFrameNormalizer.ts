import type { StackFrame } from '@faultline/core';
import { fileURLToPath } from 'node:url';
import { appRoot, moduleFromFilename } from './moduleFromFilename';

const MAX_CACHED = 1000;

/**
 * Refines each parsed frame as Sentry's Node stack parser does: an ESM `file:///…` URL becomes the path,
 * `module` is computed from the app root or the package (see `moduleFromFilename`), `in_app` is true for
 * paths outside `node_modules` (not for `node:` internals), and an anonymous method is `Type.?`. The app
 * root is read once, here.
 */
export function createNodeFrameNormalizer(root: string = appRoot()): (frame: StackFrame) => void {
  // One module name per file, bounded: a stack repeats the same few files.
  const modules = new Map<string, string>();
  const moduleOf = (file: string): string => {
    let name = modules.get(file);
    if (name === undefined) {
      name = moduleFromFilename(file, root);
      if (modules.size < MAX_CACHED) modules.set(file, name);
    }
    return name;
  };
  return (frame) => {
    // V8 names a function without a name of its own after its receiver: `Server.<anonymous>` is `Server.?`.
    if (frame.function?.endsWith('<anonymous>')) frame.function = frame.function.replace(/<anonymous>$/, '?');
    let file = frame.filename;
    if (!file) return;
    if (file.startsWith('file://')) {
      file = urlToPath(file);
      frame.filename = file;
    }
    frame.in_app = isInApp(file);
    frame.module = moduleOf(file);
  };
}

/** Sentry's rule: a path (absolute, relative or with a scheme, as bundlers write) outside `node_modules`. */
function isInApp(file: string): boolean {
  const isPath =
    file.startsWith('/') || file.startsWith('.') || /^[A-Za-z]:/.test(file) || /^[a-z][\w.+-]*:\/\//i.test(file);
  return isPath && !/node_modules[\\/]/.test(file);
}

function urlToPath(url: string): string {
  try {
    return fileURLToPath(url);
  } catch {
    return url.slice('file://'.length);
  }
}

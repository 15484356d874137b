import { forEachFrame, parseStackFrames, type DebugImage, type Integration } from '@faultline/core';

/** What build tooling leaves on the global object: a stack taken inside each bundled file → its debug ID. */
type DebugIdRegistry = Record<string, string>;
interface RegistryCarrier {
  /** Written by `faultline sourcemaps inject`, `sentry-cli sourcemaps inject` and Sentry's bundler plugins. */
  _sentryDebugIds?: DebugIdRegistry;
  /** The same, from tools that follow the TC39 debug ID proposal without Sentry's name. */
  _debugIds?: DebugIdRegistry;
}

/**
 * Adds `debug_meta.images` (`{ type: 'sourcemap', code_file, debug_id }`) for the bundled files an error's
 * frames point into, as `@sentry/browser` does, so Sentry, GlitchTip or `faultline dev` pick the source map
 * uploaded for that exact build. The IDs come from the registry that injected build files fill as they
 * load: each file records `new Error().stack` under its ID, and the stack's newest frame names the file.
 * Nothing happens when no file was injected.
 */
/* @__NO_SIDE_EFFECTS__ */
export function debugIdsIntegration(): Integration {
  // The registry only grows, and a stack is parsed once: it names one file for good.
  const fileOfStack = new Map<string, string | undefined>();
  return {
    name: 'DebugIds',
    processEvent(event) {
      const carrier = globalThis as RegistryCarrier;
      const idOfFile: Record<string, string> = Object.create(null);
      for (const registry of [carrier._sentryDebugIds, carrier._debugIds]) {
        for (const stack in registry) {
          if (!fileOfStack.has(stack)) fileOfStack.set(stack, parseStackFrames(stack).pop()?.filename);
          const file = fileOfStack.get(stack);
          if (file) idOfFile[file] = registry[stack]!;
        }
      }
      const images: DebugImage[] = [];
      forEachFrame(event, ({ filename, abs_path }) => {
        const debugId = idOfFile[filename!];
        if (debugId) {
          delete idOfFile[filename!]; // one image per file
          images.push({ type: 'sourcemap', code_file: abs_path ?? filename!, debug_id: debugId });
        }
      });
      if (images.length) {
        const meta = (event.debug_meta ??= {});
        meta.images = [...(meta.images ?? []), ...images];
      }
      return event;
    },
  };
}

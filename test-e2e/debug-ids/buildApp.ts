import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sentryVitePlugin } from '@sentry/vite-plugin';
import react from '@vitejs/plugin-react';
import { build, type PluginOption } from 'vite';

export const APP_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'app');

/**
 * A production build of the React app in app/ with Vite and @vitejs/plugin-react, with hidden source
 * maps (`.map` files, no `sourceMappingURL` comment), into a new temp folder. With `sentryPlugin`,
 * Sentry's own Vite plugin injects the debug IDs, uploading turned off (no auth token, no network).
 */
export async function buildApp(options: { sentryPlugin?: boolean } = {}): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), options.sentryPlugin ? 'faultline-vite-sentry-' : 'faultline-vite-'));
  const plugins: PluginOption[] = [react()];
  if (options.sentryPlugin) {
    plugins.push(
      sentryVitePlugin({
        telemetry: false,
        silent: true,
        sourcemaps: { disable: 'disable-upload' },
        release: { create: false, finalize: false, inject: false },
      }),
    );
  }
  await build({
    root: APP_DIR,
    configFile: false,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, sourcemap: 'hidden' },
    plugins,
  });
  return outDir;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Integration } from '@faultline/core';

/**
 * Sentry's Modules: `event.modules` lists the app's dependencies with their declared versions, read once
 * (at the first event) from the `package.json` in the working directory.
 */
export function modulesIntegration(): Integration {
  let modules: Record<string, string> | undefined;
  return {
    name: 'Modules',
    processEvent(event) {
      modules ??= readModules();
      return Object.keys(modules).length > 0 ? { ...event, modules } : event;
    },
  };
}

function readModules(): Record<string, string> {
  try {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    return { ...manifest.devDependencies, ...manifest.dependencies };
  } catch {
    return {};
  }
}

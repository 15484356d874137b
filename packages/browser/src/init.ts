import {
  applyCaptureContext,
  debugLogger,
  getCarrier,
  setupIntegrations,
  startNewTrace,
  type Client,
} from '@faultline/core';
import type { BrowserOptions } from './browserOptions';
import { createEntryClient } from './entry/createEntryClient';
import { loadPipeline } from './entry/loadPipeline';
import { resolveEntryOptions } from './entry/resolveEntryOptions';
import { getDefaultIntegrations } from './getDefaultIntegrations';

// Replaced at build time with this package's version.
declare const __FAULTLINE_VERSION__: string;

/**
 * Starts Faultline in a browser page: global error and rejection handlers, breadcrumbs, page context,
 * trace propagation to this origin, and fetch delivery with a beacon at page hide. Does almost nothing
 * now: no DOM nodes, no request until there is something to send. What builds and sends events is a
 * separate module (a chunk of its own in bundlers that split code), loaded at the first idle moment or
 * the first capture; what is captured before it arrives waits for it, in order.
 *
 * @example
 * import { init } from '@faultline/browser';
 * init({ dsn: 'https://<public_key>@<host>/<project_id>', release: 'shop@1.4.2' });
 */
export function init(options: BrowserOptions = {}): Client {
  const platform = {
    platform: 'javascript',
    sdk: { name: 'faultline.javascript.browser', version: __FAULTLINE_VERSION__ },
    defaultIntegrations: getDefaultIntegrations(),
  };
  const resolved = resolveEntryOptions(
    // Same origin by default: absolute URLs on this origin, and relative paths.
    { ...options, tracePropagationTargets: options.tracePropagationTargets ?? [location.origin, /^\/(?!\/)/] },
    platform,
  );
  const carrier = getCarrier();
  carrier.debug = options.debug === true;
  const client = createEntryClient(resolved, platform, loadPipeline);
  carrier.client = client;
  if (resolved.enabled === false) return client;
  // One trace per page load, shared by its events, logs and outgoing requests.
  startNewTrace();
  if (options.initialScope) {
    try {
      applyCaptureContext(carrier.strategy.getScopes().scope, options.initialScope);
    } catch (error) {
      debugLogger.error('initialScope failed', error);
    }
  }
  setupIntegrations(client, resolved.integrations);
  return client;
}

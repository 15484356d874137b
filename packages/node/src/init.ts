import {
  createLokiDestination,
  debugLogger,
  hashString,
  initAndBind,
  installLogPipeline,
  provideOptionHelp,
  setAsyncContextStrategy,
  type Client,
  type Destination,
} from '@faultline/core';
import { createAsyncLocalStorageStrategy } from './createAsyncLocalStorageStrategy';
import { createNodeFrameNormalizer } from './createNodeFrameNormalizer';
import { getDefaultIntegrations } from './getDefaultIntegrations';
import { resolveNodeOptions } from './config/resolveNodeOptions';
import { NODE_OPTION_CHECKS, type NodeOptions } from './nodeOptions';
import { createFileJournal } from './transports/createFileJournal';
import { defaultStateDir } from './transports/defaultStateDir';
import { makeNodeTransport } from './transports/makeNodeTransport';

// Replaced at build time with this package's version.
declare const __FAULTLINE_VERSION__: string;

/**
 * Starts Faultline in a Node process: uncaught errors and rejections, per-request isolation and trace
 * continuation for every HTTP server, outgoing trace headers, and delivery with undici behind a private file
 * journal that survives crashes. Reads `FAULTLINE_DSN`, `FAULTLINE_RELEASE`, `FAULTLINE_ENVIRONMENT`,
 * `FAULTLINE_SERVICE`, `FAULTLINE_LOKI_URL` (+ `_TENANT`, `_TOKEN`, `_USERNAME`, `_PASSWORD`), and Sentry's
 * `SENTRY_DSN`, `SENTRY_RELEASE`, `SENTRY_ENVIRONMENT` where the `FAULTLINE_*` one is absent; explicit
 * options win.
 *
 * @example
 * import { init } from '@faultline/node';
 * init({ dsn: 'https://<public_key>@<host>/<project_id>', release: 'api@2.3.0' });
 */
export function init(options: NodeOptions = {}): Client {
  // NODE_ENV names the app's environment here, not a build: unknown options are warned about whatever it says.
  provideOptionHelp();
  // init options > FAULTLINE_* variables > config file > defaults; what is invalid is left out and reported.
  const { options: merged, report, dsnSources, fromSentry } = resolveNodeOptions(options, process.env);
  // Said once, with or without debug: a service moved from Sentry's SDK sees where its settings came from.
  if (fromSentry.length > 0) debugLogger.notice(`Using ${fromSentry.join(', ')} (no FAULTLINE_* variable set)`);
  setAsyncContextStrategy(createAsyncLocalStorageStrategy());
  // Servers log: the bridges, consoleIntegration and logger all need it.
  installLogPipeline();
  const destinations: Destination[] = [...(merged.delivery?.destinations ?? [])];
  if (merged.loki)
    destinations.push(createLokiDestination({ source: 'node', service: merged.service, ...merged.loki }));
  const hasDestination = Boolean(merged.dsn || merged.tunnel || destinations.length > 0);
  const queueDir = merged.queueDir;
  return initAndBind(
    {
      ...merged,
      transport:
        // `transport: makeNodeTransport` (Sentry's docs) is the default transport: it keeps its journal.
        (merged.transport === makeNodeTransport ? undefined : merged.transport) ??
        (hasDestination
          ? makeNodeTransport({
              ...merged.delivery,
              destinations,
              // One private journal per destination, under the user's state folder unless `queueDir` says.
              createJournal:
                merged.delivery?.createJournal ??
                ((destination) =>
                  queueDir === false
                    ? undefined
                    : createFileJournal({
                        directory: queueDir ?? defaultStateDir(),
                        key: hashString(destination.url),
                      })),
            })
          : undefined),
      tracePropagationTargets: merged.tracePropagationTargets ?? [/.*/],
    },
    {
      platform: 'node',
      sdk: { name: 'faultline.javascript.node', version: __FAULTLINE_VERSION__ },
      defaultIntegrations: getDefaultIntegrations(merged),
      normalizeFrame: createNodeFrameNormalizer(),
      dsnSources,
    },
    NODE_OPTION_CHECKS,
    report,
  );
}

import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { createLokiDestination, validateLokiLabels, type Envelope, type LokiOptions } from '@faultline/core';

/** The tunnel's Loki settings: core's, plus which `environment` label its streams carry. */
export interface TunnelLokiOptions extends LokiOptions {
  /** The `environment` label of every stream the tunnel pushes (default `production`). */
  environment?: string;
  /**
   * Environments a browser may choose as the label instead (a server-side allow-list, checked against
   * Loki's label rules at start). Whatever else a browser says goes to structured metadata only.
   */
  allowedEnvironments?: string[];
}

export interface BuiltPush {
  body: string | Uint8Array;
  headers: Record<string, string>;
}

type Stream = { stream: Record<string, string>; values: [string, string, Record<string, string>][] };

/** Loki's level values: core maps every Sentry level onto them; anything else is treated as `error`. */
const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
const MAX_METADATA_VALUE = 1024;
const GZIP_THRESHOLD = 32 * 1024;
const gzipAsync = promisify(gzip);

/**
 * Builds the Loki push of a browser envelope with labels that are the server's configuration only: the
 * static labels, `service_name`, `source`, the server's environment (or one it allows) and a Loki level.
 * What the browser said its environment was, and every other value it sent, goes to structured metadata
 * bounded in length, so no browser can create streams or send a label value Loki refuses.
 */
export function createLokiForwarder(options: TunnelLokiOptions) {
  const { environment = 'production', allowedEnvironments = [], ...lokiOptions } = options;
  for (const value of [environment, ...allowedEnvironments]) {
    if (validateLokiLabels({ label: value }).problems.length > 0) {
      throw new Error(
        `createTunnelHandler: loki.environment / loki.allowedEnvironments: ${JSON.stringify(value)} is not a value Loki accepts as a label`,
      );
    }
  }
  const allowed = new Set(allowedEnvironments);
  const destination = createLokiDestination({ source: 'browser', ...lokiOptions, gzip: false });
  const serverLabels = {
    ...validateLokiLabels(lokiOptions.labels).labels,
    service_name: lokiOptions.service ?? 'unknown_service',
    source: lokiOptions.source ?? 'browser',
  };

  return {
    url: destination.url,
    /** The push for an envelope, or undefined when it holds nothing for Loki. Throws when it cannot be built. */
    async build(envelope: Envelope): Promise<BuiltPush | undefined> {
      const encoded = await destination.encode(envelope);
      if (!encoded) return undefined;
      const sent = JSON.parse(String(encoded.body)) as {
        streams: { stream: Record<string, unknown>; values: unknown[][] }[];
      };
      const streams = new Map<string, Stream>();
      for (const { stream, values } of sent.streams) {
        const said = stream.environment;
        const labels = {
          ...serverLabels,
          environment: typeof said === 'string' && allowed.has(said) ? said : environment,
          level: typeof stream.level === 'string' && LEVELS.has(stream.level) ? stream.level : 'error',
        };
        const key = JSON.stringify(labels);
        let target = streams.get(key);
        if (!target) streams.set(key, (target = { stream: labels, values: [] }));
        for (const [ns, line, metadata] of values) {
          const fields = { ...(metadata as Record<string, unknown>) };
          if (said !== labels.environment) fields.environment = said;
          target.values.push([String(ns), String(line), boundedMetadata(fields)]);
        }
      }
      const body = JSON.stringify({ streams: [...streams.values()] });
      const headers = { ...destination.headers };
      if (lokiOptions.gzip === false || body.length < GZIP_THRESHOLD) return { body, headers };
      return { body: await gzipAsync(body), headers: { ...headers, 'Content-Encoding': 'gzip' } };
    },
  };
}

/** Structured metadata Loki takes: string values, each bounded (its default limit is per line, 64 KiB). */
function boundedMetadata(fields: Record<string, unknown>): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null || value === '') continue;
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
    metadata[key] = text.length > MAX_METADATA_VALUE ? `${text.slice(0, MAX_METADATA_VALUE - 1)}…` : text;
  }
  return metadata;
}

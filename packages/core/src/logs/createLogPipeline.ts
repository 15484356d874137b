import type { CaptureLogOptions, Client, ResolvedOptions } from '../client/types';
import { debugLogger } from '../debugLogger';
import { envelopeHeaders } from '../envelope/createEventEnvelope';
import type { Envelope, EnvelopeAddress } from '../envelope/types';
import type { Scrubber } from '../scrub/createScrubber';
import { setTimer } from '../timers';
import { createLogRecord } from './createLogRecord';
import { estimateLogBytes } from './estimateLogBytes';
import { BREADCRUMB_LEVEL, SEVERITY_NUMBER } from './logLevels';
import type { LogLevel, SerializedLog } from './types';

const MAX_RECORDS = 100;
const MAX_BYTES = 800 * 1024;
const MAX_DELAY_MS = 5000;

export interface LogPipeline {
  capture(level: LogLevel, message: unknown, attributes?: Record<string, unknown>, options?: CaptureLogOptions): void;
  /** Sends what is buffered now. */
  flush(): void;
}

/**
 * Logs per client: level filter → record (with scope correlation; nested attributes kept structured) →
 * breadcrumb → beforeSendLog → scrub (at every depth) → batch. Nothing is turned into text before the
 * scrubber saw it: each destination serializes the scrubbed record its own way. A batch goes out at 100
 * records, about 800 KB, 5 s after its first record, or on flush.
 */
export function createLogPipeline(
  client: Client,
  options: ResolvedOptions,
  address: EnvelopeAddress,
  scrubber: Scrubber | undefined,
): LogPipeline {
  const minSeverity = SEVERITY_NUMBER[options.minLevel ?? 'info'];
  let buffer: SerializedLog[] = [];
  let bytes = 0;
  let cancelTimer: (() => void) | undefined;

  const flush = (): void => {
    cancelTimer?.();
    cancelTimer = undefined;
    if (buffer.length === 0) return;
    const items = buffer;
    buffer = [];
    bytes = 0;
    const envelope: Envelope = [
      envelopeHeaders(address),
      [[{ type: 'log', item_count: items.length, content_type: 'application/vnd.sentry.items.log+json' }, { items }]],
    ];
    void client.sendEnvelope(envelope);
  };

  return {
    capture(level, message, attributes, captureOptions) {
      if (options.enableLogs === false || !client.isEnabled() || !(SEVERITY_NUMBER[level] >= minSeverity)) return;
      try {
        let log: SerializedLog | null = createLogRecord(level, message, attributes, options, address.sdk);
        if (captureOptions?.timestamp !== undefined) log.timestamp = captureOptions.timestamp;
        if (captureOptions?.breadcrumb !== false) {
          client.addBreadcrumb({
            category: 'log',
            level: BREADCRUMB_LEVEL[level],
            message: log.body,
            // A log without attributes has no data: an absent field, not a placeholder.
            ...(attributes !== undefined ? { data: attributes } : {}),
          });
        }
        if (options.beforeSendLog) {
          log = options.beforeSendLog(log);
          if (!log) return client.recordDroppedEvent('before_send', 'log_item');
        }
        if (scrubber) log = scrubber.scrubLog(log);
        buffer.push(log);
        bytes += estimateLogBytes(log);
        if (buffer.length >= MAX_RECORDS || bytes >= MAX_BYTES) flush();
        else cancelTimer ??= setTimer(flush, MAX_DELAY_MS);
      } catch (error) {
        debugLogger.error('Capturing a log failed', error);
      }
    },
    flush,
  };
}

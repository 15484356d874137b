import { getCarrier } from '../carrier';
import { debugLogger } from '../debugLogger';
import { createCheckInEnvelope } from '../envelope/createCheckInEnvelope';
import { resolvePropagationContext } from '../tracing/resolvePropagationContext';
import { uuid4 } from '../uuid4';
import type { CheckIn, MonitorConfig, SerializedCheckIn } from './types';

/**
 * Sends a cron monitor check-in (a `check_in` envelope item) through the same transport and journal as
 * events, counted in client reports as category `monitor`. Returns the check-in id: pass it with the
 * `ok` / `error` check-in that ends the run. `monitorConfig` creates or updates the monitor.
 *
 * @example
 * const checkInId = captureCheckIn({ monitorSlug: 'nightly-report', status: 'in_progress' });
 * await buildReport();
 * captureCheckIn({ checkInId, monitorSlug: 'nightly-report', status: 'ok' });
 */
export function captureCheckIn(checkIn: CheckIn, monitorConfig?: MonitorConfig): string {
  const id = ('checkInId' in checkIn && checkIn.checkInId) || uuid4();
  try {
    const { client, strategy, globalScope } = getCarrier();
    if (!client?.isEnabled()) return id;
    const { release, environment, tunnel } = client.getOptions();
    const serialized: SerializedCheckIn = {
      check_in_id: id,
      monitor_slug: checkIn.monitorSlug,
      status: checkIn.status,
      release,
      environment,
    };
    if ('duration' in checkIn && checkIn.duration !== undefined) serialized.duration = checkIn.duration;
    if (monitorConfig) serialized.monitor_config = serializeConfig(monitorConfig);
    const { scope, isolationScope } = strategy.getScopes();
    const trace = resolvePropagationContext(globalScope, isolationScope, scope);
    serialized.contexts = { trace: { trace_id: trace.traceId, span_id: trace.spanId } };
    debugLogger.log(`Sending check-in ${checkIn.monitorSlug} ${checkIn.status}`);
    void client.sendEnvelope(
      createCheckInEnvelope(serialized, { dsn: client.getDsn(), tunnel, sdk: client.getSdkInfo() }),
    );
  } catch (error) {
    debugLogger.error('captureCheckIn failed', error);
  }
  return id;
}

function serializeConfig(config: MonitorConfig): NonNullable<SerializedCheckIn['monitor_config']> {
  const out: NonNullable<SerializedCheckIn['monitor_config']> = { schedule: config.schedule };
  if (config.checkinMargin !== undefined) out.checkin_margin = config.checkinMargin;
  if (config.maxRuntime !== undefined) out.max_runtime = config.maxRuntime;
  if (config.timezone !== undefined) out.timezone = config.timezone;
  if (config.failureIssueThreshold !== undefined) out.failure_issue_threshold = config.failureIssueThreshold;
  if (config.recoveryThreshold !== undefined) out.recovery_threshold = config.recoveryThreshold;
  return out;
}

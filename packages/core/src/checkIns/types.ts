/** A monitor's schedule: a crontab expression, or every `value` `unit`s. */
export type MonitorSchedule =
  | { type: 'crontab'; value: string }
  | { type: 'interval'; value: number; unit: 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' };

/** Sentry's monitor configuration, sent with a check-in to create or update the monitor. */
export interface MonitorConfig {
  schedule: MonitorSchedule;
  /** Minutes after the expected time a check-in may arrive before it counts as missed. */
  checkinMargin?: number;
  /** Minutes a run may take before it counts as failed. */
  maxRuntime?: number;
  /** A tz database name, e.g. `Europe/Vienna`. */
  timezone?: string;
  failureIssueThreshold?: number;
  recoveryThreshold?: number;
  /** `withMonitor` only: run the callback in a new trace. */
  isolateTrace?: boolean;
}

/** A check-in, as Sentry's `captureCheckIn` takes it. */
export type CheckIn =
  | { monitorSlug: string; status: 'in_progress' }
  | {
      monitorSlug: string;
      status: 'ok' | 'error';
      /** The id `captureCheckIn` returned for the `in_progress` check-in of this run. */
      checkInId?: string;
      /** Seconds the run took. */
      duration?: number;
    };

/** The `check_in` envelope item's payload. https://develop.sentry.dev/sdk/telemetry/check-ins/ */
export interface SerializedCheckIn {
  check_in_id: string;
  monitor_slug: string;
  status: 'in_progress' | 'ok' | 'error';
  duration?: number;
  release?: string;
  environment?: string;
  monitor_config?: {
    schedule: MonitorSchedule;
    checkin_margin?: number;
    max_runtime?: number;
    timezone?: string;
    failure_issue_threshold?: number;
    recovery_threshold?: number;
  };
  contexts?: { trace: { trace_id: string; span_id: string; parent_span_id?: string } };
}

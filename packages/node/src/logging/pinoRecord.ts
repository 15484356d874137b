import type { BridgedLog } from './bridgeLog';
import { levelFromPino } from './logLevels';
import { rebuildError } from './rebuildError';

const PINO_FIELDS = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'msg',
  'err',
  'error',
  'trace_id',
  'span_id',
  'request_id',
  'v',
  // faultlinePinoContext's stamp: ids, read by the worker, not a field of the line.
  'faultline',
]);

/** A pino JSON line (parsed) as a bridged record: level, message, fields, serialized error, time. */
export function pinoRecord(record: Record<string, unknown>): BridgedLog {
  const attributes: Record<string, unknown> = {};
  for (const key in record) if (!PINO_FIELDS.has(key)) attributes[key] = record[key];
  return {
    level: levelFromPino(Number(record.level ?? 30)),
    message: typeof record.msg === 'string' ? record.msg : '',
    attributes,
    error: rebuildError(record.err) ?? rebuildError(record.error),
    time: typeof record.time === 'number' ? record.time : undefined,
    source: 'pino',
  };
}

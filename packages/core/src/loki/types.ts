export type { SerializedLog } from '../logs/types';

/** One line for Loki, before grouping into streams. */
export interface LokiEntry {
  /** Nanoseconds since the epoch, as a string, fixed at capture time. */
  timestampNs: string;
  level: string;
  environment: string;
  /** The JSON object written as the line. */
  line: Record<string, unknown>;
  /** Loki structured metadata: high-cardinality identifiers, string values only. */
  metadata: Record<string, string>;
}

import type { Dsn, SdkInfo } from '../types';

/** Header of a Sentry envelope: https://develop.sentry.dev/sdk/data-model/envelopes/ */
export interface EnvelopeHeaders {
  event_id?: string;
  /** ISO 8601, fixed when the envelope is created so a retry is byte-identical. */
  sent_at?: string;
  dsn?: string;
  sdk?: Pick<SdkInfo, 'name' | 'version'>;
  [key: string]: unknown;
}

export type ItemType = 'event' | 'feedback' | 'log' | 'client_report' | 'check_in' | 'session' | 'sessions';

export interface ItemHeaders {
  type: ItemType;
  content_type?: string;
  item_count?: number;
  length?: number;
}

export type EnvelopeItem = [ItemHeaders, unknown];

/** The one internal model of what is sent; each destination serializes it its own way. */
export type Envelope = [EnvelopeHeaders, EnvelopeItem[]];

/** What an envelope is addressed with. */
export interface EnvelopeAddress {
  dsn?: Dsn;
  tunnel?: string;
  sdk: SdkInfo;
}

import type { DataCategory, DropReason } from '../types';
import { envelopeHeaders } from './createEventEnvelope';
import type { Envelope, EnvelopeAddress } from './types';

export interface DiscardedEvents {
  reason: DropReason;
  category: DataCategory;
  quantity: number;
}

/** A `client_report` item: https://develop.sentry.dev/sdk/telemetry/client-reports/ */
export function createClientReportEnvelope(discarded: DiscardedEvents[], address: EnvelopeAddress): Envelope {
  const report = { timestamp: Date.now() / 1000, discarded_events: discarded };
  return [envelopeHeaders(address), [[{ type: 'client_report' }, report]]];
}

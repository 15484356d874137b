import type { SerializedCheckIn } from '../checkIns/types';
import { envelopeHeaders } from './createEventEnvelope';
import type { Envelope, EnvelopeAddress } from './types';

/** Wraps one check-in in an envelope (item type `check_in`, category `monitor`). */
export function createCheckInEnvelope(checkIn: SerializedCheckIn, address: EnvelopeAddress): Envelope {
  return [envelopeHeaders(address), [[{ type: 'check_in' }, checkIn]]];
}

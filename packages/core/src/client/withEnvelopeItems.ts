import { envelopeHeaders } from '../envelope/createEventEnvelope';
import type { EnvelopeAddress, EnvelopeItem } from '../envelope/types';
import type { PipelineHost } from './runPipeline';

/**
 * The pipeline host for an event that carries more items (the session update its capture caused): they
 * go in the event's envelope, so a crash and its session's `crashed` arrive together; when the event is
 * dropped (sampling, beforeSend, a processor, the storm guard) they are sent alone, since what the
 * session counted does not depend on the event being sent. Without items: `host` itself.
 */
export function withEnvelopeItems(host: PipelineHost, items: EnvelopeItem[], address: EnvelopeAddress): PipelineHost {
  if (items.length === 0) return host;
  return {
    ...host,
    toEnvelope(event) {
      const envelope = host.toEnvelope(event);
      envelope[1].push(...items);
      return envelope;
    },
    drop(reason) {
      host.drop(reason);
      host.send([envelopeHeaders(address), items]);
    },
  };
}

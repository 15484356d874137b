import type { Envelope } from '../envelope/types';
import type { EncodedEnvelope } from './types';

type Encoded = EncodedEnvelope | undefined;

/**
 * Envelopes whose encode is asynchronous (Loki gzips large bodies) and not settled yet: should the process
 * exit meanwhile, `finishSync` encodes them synchronously (uncompressed), and what the asynchronous encode
 * yields later is dropped, so an envelope is queued once.
 */
export function createPendingEncodes() {
  const pending = new Map<Envelope, boolean>();
  return {
    /** Resolves once `encoding` settled and, unless finished synchronously meanwhile, `use` took its value. */
    settle(envelope: Envelope, encoding: PromiseLike<Encoded>, use: (encoded: Encoded) => void): Promise<void> {
      pending.set(envelope, true);
      return Promise.resolve(encoding).then(
        (encoded) => void (pending.delete(envelope) && use(encoded)),
        (error: unknown) => {
          pending.delete(envelope);
          throw error;
        },
      );
    },
    /** Encodes every pending envelope now, with `encodeSync`, and hands each to `use`. Never throws. */
    finishSync(encodeSync: (envelope: Envelope) => unknown, use: (envelope: Envelope, encoded: Encoded) => void): void {
      for (const envelope of pending.keys()) {
        try {
          const encoded = encodeSync(envelope);
          if (!encoded || !('then' in (encoded as object))) use(envelope, encoded as Encoded);
        } catch {
          // lost with the process, as it would be without this
        }
      }
      pending.clear();
    },
  };
}

// The public functions whose code is the pipeline's (delivery, the journal), as the package index exports
// them: thin functions that reach the real ones through the pipeline module. The index must not import
// those files itself: esbuild's code splitting loads every file the entry reaches, used or not, before
// the page's first line, so a direct re-export would put the whole pipeline on the critical path.
import type {
  createTransport as coreCreateTransport,
  EnvelopeJournal,
  MakeRequest,
  Transport,
  TransportFactory,
  TransportOptions,
} from '@faultline/core';
import { deferJournal, deferTransport } from './entry/deferred';
import type { IndexedDbJournalOptions } from './transports/createIndexedDbJournal';
import type { FetchTransportOptions } from './transports/makeFetchTransport';

/**
 * Delivery over `fetch` with its IndexedDB queue: the default transport (see `makeFetchTransport` in
 * `transports/`). `transport: makeFetchTransport` (Sentry's docs) is the default. Called before the
 * pipeline module arrived, the transport it makes sends once it has.
 */
export function makeFetchTransport(options: TransportOptions): Transport;
export function makeFetchTransport(options?: FetchTransportOptions): TransportFactory;
export function makeFetchTransport(
  options: FetchTransportOptions | TransportOptions = {},
): TransportFactory | Transport {
  if ('recordDroppedEvent' in options) return deferTransport((module) => module.makeFetchTransport(options));
  return (transportOptions) => deferTransport((module) => module.makeFetchTransport(options)(transportOptions));
}

/** Core's `createTransport` (queue, retries, rate limits around `makeRequest`), from the pipeline module. */
export function createTransport(
  options: Parameters<typeof coreCreateTransport>[0],
  makeRequest: MakeRequest,
): Transport {
  return deferTransport((module) => module.createTransport(options, makeRequest));
}

/** The IndexedDB journal of the fetch transport's queue (see `transports/createIndexedDbJournal`). */
export function createIndexedDbJournal(options?: IndexedDbJournalOptions): EnvelopeJournal {
  return deferJournal((module) => module.createIndexedDbJournal(options));
}

import type { EnvelopeJournal, Transport } from '@faultline/core';
import { loadedPipeline, loadPipeline } from './loadPipeline';
import type { PipelineExports } from './types';

/**
 * Something made by the pipeline module: made now if the module has arrived (the usual case: transports
 * and journals are made by the pipeline's client), or else a stand-in whose asynchronous methods wait for
 * the module and then call the real one, made once (`standIn` builds it on that promise).
 */
function defer<T extends object>(make: (module: PipelineExports) => T, standIn: (real: Promise<T>) => T): T {
  const module = loadedPipeline();
  if (module) return make(module);
  return standIn(loadPipeline().then(make));
}

/** A transport made by the pipeline module (see `defer`); before it arrives, `persistSync` has nothing to write. */
export function deferTransport(make: (module: PipelineExports) => Transport): Transport {
  return defer(make, (real) => ({
    send: (envelope) => real.then((transport) => transport.send(envelope)),
    flush: (timeout) => real.then((transport) => transport.flush(timeout)),
    close: (timeout) => real.then((transport) => (transport.close ?? transport.flush)(timeout)),
    handOff: (deliver) => real.then((transport) => transport.handOff?.(deliver)),
  }));
}

/** A journal made by the pipeline module (see `defer`). */
export function deferJournal(make: (module: PipelineExports) => EnvelopeJournal): EnvelopeJournal {
  return defer(make, (real) => ({
    open: (sink) => real.then((journal) => journal.open(sink)),
    append: (record) => real.then((journal) => journal.append(record)),
    acknowledge: (id) => real.then((journal) => journal.acknowledge(id)),
    read: (id) => real.then((journal) => journal.read(id)),
    close: () => real.then((journal) => journal.close()),
  }));
}

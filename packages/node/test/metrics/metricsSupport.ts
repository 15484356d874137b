import { captureException, flush, init } from '@faultline/node';
import { resetCarrier, startReceiver, type Behavior, type Receiver } from '@faultline/test-utils';
import { afterAll, beforeAll } from 'vitest';

/**
 * For the file that calls it: @faultline/node started against a real receiver (undici transport; memory
 * only, queueDir false: these files are about serving the metrics, not the journal) answering `behave`, and
 * one error captured and flushed before the tests, so every series exists. Returns the receiver.
 */
export function useMetricsClient(behave?: (index: number) => Behavior): { receiver(): Receiver } {
  let receiver: Receiver | undefined;
  beforeAll(async () => {
    receiver = await startReceiver(behave && ((_, index) => behave(index)));
    resetCarrier();
    init({
      dsn: `http://public@127.0.0.1:${receiver.port}/1`,
      queueDir: false,
      integrations: (defaults) => defaults.filter((i) => i.name !== 'ProcessHandlers' && i.name !== 'GracefulShutdown'),
      delivery: { retryBaseMs: 20, probeMaxMs: 50 },
    });
    captureException(new Error('counted'));
    await flush(3000);
  });
  afterAll(async () => {
    resetCarrier();
    await receiver?.close();
  });
  return { receiver: () => receiver! };
}

/** The value of one sample line (`name{labels}`) of an exposition. */
export function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

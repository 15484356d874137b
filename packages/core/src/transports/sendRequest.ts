import { systemClock } from './systemClock';
import type { DeliveryClock, MakeRequest, TransportMakeRequestResponse, TransportRequest } from './types';

type AbortControllerLike = { signal: NonNullable<TransportRequest['signal']>; abort(): void };

/**
 * Makes `request`, abandoning it (and aborting, where supported) after `timeoutMs`, or when the transport
 * closes (it calls what `inFlight` holds).
 */
export function sendRequest(
  makeRequest: MakeRequest,
  request: Omit<TransportRequest, 'signal'>,
  timeoutMs: number,
  inFlight?: Set<() => void>,
  clock: Pick<DeliveryClock, 'setTimer'> = systemClock,
): Promise<TransportMakeRequestResponse> {
  const Controller = (globalThis as { AbortController?: new () => AbortControllerLike }).AbortController;
  const controller = Controller ? new Controller() : undefined;
  return new Promise((resolve, reject) => {
    const abandon = (reason: string): void => {
      controller?.abort();
      reject(new Error(reason));
    };
    const abandonOnClose = (): void => abandon('the transport closed');
    const cancel = clock.setTimer(() => abandon(`no answer within ${timeoutMs} ms`), timeoutMs);
    const done = (): void => {
      cancel();
      inFlight?.delete(abandonOnClose);
    };
    inFlight?.add(abandonOnClose);
    Promise.resolve()
      .then(() => makeRequest({ ...request, signal: controller?.signal }))
      .then(
        (response) => {
          done();
          resolve(response);
        },
        (error: unknown) => {
          done();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
  });
}

import { setTimer } from '../timers';
import type { MakeRequest, TransportMakeRequestResponse, TransportRequest } from './types';

type AbortControllerLike = { signal: NonNullable<TransportRequest['signal']>; abort(): void };

/** Makes `request`, abandoning it (and aborting, where supported) after `timeoutMs`. */
export function sendRequest(
  makeRequest: MakeRequest,
  request: Omit<TransportRequest, 'signal'>,
  timeoutMs: number,
): Promise<TransportMakeRequestResponse> {
  const Controller = (globalThis as { AbortController?: new () => AbortControllerLike }).AbortController;
  const controller = Controller ? new Controller() : undefined;
  return new Promise((resolve, reject) => {
    const cancel = setTimer(() => {
      controller?.abort();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    Promise.resolve()
      .then(() => makeRequest({ ...request, signal: controller?.signal }))
      .then(
        (response) => {
          cancel();
          resolve(response);
        },
        (error: unknown) => {
          cancel();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
  });
}

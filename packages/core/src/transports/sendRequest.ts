import { setTimer } from '../timers';
import type { Destination, MakeRequest, StoredEnvelope, TransportMakeRequestResponse } from './types';

type AbortControllerLike = { signal: NonNullable<Parameters<MakeRequest>[0]['signal']>; abort(): void };

/** Makes the request for `entry`, abandoning it (and aborting, where supported) after `timeoutMs`. */
export function sendRequest(
  makeRequest: MakeRequest,
  destination: Destination,
  entry: StoredEnvelope,
  timeoutMs: number,
): Promise<TransportMakeRequestResponse> {
  const Controller = (globalThis as { AbortController?: new () => AbortControllerLike }).AbortController;
  const controller = Controller ? new Controller() : undefined;
  return new Promise((resolve, reject) => {
    const cancel = setTimer(() => {
      controller?.abort();
      reject(new Error(`${destination.name} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const request = {
      url: destination.url,
      headers: { ...destination.headers, ...entry.headers },
      body: entry.body,
      signal: controller?.signal,
    };
    Promise.resolve()
      .then(() => makeRequest(request))
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

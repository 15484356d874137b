import { getCarrier } from '../carrier';
import { debugLogger } from '../debugLogger';

/** Waits until everything captured so far is sent, up to `timeout` ms. Resolves false on time-out. */
export async function flush(timeout?: number): Promise<boolean> {
  try {
    return (await getCarrier().client?.flush(timeout)) ?? true;
  } catch (error) {
    debugLogger.error('flush failed', error);
    return false;
  }
}

/** Flushes, then stops the client: later captures are no-ops. */
export async function close(timeout?: number): Promise<boolean> {
  try {
    return (await getCarrier().client?.close(timeout)) ?? true;
  } catch (error) {
    debugLogger.error('close failed', error);
    return false;
  }
}

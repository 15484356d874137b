import { getCarrier } from '../carrier';
import { createLogPipeline } from './createLogPipeline';

/**
 * Makes clients able to send logs. Called by what sends them (`logger`, the Node SDK and its bridges, the
 * web vitals integration), so a browser bundle that never logs leaves the log pipeline out (~0.7 KiB gzip).
 */
export function installLogPipeline(): void {
  getCarrier().makeLogPipeline ??= createLogPipeline;
}

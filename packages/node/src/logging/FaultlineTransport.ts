import { installLogPipeline } from '@faultline/core';
import TransportStream from 'winston-transport';
import { bridgeLog, type BridgeOptions } from './bridgeLog';
import { levelFromName } from './logLevels';
import { rebuildError } from './rebuildError';

// winston keeps the level name before colorizing under this symbol.
const LEVEL = Symbol.for('level');

/**
 * A winston transport: `logger.add(new FaultlineTransport())`. Every record becomes a breadcrumb and a
 * structured log; one carrying an Error (`logger.error(err)`, `{ err }`, `{ error }`, or the
 * `format.errors()` output) at `errorLevel` or above becomes an exception.
 */
export class FaultlineTransport extends TransportStream {
  private readonly bridge: BridgeOptions;

  constructor(options: TransportStream.TransportStreamOptions & BridgeOptions = {}) {
    super(options);
    this.bridge = { errorLevel: options.errorLevel, logs: options.logs };
    // Bridges log, whichever init made the client (the Node SDK's installs it too).
    installLogPipeline();
  }

  override log(info: Record<string | symbol, unknown>, callback: () => void): void {
    const { level, message, err, error, stack, ...rest } = info as Record<string, unknown>;
    const attributes: Record<string, unknown> = {};
    for (const key of Object.keys(rest)) attributes[key] = rest[key];
    const carried =
      rebuildError(err) ??
      rebuildError(error) ??
      (typeof stack === 'string' ? rebuildError({ message, stack, name: info.name }) : undefined);
    const name = typeof info[LEVEL] === 'string' ? (info[LEVEL] as string) : String(level);
    bridgeLog(
      { level: levelFromName(name), message: String(message ?? ''), attributes, error: carried, source: 'winston' },
      this.bridge,
    );
    callback();
  }
}

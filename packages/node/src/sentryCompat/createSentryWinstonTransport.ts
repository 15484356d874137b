import { FaultlineTransport } from '../logging/FaultlineTransport';

/**
 * Sentry's `createSentryWinstonTransport(Transport)`: the class to `logger.add(new …())`. Faultline's is
 * `FaultlineTransport`, which already extends winston's transport: every record becomes a breadcrumb and
 * a structured log, one carrying an Error an exception.
 */
export function createSentryWinstonTransport(
  _transportClass: unknown,
  _options: { levels?: string[] } = {},
): typeof FaultlineTransport {
  return FaultlineTransport;
}

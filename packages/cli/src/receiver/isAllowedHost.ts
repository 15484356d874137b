/** The names a browser uses for this machine's loopback interface. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * True when a request's Host header names the loopback interface on the receiver's port. Anything else is
 * a page that rebinds its own domain to 127.0.0.1 (DNS rebinding) to read the receiver as same-origin.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const name = host.toLowerCase();
  return LOOPBACK_NAMES.some((loopback) => name === `${loopback}:${port}` || (port === 80 && name === loopback));
}

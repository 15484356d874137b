// A self-signed certificate for the test receiver's TLS mode (HTTP/2 as Sentry's ingest speaks it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A certificate for 127.0.0.1 and localhost, made with openssl; `ca` is its path, for NODE_EXTRA_CA_CERTS. */
export function selfSignedCertificate() {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-receiver-tls-'));
  const [key, ca] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2'],
      ...['-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
      ...['-keyout', key, '-out', ca],
    ],
    { stdio: 'ignore' },
  );
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return { key: readFileSync(key), cert: readFileSync(ca), ca };
}

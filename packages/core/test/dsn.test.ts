import { dsnToString, getEnvelopeEndpoint, parseDsn } from '@faultline/core';
import { describe, expect, it } from 'vitest';

const sdk = { name: 'faultline.javascript.core', version: '1.2.3' };

describe('parseDsn', () => {
  it('parses key, host, port, path and project id', () => {
    expect(parseDsn('https://abc123@o9.ingest.example.com:8443/relay/42')).toEqual({
      protocol: 'https',
      publicKey: 'abc123',
      host: 'o9.ingest.example.com',
      port: '8443',
      path: 'relay',
      projectId: '42',
    });
  });

  it('accepts a legacy secret and IPv6 hosts', () => {
    expect(parseDsn('http://key:secret@[::1]:9000/7')).toMatchObject({ host: '[::1]', port: '9000', projectId: '7' });
  });

  it.each(['', 'abc', 'ftp://k@h/1', 'https://host/1', 'https://k@host', 'https://k@host/project'])(
    'returns a sentence for %j',
    (value) => expect(typeof parseDsn(value)).toBe('string'),
  );
});

describe('dsnToString', () => {
  it('round-trips without the secret', () => {
    expect(dsnToString(parseDsn('https://k:s@h.example.com/p/5') as never)).toBe('https://k@h.example.com/p/5');
  });
});

describe('getEnvelopeEndpoint', () => {
  it('builds the envelope URL with sentry_version, sentry_key and sentry_client', () => {
    expect(getEnvelopeEndpoint(parseDsn('http://k@localhost:8787/1') as never, sdk)).toBe(
      'http://localhost:8787/api/1/envelope/?sentry_version=7&sentry_key=k&sentry_client=faultline.javascript.core%2F1.2.3',
    );
  });
});

import { lokiOptionCheck } from '@faultline/core';
import { describe, expect, it } from 'vitest';

describe('lokiOptionCheck', () => {
  const check = lokiOptionCheck({ allowPath: false });

  it('accepts a push URL with valid fields', () => {
    expect(
      check({ url: 'https://logs.example.com/loki/api/v1/push', labels: { team: 'pay' }, tenantId: 't', gzip: false }),
    ).toBeUndefined();
  });

  it('rejects the whole option when the URL is unusable (a relative path needs allowPath)', () => {
    expect(check({ url: 'logs.example.com' })).toBe(
      'url: expected the push URL (https://<host>/loki/api/v1/push), got "logs.example.com"',
    );
    expect(check({})).toMatch(/^url: expected the push URL .*got undefined$/);
    expect(check('https://logs.example.com')).toBe('expected { url, … }');
    expect(check({ url: '/loki-tunnel' })).toMatch(/^url:/);
    expect(lokiOptionCheck({ allowPath: true })({ url: '/loki-tunnel' })).toBeUndefined();
  });

  it("gives a URL without a path Loki's push path, and says so", () => {
    expect(check({ url: 'http://loki:3100/' })).toEqual({
      value: { url: 'http://loki:3100/loki/api/v1/push' },
      problems: ['url: "http://loki:3100/" has no path; pushing to "http://loki:3100/loki/api/v1/push"'],
    });
  });

  it('leaves out the labels Loki would refuse, wrong fields and unknown ones, and keeps the rest', () => {
    const result = check({
      url: 'https://logs.example.com/loki/api/v1/push',
      labels: { team: 'pay', 'bad-name': 'x', environment: 'prod', empty: '' },
      tenantID: 'acme',
      gzip: 'yes',
      bearerToken: 'secret',
    });
    expect(result).toEqual({
      value: { url: 'https://logs.example.com/loki/api/v1/push', labels: { team: 'pay' }, bearerToken: 'secret' },
      problems: [
        'tenantID: unknown field, left out; did you mean `tenantId`?',
        'gzip: expected true or false, left out',
        'label "bad-name": names must match [a-zA-Z_][a-zA-Z0-9_]*, left out',
        'label "environment": set by Faultline itself (use the service/environment options), left out',
        'label "empty": values must be non-empty strings up to 2048 characters, left out',
      ],
    });
    // A credential is never echoed back in a problem.
    expect(JSON.stringify((result as { problems: string[] }).problems)).not.toContain('secret');
  });
});

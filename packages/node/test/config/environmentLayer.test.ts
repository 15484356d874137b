import { describe, expect, it } from 'vitest';
import { environmentLayer, misspelledVariables } from '../../src/config/environmentLayer';

describe('environmentLayer', () => {
  it('reads every FAULTLINE_* variable into its option, remembering the variable and raw text', () => {
    const layer = environmentLayer({
      FAULTLINE_DSN: 'https://k@o1.example.com/1',
      FAULTLINE_RELEASE: 'api@1',
      FAULTLINE_ENVIRONMENT: 'staging',
      FAULTLINE_SERVICE: 'checkout',
      FAULTLINE_DEBUG: '1',
      FAULTLINE_SAMPLE_RATE: ' 0.25 ',
      FAULTLINE_CONFIG: 'faultline.json',
      FAULTLINE_LOKI_URL: 'https://logs.example.com/loki/api/v1/push',
      FAULTLINE_LOKI_TENANT: 'acme',
      FAULTLINE_LOKI_USERNAME: 'u',
      FAULTLINE_LOKI_PASSWORD: 'p',
    });
    expect(layer.options).toEqual({
      dsn: 'https://k@o1.example.com/1',
      release: 'api@1',
      environment: 'staging',
      service: 'checkout',
      debug: true,
      sampleRate: 0.25,
      configFile: 'faultline.json',
      loki: {
        url: 'https://logs.example.com/loki/api/v1/push',
        tenantId: 'acme',
        basicAuth: { username: 'u', password: 'p' },
      },
    });
    expect(layer.origins!.sampleRate).toEqual({ source: 'FAULTLINE_SAMPLE_RATE', raw: ' 0.25 ' });
    expect(layer.origins!.loki!.source).toBe('FAULTLINE_LOKI_URL');
  });

  it('keeps a value that does not parse as its text, for the check to reject by name', () => {
    const { options } = environmentLayer({ FAULTLINE_SAMPLE_RATE: '50%', FAULTLINE_DEBUG: 'verbose' });
    expect(options).toEqual({ sampleRate: '50%', debug: 'verbose' });
    expect(environmentLayer({ FAULTLINE_DEBUG: 'off', FAULTLINE_SAMPLE_RATE: '' }).options).toEqual({ debug: false });
  });
});

describe('misspelledVariables', () => {
  it('names a FAULTLINE_* variable close to one that is read, and leaves unrelated ones alone', () => {
    expect(
      misspelledVariables({ FAULTLINE_ENVIROMENT: 'prod', FAULTLINE_PACKAGES: 'core', FAULTLINE_DSN: 'x', PATH: '/' }),
    ).toEqual(['FAULTLINE_ENVIROMENT: unknown variable, ignored; did you mean `FAULTLINE_ENVIRONMENT`?']);
  });
});

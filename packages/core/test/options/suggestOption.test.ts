import { suggestOption } from '@faultline/core';
import { describe, expect, it } from 'vitest';

describe('suggestOption', () => {
  const known = ['dsn', 'environment', 'release', 'sampleRate', 'maxBreadcrumbs', 'beforeSend'];

  it('finds the option a typo was meant to be: missing, extra, swapped and wrong letters, and case', () => {
    expect(suggestOption('enviroment', known)).toBe('environment');
    expect(suggestOption('environmnet', known)).toBe('environment');
    expect(suggestOption('relase', known)).toBe('release');
    expect(suggestOption('sample_rate', known)).toBe('sampleRate');
    expect(suggestOption('maxBreadcrumb', known)).toBe('maxBreadcrumbs');
    expect(suggestOption('DSN', known)).toBe('dsn');
    expect(suggestOption('dns', known)).toBe('dsn');
    expect(suggestOption('BeforeSend', known)).toBe('beforeSend');
  });

  it('suggests nothing for a key that is not close to any option', () => {
    expect(suggestOption('foo', known)).toBeUndefined();
    expect(suggestOption('environmentVariables', known)).toBeUndefined();
    expect(suggestOption('', known)).toBeUndefined();
  });
});

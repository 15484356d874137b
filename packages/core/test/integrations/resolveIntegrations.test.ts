import { describe, expect, it } from 'vitest';
import type { Integration } from '@faultline/core';
import { resolveIntegrations } from '../../src/integrations/resolveIntegrations';

const named = (name: string, tag = 'default'): Integration & { tag: string } => ({ name, tag });

describe('resolveIntegrations', () => {
  it('replaces a default with the user instance of the same name, in the default’s place', () => {
    const result = resolveIntegrations([named('A'), named('B')], [named('A', 'user'), named('C', 'user')]);
    expect(result.map((i) => `${i.name}:${(i as unknown as { tag: string }).tag}`)).toEqual([
      'A:user',
      'B:default',
      'C:user',
    ]);
  });

  it('uses what a function of the defaults returns', () => {
    const result = resolveIntegrations([named('A'), named('B')], (defaults) => defaults.filter((i) => i.name !== 'A'));
    expect(result.map((i) => i.name)).toEqual(['B']);
  });
});

import { readFileSync } from 'node:fs';
import { getDefaultIntegrations as browserDefaults } from '@faultline/browser';
import { getDefaultIntegrations } from '@faultline/node';
import { describe, expect, it } from 'vitest';

/** The names the root README's "Coming from Sentry" table gives for `defaultIntegrations: false`. */
function readmeNames(): { node: string[]; browsers: string[] } {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const row = readme.split('\n').find((line) => line.startsWith('| `defaultIntegrations: false`'))!;
  const names = (text: string) => [...text.matchAll(/`([A-Za-z]+)`/g)].map((match) => match[1]!);
  const [, node, browsers] = /: Node (.*); browsers (.*)\|/.exec(row)!;
  return { node: names(node!), browsers: names(browsers!) };
}

describe('getDefaultIntegrations', () => {
  it('has the names the root README lists for Node, every one of them', () => {
    expect(readmeNames().node).toEqual(getDefaultIntegrations().map((integration) => integration.name));
  });

  it('and the README’s browser names are the browser package’s defaults', () => {
    const names = browserDefaults().map((integration) => integration.name);
    expect(names).toEqual(expect.arrayContaining(readmeNames().browsers));
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFileLayer } from '../../src/config/configFileLayer';

describe('configFileLayer', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-config-'));
  const write = (name: string, text: string) => (writeFileSync(path.join(dir, name), text), name);

  it('reads a JSON file relative to the working directory, as a layer named after the file', () => {
    const file = write('ok.json', '{ "$schema": "./faultline.schema.json", "release": "api@1" }');
    expect(configFileLayer(file, 'init option', dir)).toEqual({
      layer: { options: { $schema: './faultline.schema.json', release: 'api@1' }, source: 'config file ok.json' },
    });
  });

  it('leaves out a file that is missing or not JSON, with one problem naming it and who named it', () => {
    expect(configFileLayer('missing.json', 'FAULTLINE_CONFIG', dir)).toEqual({
      problem: 'configFile (FAULTLINE_CONFIG): cannot read "missing.json": ENOENT; ignored',
    });
    const broken = write('broken.json', '{ "release": ');
    expect(configFileLayer(broken, 'init option', dir).problem).toMatch(
      /^configFile \(init option\): "broken.json" is not JSON: .+; ignored$/,
    );
  });

  it('does not follow a file that names another one', () => {
    const file = write('chain.json', '{ "configFile": "other.json", "release": "api@1" }');
    expect(configFileLayer(file, 'init option', dir)).toEqual({
      layer: { options: { release: 'api@1' }, source: 'config file chain.json' },
      problem: 'configFile (config file chain.json): a config file cannot name another one; ignored',
    });
  });
});

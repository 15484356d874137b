// The CDN file's input: the package's whole API, with `init` and the pipeline's functions as they are.
import { describe, expect, it } from 'vitest';
import * as cdn from '../src/cdn';
import * as index from '../src/index';
import { init as initInOneFile } from '../src/initInOneFile';

describe('the CDN file (src/cdn.ts)', () => {
  it('exports exactly the names the package index exports', () => {
    expect(Object.keys(cdn).sort()).toEqual(Object.keys(index).sort());
  });

  it('has init and the transports without the split: they are not the index’s', () => {
    expect(cdn.init).toBe(initInOneFile);
    expect(cdn.init).not.toBe(index.init);
    expect(cdn.makeFetchTransport).not.toBe(index.makeFetchTransport);
  });
});

import * as cli from '@faultline/cli';
import { describe, expect, it } from 'vitest';

describe('@faultline/cli exports', () => {
  it('has exactly this public surface (a change here is a change of API)', () => {
    expect(Object.keys(cli).sort()).toMatchInlineSnapshot(`
      [
        "createReceiver",
        "createReceiverStore",
        "createSymbolicator",
        "testDestinations",
        "validateConfig",
      ]
    `);
  });
});

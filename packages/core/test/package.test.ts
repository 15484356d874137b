import { createScratchProject } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

const USE = `
  const sent = [];
  const transport = () => ({ send: (e) => (sent.push(F.serializeEnvelope(e)), Promise.resolve({})), flush: async () => true });
  F.init({ dsn: 'https://k@o1.ingest.example.com/1', transport });
  const id = F.captureException(new Error('from a scratch project'));
  F.flush(100).then(() => console.log(JSON.stringify({ id, version: F.SDK_VERSION, sent: sent.length, body: sent[0] })));
`;

describe('@faultline/core as published', () => {
  const project = createScratchProject(['@faultline/core']);

  it.each([
    ['esm.mjs', `import * as F from '@faultline/core';${USE}`],
    ['cjs.cjs', `const F = require('@faultline/core');${USE}`],
  ])('works from %s', (file, source) => {
    const result = JSON.parse(project.runNode(file, source)) as {
      id: string;
      version: string;
      sent: number;
      body: string;
    };
    expect(result.id).toMatch(/^[0-9a-f]{32}$/);
    expect(result.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(result.sent).toBe(1);
    expect(result.body).toContain('from a scratch project');
  });

  it('ships types that resolve for both import and require', () => {
    const use = `captureException(new Error('x')); const c: CoreOptions = { dsn: '', sampleRate: 1 }; init(c);`;
    const output = project.typecheck({
      'typed.mts': `import { captureException, init, type CoreOptions } from '@faultline/core';\n${use}`,
      'typed.cts': `import { captureException, init, type CoreOptions } from '@faultline/core';\n${use}`,
    });
    expect(output).toBe('');
    // A whole tsc run over the packed package: a few seconds alone, over 20 s on a busy two-core machine.
  }, 60_000);
});

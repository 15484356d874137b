import { parseStackFrames, type StackFrame } from '@faultline/core';
import { captureException, flush } from '@faultline/node';
import { describe, expect, it } from 'vitest';
import { createNodeFrameNormalizer } from '../src/createNodeFrameNormalizer';
import { moduleFromFilename } from '../src/moduleFromFilename';
import { initNodeForTest } from './support';

const ESM_STACK = `Error: card declined
    at chargeCard (file:///srv/app/src/payments/charge.mjs:12:11)
    at file:///srv/app/server.mjs:30:5
    at Server.<anonymous> (file:///srv/app/my%20routes/orders.mjs:7:3)
    at Layer.handleRequest (/srv/app/node_modules/router/lib/layer.js:169:33)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;

function normalized(stack: string, root = '/srv/app'): StackFrame[] {
  const frames = parseStackFrames(stack);
  frames.forEach(createNodeFrameNormalizer(root));
  return frames;
}

describe('createNodeFrameNormalizer', () => {
  it('sends ESM file:// URLs as paths, with module, in_app and function as Sentry’s Node SDK does', () => {
    expect(
      normalized(ESM_STACK).map(({ function: fn, filename, module, in_app }) => [fn, filename, module, in_app]),
    ).toEqual([
      ['process.processTicksAndRejections', 'node:internal/process/task_queues', 'task_queues', false],
      ['Layer.handleRequest', '/srv/app/node_modules/router/lib/layer.js', 'router.lib:layer', false],
      ['Server.?', '/srv/app/my routes/orders.mjs', 'my routes:orders', true],
      ['?', '/srv/app/server.mjs', 'server', true],
      ['chargeCard', '/srv/app/src/payments/charge.mjs', 'src.payments:charge', true],
    ]);
  });

  it('applies to what captureException sends from a real stack', async () => {
    const record = initNodeForTest();
    captureException(new Error('here'));
    await flush(1000);
    const top = record.events()[0]!.exception!.values[0]!.stacktrace!.frames.at(-1)!;
    expect(top.filename).toBe(new URL(import.meta.url).pathname);
    expect(top.in_app).toBe(true);
    expect(top.module).toMatch(/createNodeFrameNormalizer\.test\.ts$/);
    expect(top.pre_context).toHaveLength(7);
  });
});

describe('moduleFromFilename', () => {
  it('names a package file by its package path, an app file by its path from the root, others by name', () => {
    expect(moduleFromFilename('/app/node_modules/express/lib/router/index.js', '/app')).toBe(
      'express.lib.router:index',
    );
    expect(moduleFromFilename('/app/node_modules/@scope/pkg/dist/x.cjs', '/app')).toBe('@scope.pkg.dist:x');
    expect(moduleFromFilename('/app/routes/users.mjs', '/app')).toBe('routes:users');
    expect(moduleFromFilename('/app/server.js', '/app')).toBe('server');
    expect(moduleFromFilename('/elsewhere/lib/util.js', '/app')).toBe('util');
    // Only .js/.mjs/.cjs lose their extension, as in Sentry.
    expect(moduleFromFilename('/app/src/index.ts', '/app')).toBe('src:index.ts');
  });
});

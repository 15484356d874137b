import * as node from '@faultline/node';
import { createScratchProject } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

describe('@faultline/node exports', () => {
  it('has exactly this public surface (a change here is a change of API)', () => {
    expect(Object.keys(node).sort()).toMatchInlineSnapshot(`
      [
        "FaultlineTransport",
        "NODE_OPTION_CHECKS",
        "addBreadcrumb",
        "captureErrors",
        "captureEvent",
        "captureException",
        "captureMessage",
        "close",
        "consoleIntegration",
        "contextLinesIntegration",
        "continueTrace",
        "createAsyncLocalStorageStrategy",
        "createFileJournal",
        "createLokiDestination",
        "createTunnelHandler",
        "dedupeIntegration",
        "detectCloud",
        "eventFiltersIntegration",
        "expressErrorHandler",
        "faultlineFastify",
        "faultlinePinoContext",
        "faultlinePinoDestination",
        "faultlinePinoMixin",
        "flush",
        "getClient",
        "getCurrentScope",
        "getDefaultIntegrations",
        "getGlobalScope",
        "getIsolationScope",
        "getTraceHeaders",
        "gracefulShutdownIntegration",
        "httpClientIntegration",
        "httpServerIntegration",
        "init",
        "koaMiddleware",
        "lastEventId",
        "logger",
        "makeNodeTransport",
        "nodeContextIntegration",
        "processHandlersIntegration",
        "processSessionIntegration",
        "serializeEnvelope",
        "setContext",
        "setExtra",
        "setExtras",
        "setTag",
        "setTags",
        "setUser",
        "sourceMapsIntegration",
        "withFlush",
        "withIsolationScope",
        "withScope",
      ]
    `);
  });
});

describe('@faultline/node as published', () => {
  const project = createScratchProject(['@faultline/core', '@faultline/node'], { nodeTypes: true });
  const use = `init({ dsn: '', transport: () => ({ send: async () => ({}), flush: async () => true }) });
    console.log(captureException(new Error('x')).length);`;

  it.each([
    ['esm.mjs', `import { init, captureException } from '@faultline/node';\n${use}`],
    ['cjs.cjs', `const { init, captureException } = require('@faultline/node');\n${use}`],
  ])('works from %s', (file, source) => {
    expect(project.runNode(file, `${source}\nsetTimeout(() => process.exit(0), 10);`).trim()).toBe('32');
  });

  it('ships types that resolve for both import and require', () => {
    const source = `import { init, expressErrorHandler, type NodeOptions } from '@faultline/node';
      const options: NodeOptions = { dsn: '', unhandledRejection: 'strict' }; init(options); expressErrorHandler();`;
    expect(project.typecheck({ 'typed.mts': source, 'typed.cts': source })).toBe('');
  });
});

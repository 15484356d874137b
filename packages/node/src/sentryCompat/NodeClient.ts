import { createUnboundClient, SDK_VERSION, type Client } from '@faultline/core';
import { createNodeFrameNormalizer } from '../createNodeFrameNormalizer';
import { NODE_OPTION_CHECKS, type NodeOptions } from '../nodeOptions';

/** A Faultline client made with `new NodeClient(options)` (Sentry's manual set-up). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging -- the instances are Faultline clients
export interface NodeClient extends Client {}

/**
 * Sentry's `NodeClient`, for the manual set-up of its docs: `const client = new NodeClient({ dsn,
 * transport: makeNodeTransport, stackParser: defaultStackParser, integrations: [...] })`, then
 * `setCurrentClient(client)` and `client.init()`. It runs exactly the integrations given (no defaults).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class NodeClient {
  constructor(options: NodeOptions) {
    return createUnboundClient(
      options,
      {
        platform: 'node',
        sdk: { name: 'faultline.javascript.node', version: SDK_VERSION },
        defaultIntegrations: [],
        normalizeFrame: createNodeFrameNormalizer(),
      },
      NODE_OPTION_CHECKS,
    ) as NodeClient;
  }
}

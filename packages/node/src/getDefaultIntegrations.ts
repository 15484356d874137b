import { getCoreDefaultIntegrations, type Integration } from '@faultline/core';
import { contextLinesIntegration } from './integrations/contextLinesIntegration';
import { gracefulShutdownIntegration } from './integrations/gracefulShutdownIntegration';
import { httpClientIntegration } from './integrations/httpClientIntegration';
import { httpServerIntegration } from './integrations/httpServerIntegration';
import { nodeContextIntegration } from './integrations/nodeContextIntegration';
import { processHandlersIntegration } from './integrations/processHandlersIntegration';
import { processSessionIntegration } from './integrations/processSessionIntegration';
import { sourceMapsIntegration } from './integrations/sourceMapsIntegration';
import type { NodeOptions } from './nodeOptions';

/** What `init` runs unless told otherwise; replace one by passing an instance of the same name. */
export function getDefaultIntegrations(options: NodeOptions = {}): Integration[] {
  return [
    ...getCoreDefaultIntegrations(),
    processHandlersIntegration(options),
    processSessionIntegration(),
    httpServerIntegration(),
    httpClientIntegration(),
    nodeContextIntegration(),
    // Source maps first: context lines are read from the original (mapped) file.
    sourceMapsIntegration(),
    contextLinesIntegration(),
    gracefulShutdownIntegration({ timeout: options.shutdownTimeout }),
  ];
}

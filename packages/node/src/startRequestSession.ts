import type { ServerResponse } from 'node:http';
import { getClient, getRequestSessions, type Scope } from '@faultline/core';

/**
 * Counts an incoming request as a session (request mode), unless the current client's `HttpServer`
 * integration says `sessions: false`: its errors mark it through `isolationScope`, and it ends when its
 * response closes. Never throws.
 */
export function startRequestSession(isolationScope: Scope, response: ServerResponse): void {
  const client = getClient();
  if ((client?.getIntegration('HttpServer') as { sessions?: boolean } | undefined)?.sessions === false) return;
  const end = getRequestSessions(client)?.start(isolationScope);
  if (end) response.once('close', end);
}

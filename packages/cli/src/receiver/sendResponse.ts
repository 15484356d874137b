import type { ServerResponse } from 'node:http';

/**
 * The one way the receiver answers: the body is serialized before the head is written, so nothing can fail
 * once the status is out, and a request that was already answered (or whose client is gone) is left alone.
 */
export function sendResponse(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  let text: string | undefined;
  try {
    text = body === undefined ? undefined : JSON.stringify(body);
  } catch {
    status = 500;
    text = JSON.stringify({ error: 'the answer could not be built' });
  }
  const head: Record<string, string | number> = {
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': headers['Access-Control-Allow-Origin'] ? 'cross-origin' : 'same-origin',
    ...headers,
  };
  if (text !== undefined) {
    head['Content-Type'] = 'application/json; charset=utf-8';
    head['Content-Length'] = Buffer.byteLength(text);
  }
  res.writeHead(status, head);
  res.end(text);
}

// The page runs only its own script and style, cannot be framed, and is not readable by other origins.
const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/** Serves one of the page's fixed files. */
export function sendPage(res: ServerResponse, type: string, text: string): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  res.writeHead(200, { ...PAGE_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

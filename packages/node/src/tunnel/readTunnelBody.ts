/** What the tunnel reads of a request body: a stream of chunks, or what a body parser already read. */
export interface TunnelBodySource extends AsyncIterable<unknown> {
  body?: unknown;
}

/**
 * The raw body (or what a body parser already read) as text, or undefined when over `maxBytes`: reading
 * stops there (the stream is destroyed), so a huge body never grows the process.
 */
export async function readTunnelBody(req: TunnelBodySource, maxBytes: number): Promise<string | undefined> {
  if (typeof req.body === 'string') return Buffer.byteLength(req.body) > maxBytes ? undefined : req.body;
  if (Buffer.isBuffer(req.body)) return req.body.length > maxBytes ? undefined : req.body.toString('utf8');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

type Streams = {
  CompressionStream?: new (format: 'gzip') => unknown;
  Blob?: new (parts: string[]) => { stream(): { pipeThrough(transform: unknown): unknown } };
  Response?: new (body: unknown) => { arrayBuffer(): Promise<ArrayBuffer> };
};

/**
 * Gzips text with the standard CompressionStream (browsers, Node ≥ 18, Deno, workers). Resolves to
 * undefined where it is missing, and the caller sends the body uncompressed.
 */
export async function gzip(text: string): Promise<Uint8Array | undefined> {
  const { CompressionStream, Blob, Response } = globalThis as Streams;
  if (!CompressionStream || !Blob || !Response) return undefined;
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

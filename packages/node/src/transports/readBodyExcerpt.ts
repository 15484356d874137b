/** Most of a response body read for the receiver's reason: a sentence quotes ~200 characters of it. */
const MAX_BYTES = 4096;

/**
 * The start of a response body as text (at most 4 KiB read): a receiver's reason for refusing an envelope.
 * A longer body is not read to its end (the stream is destroyed, and its connection with it). Never rejects.
 */
export async function readBodyExcerpt(body: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for await (const chunk of body) {
      text += decoder.decode(chunk.subarray(0, MAX_BYTES - bytes), { stream: true });
      bytes += chunk.byteLength;
      if (bytes >= MAX_BYTES) break;
    }
  } catch {
    // a body cut short: what was read is the reason
  }
  return text + decoder.decode();
}

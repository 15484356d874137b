/** Most of a response body read for the receiver's reason: a sentence quotes ~200 characters of it. */
const MAX_CHARS = 4096;

/**
 * The start of a response's body as text (about 4 KiB at most): a receiver's reason for refusing an
 * envelope. The rest is not read (the stream is cancelled). Never rejects.
 */
export async function readBodyExcerpt(response: Response): Promise<string | undefined> {
  try {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (let chunk = await reader.read(); !chunk.done && text.length < MAX_CHARS; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true });
    }
    void reader.cancel().catch(() => undefined);
    return text.slice(0, MAX_CHARS);
  } catch {
    return undefined; // no body, or one cut short
  }
}

import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** A request body read in full, or why it was not (the status to answer). */
export type BodyResult =
  { ok: true; text: string } | { ok: false; status: 400 | 413 | 415; error: string; closeConnection?: boolean };

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Reads a request body as UTF-8, decompressing gzip, deflate or br as it streams in. Both the bytes on the
 * wire and the decompressed bytes are limited to `maxBytes`: a decoder is destroyed the moment its output
 * passes the limit, so a small bomb never grows the process by more than the limit. Past a decompression
 * limit the rest of the (small) wire body is drained and dropped, so the client reads its 413.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  const makeDecoder = encoding === 'identity' || encoding === '' ? undefined : DECODERS[encoding];
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve) => {
    let settled = false;
    let verdict: BodyResult | undefined;
    const finish = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      if (!result.ok) req.resume(); // nothing more is read into memory
      resolve(result);
    };
    if (makeDecoder === undefined && encoding !== 'identity' && encoding !== '') {
      verdict = { ok: false, status: 415, error: `unsupported Content-Encoding (use gzip, deflate or br)` };
    }
    if (declared > maxBytes) {
      return finish({ ok: false, status: 413, error: `body over ${maxBytes} bytes`, closeConnection: true });
    }
    const chunks: Buffer[] = [];
    let wireBytes = 0;
    let decodedBytes = 0;
    const decoder = verdict ? undefined : makeDecoder?.();
    let wireEnded = false;
    const refuse = (result: BodyResult): void => {
      verdict ??= result;
      chunks.length = 0;
      if (decoder && !decoder.destroyed) {
        req.unpipe(decoder);
        decoder.destroy();
        req.resume();
      }
      if (wireEnded) done();
    };
    const keep = (chunk: Buffer): void => {
      if (verdict) return;
      decodedBytes += chunk.length;
      if (decodedBytes > maxBytes)
        refuse({ ok: false, status: 413, error: `body over ${maxBytes} bytes once decompressed` });
      else chunks.push(chunk);
    };
    req.on('data', (chunk: Buffer) => {
      wireBytes += chunk.length;
      if (wireBytes > maxBytes) {
        refuse({ ok: false, status: 413, error: `body over ${maxBytes} bytes` });
        finish({ ...(verdict as BodyResult & { ok: false }), closeConnection: true });
      } else if (!decoder && !verdict) keep(chunk);
    });
    req.on('error', () =>
      finish({ ok: false, status: 400, error: 'the request was cut short', closeConnection: true }),
    );
    req.on('aborted', () =>
      finish({ ok: false, status: 400, error: 'the request was cut short', closeConnection: true }),
    );
    function done(): void {
      finish(verdict ?? { ok: true, text: Buffer.concat(chunks).toString('utf8') });
    }
    req.on('end', () => {
      wireEnded = true;
      if (verdict || !decoder) done();
    });
    if (decoder) {
      decoder.on('data', keep);
      decoder.on('error', () => refuse({ ok: false, status: 400, error: `the body is not valid ${encoding}` }));
      decoder.on('end', () => {
        if (!verdict) done();
      });
      req.pipe(decoder);
    }
  });
}

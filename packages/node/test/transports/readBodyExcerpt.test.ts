import { describe, expect, it } from 'vitest';
import { readBodyExcerpt } from '../../src/transports/readBodyExcerpt';

async function* chunks(parts: string[], pulled: { count: number }): AsyncGenerator<Uint8Array> {
  for (const part of parts) {
    pulled.count++;
    yield new TextEncoder().encode(part);
  }
}

describe('readBodyExcerpt', () => {
  it('reads a short body whole, across chunks and split characters', async () => {
    const bytes = new TextEncoder().encode('entry too old — “x”');
    const pulled = { count: 0 };
    const split = async function* () {
      for (let i = 0; i < bytes.length; i += 3) {
        pulled.count++;
        yield bytes.subarray(i, i + 3);
      }
    };
    expect(await readBodyExcerpt(split())).toBe('entry too old — “x”');
  });

  it('stops reading at 4 KiB of a long body', async () => {
    const pulled = { count: 0 };
    const text = await readBodyExcerpt(
      chunks(
        Array.from({ length: 100 }, () => 'x'.repeat(1024)),
        pulled,
      ),
    );
    expect(text).toBe('x'.repeat(4096));
    expect(pulled.count).toBe(4);
  });

  it('returns what it read of a body cut short, and never rejects', async () => {
    const failing = async function* () {
      yield new TextEncoder().encode('partial');
      throw new Error('socket hang up');
    };
    expect(await readBodyExcerpt(failing())).toBe('partial');
  });
});

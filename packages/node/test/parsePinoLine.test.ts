import { expect, it } from 'vitest';
import { parsePinoLine } from '../src/logging/parsePinoLine';

it('parses a JSON object line and keeps anything else as an info record of its text', () => {
  expect(parsePinoLine('{"level":40,"msg":"slow"}\n')).toEqual({ level: 40, msg: 'slow' });
  for (const line of ['plain text\n', '[1,2]', 'null', '42', '{"cut":']) {
    expect(parsePinoLine(line)).toEqual({ level: 30, msg: line.trimEnd(), 'pino.unparsed': true });
  }
  expect((parsePinoLine('x'.repeat(20_000)).msg as string).length).toBe(8192);
});

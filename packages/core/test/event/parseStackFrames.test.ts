import { parseStackFrames } from '@faultline/core';
import { describe, expect, it } from 'vitest';

const CHROME = `TypeError: Cannot read properties of undefined (reading 'id')
    at renderCart (https://shop.example.com/assets/app.3f9a1c2b.js:12:3456)
    at HTMLButtonElement.onClick (https://shop.example.com/assets/app.3f9a1c2b.js:40:12)
    at https://cdn.example.com/node_modules/react-dom/cjs/react-dom.js:100:7`;

const FIREFOX = `renderCart@https://shop.example.com/assets/app.js:12:3456
onClick@https://shop.example.com/assets/app.js:40:12
@https://shop.example.com/assets/app.js:1:1`;

const SAFARI = `renderCart@https://shop.example.com/assets/app.js:12:3456
onClick@https://shop.example.com/assets/app.js:40:12
global code@https://shop.example.com/assets/app.js:1:1`;

const NODE = `Error: ENOENT
    at readConfig (/srv/app/src/config.js:10:11)
    at Object.<anonymous> (/srv/app/node_modules/loader/index.js:5:3)
    at Module._compile (node:internal/modules/cjs/loader:1554:14)`;

describe('parseStackFrames', () => {
  it('parses Chrome stacks oldest first', () => {
    const frames = parseStackFrames(CHROME);
    expect(frames.map((f) => f.function)).toEqual(['?', 'HTMLButtonElement.onClick', 'renderCart']);
    expect(frames[2]).toEqual({
      function: 'renderCart',
      filename: 'https://shop.example.com/assets/app.3f9a1c2b.js',
      lineno: 12,
      colno: 3456,
      in_app: true,
    });
    expect(frames[0]!.in_app).toBe(false); // under node_modules
  });

  it('parses Firefox stacks', () => {
    const frames = parseStackFrames(FIREFOX);
    expect(frames.map((f) => [f.function, f.lineno, f.colno])).toEqual([
      ['?', 1, 1],
      ['onClick', 40, 12],
      ['renderCart', 12, 3456],
    ]);
  });

  it('parses Safari stacks', () => {
    const frames = parseStackFrames(SAFARI);
    expect(frames.map((f) => f.function)).toEqual(['global code', 'onClick', 'renderCart']);
  });

  it('parses Node stacks and marks node internals and node_modules as not in-app', () => {
    const frames = parseStackFrames(NODE);
    expect(frames.map((f) => [f.filename, f.in_app])).toEqual([
      ['node:internal/modules/cjs/loader', false],
      ['/srv/app/node_modules/loader/index.js', false],
      ['/srv/app/src/config.js', true],
    ]);
  });

  it('drops the newest frames when asked (the SDK frame of a synthetic stack)', () => {
    expect(parseStackFrames(NODE, 1).map((f) => f.function)).toEqual(['Module._compile', 'Object.<anonymous>']);
  });

  it('keeps the 50 frames nearest the throw', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `    at fn${i} (/srv/app/a.js:${i + 1}:1)`);
    const frames = parseStackFrames(`Error: deep\n${lines.join('\n')}`);
    expect(frames).toHaveLength(50);
    expect(frames.at(-1)!.function).toBe('fn0');
  });

  it('returns no frames for text that is not a stack, and never throws', () => {
    expect(parseStackFrames('')).toEqual([]);
    expect(parseStackFrames('just words')).toEqual([]);
  });
});

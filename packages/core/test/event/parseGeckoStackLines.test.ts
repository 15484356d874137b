import ErrorStackParser from 'error-stack-parser';
import { describe, expect, it } from 'vitest';
import { parseGeckoStackLines } from '../../src/event/parseGeckoStackLines';

const FIREFOX = `renderCart@https://shop.example.com/assets/app.js:12:3456
onClick/<@https://shop.example.com/assets/app.js:40:12
@https://shop.example.com/assets/app.js:1:1
promise callback*load@https://shop.example.com/vendor.js:7:9`;

const SAFARI = `renderCart@https://shop.example.com/assets/app.js:12:3456
onClick@https://shop.example.com/assets/app.js:40:12
forEach@[native code]
global code@https://shop.example.com/assets/app.js:1:1`;

const pick = ({ functionName, fileName, lineNumber, columnNumber }: ErrorStackParser.StackFrame) => ({
  functionName,
  fileName,
  lineNumber,
  columnNumber,
});

describe('parseGeckoStackLines', () => {
  it.each([
    ['Firefox', FIREFOX],
    ['Safari', SAFARI],
  ])('agrees with error-stack-parser on a %s stack', (_name, stack) => {
    const expected = ErrorStackParser.parse({ stack, name: '', message: '' })
      .filter((frame) => frame.fileName !== undefined && frame.lineNumber !== undefined)
      .map(pick);
    expect(parseGeckoStackLines(stack)).toEqual(expected);
  });

  it('points Firefox eval frames at the line that called eval', () => {
    expect(
      parseGeckoStackLines('@https://a.example.com/a.js line 12 > eval:1:5\nrun@https://a.example.com/a.js:12:3'),
    ).toEqual([
      { functionName: undefined, fileName: 'https://a.example.com/a.js', lineNumber: 12, columnNumber: undefined },
      { functionName: 'run', fileName: 'https://a.example.com/a.js', lineNumber: 12, columnNumber: 3 },
    ]);
  });

  it('skips lines without a location', () => {
    expect(parseGeckoStackLines('Error: boom\nsomething else\nforEach@[native code]')).toEqual([]);
  });
});

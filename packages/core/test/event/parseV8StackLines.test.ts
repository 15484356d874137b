import ErrorStackParser from 'error-stack-parser';
import { describe, expect, it } from 'vitest';
import { parseV8StackLines } from '../../src/event/parseV8StackLines';

const pick = ({ functionName, fileName, lineNumber, columnNumber }: ErrorStackParser.StackFrame) => ({
  functionName,
  fileName,
  lineNumber,
  columnNumber,
});

const V8_STACKS = [
  new Error('here').stack!,
  `TypeError: x
    at async Promise.all (index 0)
    at new Cart (/srv/app/cart.js:3:9)
    at Object.<anonymous> (C:\\app\\src\\index.js:10:5)
    at Foo.bar [as baz] (https://shop.example.com:8080/a.js?v=1:1:99)
    at https://shop.example.com/b.js:2:3
    at Array.map (<anonymous>)
    at node:internal/main/run_main_module:28:49`,
];

// error-stack-parser (a devDependency now) is the reference these parsers were checked against.
describe('parseV8StackLines', () => {
  it.each(V8_STACKS.map((stack, i) => [i, stack]))('agrees with error-stack-parser on V8 stack %i', (_i, stack) => {
    const expected = ErrorStackParser.parse({ stack, name: '', message: '' })
      .filter((frame) => frame.fileName !== undefined && frame.lineNumber !== undefined)
      .map(pick);
    expect(parseV8StackLines(stack)).toEqual(expected);
  });

  it('points eval frames at the line that called eval', () => {
    expect(
      parseV8StackLines(
        'Error\n    at eval (eval at run (/srv/a.js:10:5), <anonymous>:1:1)\n    at run (/srv/a.js:10:5)',
      ),
    ).toEqual([
      { functionName: 'eval', fileName: '/srv/a.js', lineNumber: 10, columnNumber: 5 },
      { functionName: 'run', fileName: '/srv/a.js', lineNumber: 10, columnNumber: 5 },
    ]);
  });

  it('leaves non-V8 stacks to the Gecko parser', () => {
    expect(parseV8StackLines('fn@https://a.example.com/a.js:1:2')).toBeUndefined();
  });
});

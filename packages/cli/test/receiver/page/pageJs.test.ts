import { describe, expect, it } from 'vitest';
import { PAGE_JS } from '../../../src/receiver/page/pageJs';

describe('PAGE_JS', () => {
  it('is one script that parses, and never turns received text into HTML or code', () => {
    expect(() => new Function(PAGE_JS)).not.toThrow();
    expect(PAGE_JS).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
  });
});

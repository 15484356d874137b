import { describe, expect, it } from 'vitest';
import { parseUserAgent } from '../../src/receiver/parseUserAgent';

describe('parseUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      { name: 'Chrome Headless', version: '156.0.0.0' },
      { name: 'Linux' },
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
      { name: 'Edge', version: '126.0.2592.87' },
      { name: 'Windows', version: '10.0' },
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0',
      { name: 'Firefox', version: '127.0' },
      { name: 'macOS', version: '14.5' },
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      { name: 'Safari', version: '17.5' },
      { name: 'iOS', version: '17.5' },
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36',
      { name: 'Chrome', version: '126.0.6478.71' },
      { name: 'Android', version: '14' },
    ],
  ])('reads %s', (ua, browser, os) => {
    expect(parseUserAgent(ua)).toEqual({ browser, os });
  });

  it('gives nothing for an agent it does not know rather than a guess', () => {
    expect(parseUserAgent('node')).toEqual({ browser: undefined, os: undefined });
    expect(parseUserAgent('curl/8.5.0')).toEqual({ browser: undefined, os: undefined });
  });
});

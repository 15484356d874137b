import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultStateDir } from '../../src/transports/defaultStateDir';
import { scratch } from './journalFixtures';

let home: string;
const savedHome = process.env.HOME;
beforeEach(async () => {
  home = await scratch();
  process.env.HOME = home; // os.homedir() reads it on POSIX
});
afterEach(() => {
  process.env.HOME = savedHome;
});

describe('defaultStateDir', () => {
  it('uses the XDG state folder on Linux, or ~/.local/state when XDG_STATE_HOME is unset or relative', () => {
    expect(defaultStateDir({ XDG_STATE_HOME: path.join(home, 'xdg') }, 'linux')).toBe(
      path.join(home, 'xdg', 'faultline'),
    );
    expect(defaultStateDir({}, 'linux')).toBe(path.join(home, '.local', 'state', 'faultline'));
    expect(defaultStateDir({ XDG_STATE_HOME: 'relative/state' }, 'linux')).toBe(
      path.join(home, '.local', 'state', 'faultline'),
    );
  });

  it('uses Application Support on macOS and LOCALAPPDATA on Windows', () => {
    expect(defaultStateDir({}, 'darwin')).toBe(path.join(home, 'Library', 'Application Support', 'faultline'));
    expect(defaultStateDir({ LOCALAPPDATA: path.join(home, 'Local') }, 'win32')).toBe(
      path.join(home, 'Local', 'faultline'),
    );
    expect(defaultStateDir({}, 'win32')).toBe(path.join(home, 'AppData', 'Local', 'faultline'));
  });

  it('falls back to a folder of this user’s own in the temp folder — never the temp folder itself — when home is unusable', () => {
    const own = path.join(tmpdir(), `faultline-${process.getuid?.() ?? ''}`);
    process.env.HOME = '/nonexistent/home';
    expect(defaultStateDir({}, 'linux')).toBe(own);
    process.env.HOME = '/';
    expect(defaultStateDir({}, 'linux')).toBe(own);
  });
});

import { readFileSync } from 'node:fs';
import os from 'node:os';
import { captureException, flush } from '@faultline/node';
import { describe, expect, it } from 'vitest';
import { parseOsRelease, readOsContext } from '../src/readOsContext';
import { initNodeForTest } from './support';

const files = (map: Record<string, string>) => (file: string) => map[file];

describe('readOsContext', () => {
  it('reads the distribution from /etc/os-release and sends the kernel release as kernel_version', () => {
    const ubuntu = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nID=ubuntu\n';
    expect(readOsContext('linux', '6.8.0-45-generic', files({ '/etc/os-release': ubuntu }))).toEqual({
      name: 'Ubuntu',
      version: '24.04',
      kernel_version: '6.8.0-45-generic',
    });
    const alpine = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\n';
    expect(readOsContext('linux', '6.1.0', files({ '/usr/lib/os-release': alpine }))).toEqual({
      name: 'Alpine Linux',
      version: '3.20.3',
      kernel_version: '6.1.0',
    });
    expect(readOsContext('linux', '6.1.0', files({}))).toEqual({ name: 'Linux', kernel_version: '6.1.0' });
  });

  it('reads macOS’s product version and build, and names other platforms as Sentry does', () => {
    const plist =
      '<dict><key>ProductBuildVersion</key><string>24A335</string><key>ProductVersion</key><string>15.0</string></dict>';
    expect(
      readOsContext('darwin', '24.0.0', files({ '/System/Library/CoreServices/SystemVersion.plist': plist })),
    ).toEqual({ name: 'macOS', version: '15.0', build: '24A335', kernel_version: '24.0.0' });
    expect(readOsContext('darwin', '24.0.0', files({}))).toMatchObject({ version: '10.20' });
    expect(readOsContext('win32', '10.0.22631', files({}))).toEqual({ name: 'Windows', version: '10.0.22631' });
  });

  it('parses quoted and escaped os-release values', () => {
    expect(parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nA=\'x y\'\nB="say \\"hi\\""\n# c\n')).toEqual({
      PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)',
      A: 'x y',
      B: 'say "hi"',
    });
  });

  it.runIf(process.platform === 'linux')('is what an event from this machine carries', async () => {
    const record = initNodeForTest();
    captureException(new Error('where am I'));
    await flush(1000);
    const release = parseOsRelease(readFileSync('/etc/os-release', 'utf8'));
    expect(record.events()[0]!.contexts!.os).toEqual({
      name: release.NAME,
      version: release.VERSION_ID,
      kernel_version: os.release(),
    });
  });
});

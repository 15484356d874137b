import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The `os` context of an event, in Sentry's shape (a type, so it is a record of contexts). */
export type OsContext = {
  name: string;
  version?: string;
  build?: string;
  kernel_version?: string;
};

type ReadText = (file: string) => string | undefined;

const PLATFORM_NAMES: Record<string, string> = {
  aix: 'IBM AIX',
  freebsd: 'FreeBSD',
  openbsd: 'OpenBSD',
  sunos: 'SunOS',
  win32: 'Windows',
  android: 'Android',
};

/**
 * The operating system as Sentry's Node SDK reports it: on Linux the distribution's name and version
 * (from `/etc/os-release`, which every current distribution ships) with the kernel release as
 * `kernel_version`; on macOS the product version and build (from the file `sw_vers` reads); elsewhere
 * the platform's name and release. Reads one small file, once, when the integration is set up.
 */
export function readOsContext(
  platform: string = os.platform(),
  release: string = os.release(),
  read: ReadText = readText,
): OsContext {
  if (platform === 'linux') {
    const fields = parseOsRelease(read('/etc/os-release') ?? read('/usr/lib/os-release') ?? '');
    const version = fields.VERSION_ID ?? fields.VERSION;
    return { name: fields.NAME ?? 'Linux', ...(version ? { version } : {}), kernel_version: release };
  }
  if (platform === 'darwin') {
    const plist = read('/System/Library/CoreServices/SystemVersion.plist') ?? '';
    const version = plistString(plist, 'ProductVersion');
    const build = plistString(plist, 'ProductBuildVersion');
    return {
      name: 'macOS',
      // Sentry's fallback when the version cannot be read: derived from the Darwin kernel's major version.
      version: version ?? `10.${Number(release.split('.')[0]) - 4}`,
      ...(build ? { build } : {}),
      kernel_version: release,
    };
  }
  return { name: PLATFORM_NAMES[platform] ?? platform, version: release };
}

/** `KEY=value` and `KEY="quoted value"` lines, as os-release(5) defines them. */
export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (!match) continue;
    let value = match[2]!;
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\(["\\`$])/g, '$1');
    }
    if (value) fields[match[1]!] = value;
  }
  return fields;
}

function plistString(plist: string, key: string): string | undefined {
  return new RegExp(`<key>${key}</key>\\s*<string>([^<]*)</string>`).exec(plist)?.[1];
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').slice(0, 64 * 1024);
  } catch {
    return undefined;
  }
}

// `faultline dashboard`: the built CLI prints the dashboard it ships, also once packed and installed as a user
// gets it (npm pack: the tarball holds dashboards/).
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createScratchProject, dashboardPath } from '@faultline/test-utils';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../build/esm/cli.js', import.meta.url));
const run = async (cli: string, ...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], { maxBuffer: 1 << 24 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
};

describe('faultline dashboard', () => {
  it('prints the shipped dashboard as JSON on stdout and exits 0', async () => {
    const result = await run(CLI, 'dashboard');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(readFileSync(dashboardPath(), 'utf8'));
    expect(JSON.parse(result.stdout)).toMatchObject({ title: 'Faultline', uid: 'faultline-overview' });
  });

  it('has its own help, is listed in the overview, and refuses arguments it does not take', async () => {
    const help = await run(CLI, 'dashboard', '--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^faultline dashboard\n/);
    expect(help.stdout).toContain('Import it in Grafana');
    expect((await run(CLI, '--help')).stdout).toMatch(/^ {2}dashboard {3}Print the Grafana dashboard/m);
    const extra = await run(CLI, 'dashboard', 'extra');
    expect(extra.code).toBe(64);
    expect(extra.stderr).toContain('faultline dashboard: unexpected argument "extra"');
  });

  it('prints it from the package as npm installs it', async () => {
    const project = createScratchProject(['@faultline/core', '@faultline/node', '@faultline/cli']);
    try {
      const installed = path.join(project.dir, 'node_modules/@faultline/cli');
      const files = execFileSync('tar', ['-tzf', path.join(project.dir, 'faultline-cli-0.1.0.tgz')], {
        encoding: 'utf8',
      });
      expect(files.split('\n')).toContain('package/dashboards/faultline.json');
      const result = await run(path.join(installed, 'build/esm/cli.js'), 'dashboard');
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toBe(readFileSync(dashboardPath(), 'utf8'));
    } finally {
      rmSync(project.dir, { recursive: true, force: true });
    }
  }, 60_000);
});

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's `prometheus` package (CI installs it when missing: .ci/run). */
export const PROMETHEUS = '/usr/bin/prometheus';
export const hasPrometheus = (): boolean => existsSync(PROMETHEUS);

/** One series of an instant query's answer. */
export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

export interface RunningPrometheus {
  url: string;
  /** An instant query now, over the HTTP API; rejects when Prometheus answers an error. */
  query(expr: string): Promise<PromSample[]>;
  /** The values of a label, among the series matching `match`. */
  labelValues(label: string, match: string): Promise<string[]>;
  /** Polls `expr` until `predicate` holds for its answer; rejects with the last answer after `timeoutMs`. */
  waitFor(expr: string, predicate: (samples: PromSample[]) => boolean, timeoutMs: number): Promise<PromSample[]>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts a Prometheus of its own (never the package's service): a temporary config scraping `target` every
 * second as job `job`, its TSDB in a temporary folder, listening on a free port of 127.0.0.1.
 */
export async function startPrometheus(options: { target: string; job: string }): Promise<RunningPrometheus> {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-prometheus-'));
  const config = path.join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  scrape_timeout: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      `  - job_name: ${JSON.stringify(options.job)}`,
      '    metrics_path: /metrics',
      `    static_configs: [{ targets: [${JSON.stringify(options.target)}] }]`,
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    PROMETHEUS,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  async function api<T>(pathAndQuery: string): Promise<T> {
    const response = await fetch(`${url}${pathAndQuery}`);
    const body = (await response.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`prometheus: ${body.error} (${pathAndQuery})`);
    return body.data;
  }
  const running: RunningPrometheus = {
    url,
    async query(expr) {
      const data = await api<{ result: { metric: Record<string, string>; value: [number, string] }[] }>(
        `/api/v1/query?query=${encodeURIComponent(expr)}`,
      );
      return data.result.map(({ metric, value }) => ({ metric, value: Number(value[1]) }));
    },
    labelValues: (label, match) => api<string[]>(`/api/v1/label/${label}/values?match[]=${encodeURIComponent(match)}`),
    async waitFor(expr, predicate, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let last: PromSample[] = [];
      for (;;) {
        last = await running.query(expr);
        if (predicate(last)) return last;
        if (Date.now() > deadline) throw new Error(`${expr}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    async close() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${url}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return running;
    if (child.exitCode !== null || Date.now() > deadline) {
      await running.close();
      throw new Error(`prometheus did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

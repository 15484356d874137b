/* eslint-disable @typescript-eslint/no-explicit-any -- received payloads of any shape */
import {
  captureCheckIn,
  captureException,
  createTransport,
  flush,
  parseEnvelope,
  withMonitor,
  type MakeRequest,
} from '@faultline/core';
import { initForTest, resetCarrier, startReceiver } from '@faultline/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';

describe('captureCheckIn', () => {
  beforeEach(() => resetCarrier());

  it('sends a check_in item with the monitor config, release, environment and the trace', async () => {
    const { record } = initForTest({ release: 'jobs@2', environment: 'staging' });
    const id = captureCheckIn(
      { monitorSlug: 'import', status: 'in_progress' },
      { schedule: { type: 'interval', value: 5, unit: 'minute' }, maxRuntime: 3, failureIssueThreshold: 2 },
    );
    captureCheckIn({ checkInId: id, monitorSlug: 'import', status: 'ok', duration: 1.5 });
    await flush(1000);
    const [first, second] = record.items('check_in') as Record<string, any>[];
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(first).toEqual({
      check_in_id: id,
      monitor_slug: 'import',
      status: 'in_progress',
      release: 'jobs@2',
      environment: 'staging',
      monitor_config: {
        schedule: { type: 'interval', value: 5, unit: 'minute' },
        max_runtime: 3,
        failure_issue_threshold: 2,
      },
      contexts: {
        trace: { trace_id: expect.stringMatching(/^[0-9a-f]{32}$/), span_id: expect.stringMatching(/^[0-9a-f]{16}$/) },
      },
    });
    expect(second).toMatchObject({ check_in_id: id, status: 'ok', duration: 1.5 });
  });

  it('is a no-op before init that still returns an id', () => {
    expect(captureCheckIn({ monitorSlug: 'x', status: 'in_progress' })).toMatch(/^[0-9a-f]{32}$/);
  });

  it('counts check-ins a rate limit drops as category monitor in the next client report (real transport and HTTP)', async () => {
    const receiver = await startReceiver((_request, index) =>
      index === 0 ? { status: 200, headers: { 'X-Sentry-Rate-Limits': '60:monitor:organization' } } : { status: 200 },
    );
    try {
      const makeRequest: MakeRequest = ({ url, headers, body }) =>
        fetch(url, { method: 'POST', headers, body: body as string }).then((response) => ({
          statusCode: response.status,
          headers: { 'x-sentry-rate-limits': response.headers.get('X-Sentry-Rate-Limits') },
        }));
      initForTest({
        dsn: `http://public@127.0.0.1:${receiver.port}/1`,
        transport: (options) => createTransport(options, makeRequest),
      });
      captureCheckIn({ monitorSlug: 'first', status: 'in_progress' });
      await flush(2000);
      captureCheckIn({ monitorSlug: 'limited', status: 'in_progress' });
      captureCheckIn({ monitorSlug: 'limited', status: 'ok' });
      await flush(2000);
      captureException(new Error('after the limit'));
      await flush(2000);
      const items = receiver.accepted().flatMap((request) => parseEnvelope(request.body)[1]);
      expect(
        items.filter(([h]) => h.type === 'check_in').map(([, p]) => (p as { monitor_slug: string }).monitor_slug),
      ).toEqual(['first']);
      const reports = items
        .filter(([h]) => h.type === 'client_report')
        .flatMap(([, p]) => (p as { discarded_events: unknown[] }).discarded_events);
      expect(reports).toContainEqual({ reason: 'ratelimit_backoff', category: 'monitor', quantity: 2 });
    } finally {
      await receiver.close();
    }
  });
});

describe('withMonitor', () => {
  beforeEach(() => resetCarrier());

  it('checks in before and after a sync job, ok with its duration, and returns its value', async () => {
    const { record } = initForTest();
    expect(withMonitor('sync-job', () => 'done', { schedule: { type: 'crontab', value: '* * * * *' } })).toBe('done');
    await flush(1000);
    const [start, end] = record.items('check_in') as Record<string, any>[];
    expect(start).toMatchObject({
      monitor_slug: 'sync-job',
      status: 'in_progress',
      monitor_config: { schedule: { value: '* * * * *' } },
    });
    expect(end).toMatchObject({ monitor_slug: 'sync-job', status: 'ok', check_in_id: start!.check_in_id });
    expect(end!.duration).toBeGreaterThanOrEqual(0);
  });

  it('checks in error when the job throws or its promise rejects, and rethrows', async () => {
    const { record } = initForTest();
    expect(() =>
      withMonitor('throws', () => {
        throw new Error('sync failure');
      }),
    ).toThrow('sync failure');
    await expect(
      withMonitor('rejects', async () => {
        await new Promise((r) => setTimeout(r, 20));
        throw new Error('async failure');
      }),
    ).rejects.toThrow('async failure');
    await flush(1000);
    const statuses = (record.items('check_in') as Record<string, any>[]).map((c) => `${c.monitor_slug}:${c.status}`);
    expect(statuses).toEqual(['throws:in_progress', 'throws:error', 'rejects:in_progress', 'rejects:error']);
    const rejected = (record.items('check_in') as Record<string, any>[]).at(-1)!;
    expect(rejected.duration).toBeGreaterThanOrEqual(0.019);
  });

  it('with isolateTrace runs the job in a new trace', async () => {
    const { record } = initForTest();
    captureCheckIn({ monitorSlug: 'outside', status: 'ok' });
    withMonitor('isolated', () => undefined, { schedule: { type: 'crontab', value: '0 * * * *' }, isolateTrace: true });
    await flush(1000);
    const [outside, inside] = record.items('check_in') as Record<string, any>[];
    expect(inside!.contexts.trace.trace_id).not.toBe(outside!.contexts.trace.trace_id);
  });
});

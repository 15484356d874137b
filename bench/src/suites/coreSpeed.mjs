// Hot-path speed of @faultline/core against @sentry/core, same process, same workload:
// an Error with a cause, 5 tags, 20 breadcrumbs and a user on the scope.
import { compare, toTable } from '../harness.mjs';
import { setupFaultlineCore } from '../subjects/faultlineCore.mjs';
import { setupSentryCore } from '../subjects/sentryCore.mjs';

function fillScope(api) {
  api.setUser({ id: 'user-1842', username: 'ada' });
  api.setTags({ region: 'eu-west-1', tier: 'gold', feature: 'checkout', build: '1842', node: 'n1' });
  for (let i = 0; i < 20; i++) {
    api.addBreadcrumb({ category: 'http', message: `GET /api/items/${i} 200`, data: { status: 200, duration_ms: i } });
  }
}

export async function runCoreSpeed(options) {
  // Two more clients, alike but for the SDK's own metrics (on by default, `sdkMetrics: false`), for the cost
  // of its counters with the same history; the one bound last is the one every other row measures.
  const withMetrics = setupFaultlineCore();
  const withoutMetrics = setupFaultlineCore({ sdkMetrics: false });
  const faultline = setupFaultlineCore();
  const sentry = setupSentryCore();
  fillScope(faultline.api);
  fillScope(sentry.api);

  // A distinct message and cause per capture, so neither SDK's dedupe drops anything: every op builds and
  // sends. (Sentry's dedupe compares only exception.values[0], the innermost cause: with a shared cause it
  // silently drops every distinct error after the first, and would be measured doing no work.)
  const capture = (api) => (i) =>
    api.captureException(new Error(`Payment ${i} failed`, { cause: new TypeError(`card ${i} declined`) }));
  const subjectsFor = (make, { sends = true } = {}) => [
    { name: '@faultline/core', op: make(faultline.api), bytesPerOp: sends ? faultline.bytesPerSend : undefined },
    { name: '@sentry/core', op: make(sentry.api), bytesPerOp: sends ? sentry.bytesPerSend : undefined },
  ];

  const sections = [];
  const before = { faultline: faultline.sends(), sentry: sentry.sends() };
  sections.push(
    toTable(
      'captureException (Error + cause, 5 tags, 20 breadcrumbs, user)',
      await compare(subjectsFor(capture), options),
    ),
  );
  sections.push(
    toTable(
      'captureMessage',
      await compare(
        subjectsFor((api) => (i) => api.captureMessage(`Queue ${i} is slow`, 'warning')),
        options,
      ),
    ),
  );
  const sent = { faultline: faultline.sends() - before.faultline, sentry: sentry.sends() - before.sentry };
  // The same capture through each client in turn (bound as its round starts: `i` is 0 there).
  const through = (setup) => (i) => {
    if (i === 0) faultline.api.setCurrentClient(setup.client);
    capture(faultline.api)(i);
  };
  sections.push(
    toTable(
      'captureException, the SDK’s own metrics (getSdkMetrics, Prometheus) on and off',
      await compare(
        [
          {
            name: '@faultline/core (metrics on, default)',
            op: through(withMetrics),
            bytesPerOp: withMetrics.bytesPerSend,
          },
          {
            name: '@faultline/core (sdkMetrics: false)',
            op: through(withoutMetrics),
            bytesPerOp: withoutMetrics.bytesPerSend,
          },
          { name: '@sentry/core', op: capture(sentry.api), bytesPerOp: sentry.bytesPerSend },
        ],
        options,
      ),
    ),
  );
  faultline.api.setCurrentClient(faultline.client);
  const counted = faultline.api.getSdkMetrics(withMetrics.client)?.eventsCaptured.error ?? 0;
  if (counted === 0) throw new Error('the metrics-on client counted no capture: the comparison would be void');
  if (faultline.api.getSdkMetrics(withoutMetrics.client) !== undefined)
    throw new Error('sdkMetrics: false kept metrics');
  // Breadcrumbs last: they fill each scope's buffer to its 100-entry limit.
  sections.push(
    toTable(
      'addBreadcrumb',
      await compare(
        subjectsFor((api) => (i) => api.addBreadcrumb({ category: 'ui.click', message: `button#${i}`, data: { i } }), {
          sends: false,
        }),
        options,
      ),
    ),
  );
  return { markdown: sections.join('\n'), sent };
}

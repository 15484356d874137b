import { endSessions, flush, getClient, getSessionTracker, installOnce, type Integration } from '@faultline/core';

/**
 * Release health for a job or a CLI (a process that serves no HTTP request): one session from `init` to
 * the end, sent once at its end unless an error changed it earlier (then with that error's event):
 * `exited` when the event loop empties (with exit code 0) or `close()` is called, `crashed` (in the crash event's envelope)
 * when an uncaught error ends the process, `abnormal` when a signal the SDK handles ends it (see
 * `gracefulShutdownIntegration`) or `process.exit()` is called, or the loop empties, with an exit code other than 0. Once the process
 * answers an HTTP request it is a server: the process session is dropped and each request is a session
 * instead (`httpServerIntegration`), as Sentry's session spec asks. Off with `autoSessionTracking: false`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function processSessionIntegration(): Integration {
  return {
    name: 'ProcessSession',
    setup(client) {
      const sessions = getSessionTracker(client);
      if (!sessions) return;
      sessions.start({ duration: true });
      installOnce('process-session', install);
    },
  };
}

function install(): () => void {
  const onBeforeExit = (code: number): void => {
    // The loop emptied: a normal end, unless `process.exitCode` says otherwise (then as `process.exit(code)`
    // would be counted). The flush keeps the process alive until the update is delivered; beforeExit comes
    // again after it, and then nothing is left to end.
    if (endSessions(code === 0 ? 'exited' : 'abnormal')) void flush(2000);
  };
  // process.exit(): too late to deliver, but what the journal keeps at exit is sent by the next start
  // (written now, whether or not gracefulShutdownIntegration's exit hook comes after this one).
  // A server's aggregates are sent by endSessions too (its process session was dropped, so it says false).
  const onExit = (code: number): void => {
    endSessions(code === 0 ? 'exited' : 'abnormal');
    getClient()?.persistSync?.();
  };
  process.on('beforeExit', onBeforeExit);
  process.on('exit', onExit);
  return () => {
    process.off('beforeExit', onBeforeExit);
    process.off('exit', onExit);
  };
}

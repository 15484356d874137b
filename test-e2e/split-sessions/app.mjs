// An app as a bundler with code splitting ships it (esbuild, see splitSessions.spec.ts), with release
// health on as a user has it (a release). Its first lines navigate (`?navigations=N` pushStates) and then
// throw (`?throw=<message>`), long before the SDK's pipeline chunk can have arrived. `window.marks` holds
// the wall-clock time around init and around each pushState, for the test to check the sessions' times.
import { browserSessionIntegration, captureException, init, setUser } from '@faultline/browser';

const params = new URLSearchParams(location.search);
const sessions = params.get('sessions'); // 'off' | 'removed' | 'page' | null (the default)
const marks = [Date.now()];
window.marks = marks;
init({
  dsn: `http://publickey@${location.host}/1`,
  release: 'e2e@1.0.0',
  environment: 'e2e',
  ...(sessions === 'off' ? { autoSessionTracking: false } : {}),
  integrations: (defaults) => {
    // Without Dedupe, which would hide an error the split itself sent twice.
    const kept = defaults.filter(
      (integration) =>
        integration.name !== 'Dedupe' &&
        !(integration.name === 'BrowserSession' && (sessions === 'removed' || sessions === 'page')),
    );
    return sessions === 'page' ? [...kept, browserSessionIntegration({ lifecycle: 'page' })] : kept;
  },
});
marks.push(Date.now());
setUser({ id: 'shopper-7' });
window.handle = (message) => captureException(new Error(message));
window.navigate = (step) => history.pushState({}, '', `${location.pathname}${location.search}#${step}`);
for (let step = 1; step <= Number(params.get('navigations') ?? 0); step++) {
  marks.push(Date.now());
  window.navigate(`step-${step}`);
  marks.push(Date.now());
}
if (params.has('throw')) throw new TypeError(params.get('throw'));

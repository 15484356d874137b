// An app as a bundler with code splitting ships it (esbuild, see split.spec.ts): its first lines start
// Faultline and then throw, long before the SDK's pipeline chunk can have arrived.
import { addBreadcrumb, init } from '@faultline/browser';

init({
  dsn: `http://publickey@${location.host}/1`,
  release: 'e2e@1.0.0',
  // Without Dedupe, which would hide an error the split itself sent twice.
  integrations: (defaults) => defaults.filter((integration) => integration.name !== 'Dedupe'),
});
addBreadcrumb({ category: 'app', message: 'booting' });
// `?page=<name>` names the page in the message, for the tests that load it twice.
const name = new URLSearchParams(location.search).get('page');
throw new TypeError(`thrown in the first line${name ? ` of ${name}` : ''}`);

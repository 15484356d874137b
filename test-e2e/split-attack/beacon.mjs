// The beacon-path attack app (see beaconPath.spec.ts): `init({ dsn })` with the default integrations
// (Dedupe on), then what the query asks for, in the page's first lines — before the pipeline chunk arrives.
//   ?async           beforeSend returns a promise (an app that looks something up before sending)
//   ?throwing        beforeSend throws;  ?rejects  beforeSend returns a promise that rejects
//   ?scoped          a tag, a user with an email, a context and a breadcrumb before the throw
//   ?refuse          navigator.sendBeacon refuses everything (the 64 KiB in-flight quota is used up)
//   ?getter          captureException of an object whose getter throws
//   ?huge            throws an Error with a 300,000-character message
//   ?throw=<text>    throws an Error with that message
import { addBreadcrumb, captureException, init, setContext, setTag, setUser } from '@faultline/browser';

const query = new URLSearchParams(location.search);
if (query.has('refuse')) window.navigator.sendBeacon = () => false;
init({
  dsn: `http://publickey@${location.host}/1`,
  release: 'e2e@1.0.0',
  ...(query.has('async') ? { beforeSend: async (event) => event } : {}),
  ...(query.has('throwing') ? { beforeSend: () => JSON.parse('{ not json') } : {}),
  ...(query.has('rejects') ? { beforeSend: () => Promise.reject(new Error('beforeSend rejected')) } : {}),
});
if (query.has('scoped')) {
  setTag('area', 'checkout');
  setUser({ id: '42', email: 'ada.lovelace@example.com' });
  setContext('cart', { items: 3 });
  addBreadcrumb({ category: 'app', message: 'booting' });
}
if (query.has('getter')) {
  captureException({
    code: 'E_GETTER',
    get detail() {
      throw new Error('a getter that throws');
    },
  });
}
if (query.has('huge')) throw new Error(`huge ${'x'.repeat(300_000)}`);
const text = query.get('throw');
if (text !== null) throw new Error(text);

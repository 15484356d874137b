// The attack suite's app (see splitAttack.spec.ts): `init({ dsn })` as a user writes it, then what the
// query asks for, in the page's first lines — long before the SDK's pipeline chunk can have arrived.
//   ?storage=throws  localStorage.setItem throws (Safari private mode, a full quota), set before init
//   ?throw=<text>    throws an Error with that message in the first line
//   ?rewrap          the thrown error's message is rewritten after it was made (its stack keeps the old one)
//   ?cause           the thrown error has a cause carrying personal data
//   ?release=<r>     the release given to init
//   ?again=<r>       init called a second time at once, with release <r> (an app's two entry points, HMR)
//   ?flush           captureMessage('flushed'), then window.flushed = await flush(2000)
//   ?logs=<n>        logs n lines '<throw> log 0' … first (beyond the 100 records that may wait, a log is lost)
import { addBreadcrumb, captureMessage, flush, init, logger } from '@faultline/browser';

const query = new URLSearchParams(location.search);
if (query.get('storage') === 'throws') {
  window.Storage.prototype.setItem = () => {
    throw new window.DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}
init({
  dsn: `http://publickey@${location.host}/1`,
  release: query.get('release') ?? 'e2e@1.0.0',
  integrations: (defaults) => defaults.filter((integration) => integration.name !== 'Dedupe'),
});
const again = query.get('again');
if (again !== null) {
  init({
    dsn: `http://publickey@${location.host}/1`,
    release: again,
    integrations: (defaults) => defaults.filter((integration) => integration.name !== 'Dedupe'),
  });
}
addBreadcrumb({ category: 'app', message: 'booting' });
for (let i = 0; i < Number(query.get('logs') ?? 0); i++) logger.info(`${query.get('throw')} log ${i}`);
if (query.has('flush')) {
  captureMessage('flushed');
  window.flushed = await flush(2000);
}
const text = query.get('throw');
if (text !== null) {
  const error = query.has('cause')
    ? new Error(text, { cause: new Error('inner: the row of ada.lovelace@example.com was locked') })
    : new Error(query.has('rewrap') ? `${text} for ada.lovelace@example.com` : text);
  // A wrapper adding context, as many libraries do: the stack's first line still says what it said.
  if (query.has('rewrap')) error.message = `checkout: ${text}`;
  throw error;
}

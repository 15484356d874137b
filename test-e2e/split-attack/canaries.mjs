// The first lines of a page planting the privacy canaries (packages/test-utils privacyCanaries) in every
// signal an app fills before the SDK's pipeline chunk can have arrived: scope user, tags, extra, contexts
// and attributes, breadcrumb data five levels deep, a fetch breadcrumb, a log, a message with hint data,
// a capture context, an Error in extra, and an uncaught error. `?quiet` loads it without planting.
import {
  addBreadcrumb,
  captureException,
  captureMessage,
  init,
  logger,
  setAttributes,
  setContext,
  setExtra,
  setTag,
  setUser,
} from '@faultline/browser';
import { CANARY, CANARY_QUERY, CANARY_TEXT, canaryData } from '../../packages/test-utils/src/privacyCanaries';

init({
  dsn: `http://publickey@${location.host}/1`,
  release: 'e2e@1.0.0',
  integrations: (defaults) => defaults.filter((integration) => integration.name !== 'Dedupe'),
});
if (!new URLSearchParams(location.search).has('quiet')) {
  const deep = { one: { two: { three: { four: { five: canaryData() } } } } };
  setUser({ id: 'u-canary', email: CANARY.email, ip_address: CANARY.ip, username: CANARY.email });
  setTag('contact', CANARY.email);
  setExtra('form', canaryData());
  setExtra('failure', new Error(`extra ${CANARY_TEXT}`));
  setContext('payment', deep);
  setAttributes({ customer: CANARY.email, session_token: CANARY.token });
  addBreadcrumb({ category: 'auth', message: `breadcrumb ${CANARY_TEXT}`, data: deep });
  logger.info(`log ${CANARY_TEXT}`, { ...canaryData(), deep });
  captureMessage(`message ${CANARY_TEXT}`, { extra: deep, tags: { note: CANARY.email } });
  captureException(new Error(`handled ${CANARY_TEXT}`), { data: deep, contexts: { order: canaryData() } });
  await fetch(`/api/ok?${CANARY_QUERY}`, { headers: { authorization: CANARY.bearer } });
  throw new Error(`uncaught ${CANARY_TEXT}`);
}

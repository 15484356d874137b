// A page whose first error carries personal data everywhere an app puts it (see split.spec.ts): in the
// message, a tag, the user and a breadcrumb. `?quiet` loads it without throwing.
import { addBreadcrumb, init, setTag, setUser } from '@faultline/browser';

init({
  dsn: `http://publickey@${location.host}/1`,
  release: 'e2e@1.0.0',
  integrations: (defaults) => defaults.filter((integration) => integration.name !== 'Dedupe'),
});
setUser({ id: 'u-42', email: 'ada.lovelace@example.com', username: 'ada' });
setTag('contact', 'ada.lovelace@example.com');
addBreadcrumb({ category: 'fetch', message: 'Authorization: Bearer abcdefgh12345678' });
if (!new URLSearchParams(location.search).has('quiet')) {
  throw new Error('card 4111 1111 1111 1111 of ada.lovelace@example.com refused (Bearer abcdefgh12345678)');
}

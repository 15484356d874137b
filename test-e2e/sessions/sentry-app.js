// The scenario of app.js with @sentry/browser (bundled by the test): a session per page load and route.
/* global Sentry */
Sentry.init({
  dsn: 'http://publickey@' + location.host + '/1',
  release: 'shop@1.4.2',
  environment: 'e2e',
  integrations: function (defaults) {
    return defaults
      .filter(function (integration) {
        return integration.name !== 'BrowserSession';
      })
      .concat([Sentry.browserSessionIntegration({ lifecycle: 'route' })]);
  },
});
Sentry.setUser({ id: 'shopper-7', email: 'ada@example.com' });
window.navigate = function (path) {
  history.pushState({}, '', path);
};
window.crash = function (message) {
  setTimeout(function crashThePage() {
    throw new Error(message);
  });
};

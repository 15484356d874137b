// The browser half of the demo: @faultline/browser from the CDN bundle, reporting to `faultline dev`.
// The DSN comes from the page URL (?dsn=…), so the demo can point it at whatever port the receiver got.
Faultline.init({ dsn: new URLSearchParams(location.search).get('dsn'), release: 'demo@1.0.0', environment: 'demo' });
Faultline.setUser({ id: 'shopper-7', email: 'ada@example.com' }); // the email must arrive scrubbed
Faultline.setTag('page', 'checkout');
Faultline.logger.info('Shop page loaded');
document.getElementById('pay').addEventListener('click', function onPay() {
  fetch('/api/checkout?cart=c-88').then(function (response) {
    document.getElementById('status').textContent = 'HTTP ' + response.status;
    if (response.ok) return;
    return response.json().then(function (body) {
      // The server's answer travels as the error's cause: the event carries both (linked errors).
      throw new Error('Checkout failed with HTTP ' + response.status, {
        cause: new Error('Server said: ' + body.error),
      });
    });
  });
});

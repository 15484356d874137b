Faultline.init({ dsn: 'http://publickey@' + location.host + '/1', release: 'e2e@1.0.0' });
function explodeOnPurpose() {
  throw new TypeError('boom from the page');
}
document.getElementById('go').addEventListener('click', function handleClick() {
  explodeOnPurpose();
});

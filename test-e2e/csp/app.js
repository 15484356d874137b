Faultline.init({ dsn: 'http://publickey@' + location.host + '/1' });
document.getElementById('go').addEventListener('click', function () {
  throw new Error('thrown under a strict CSP');
});

Faultline.init({ dsn: 'http://publickey@' + location.host + '/1' });
document.getElementById('go').addEventListener('click', function () {
  Faultline.captureException(new Error('right before leaving'));
  location.href = '/beacon/next.html';
});

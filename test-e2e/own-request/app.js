Faultline.init({ dsn: 'http://publickey@' + location.host + '/1' });
document.getElementById('first').addEventListener('click', function () {
  Faultline.captureException(new Error('first'));
});
document.getElementById('second').addEventListener('click', function () {
  Faultline.captureException(new Error('second'));
});

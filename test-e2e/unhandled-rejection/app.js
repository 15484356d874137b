Faultline.init({ dsn: 'http://publickey@' + location.host + '/1' });
document.getElementById('error').addEventListener('click', function () {
  Promise.reject(new RangeError('rejected with an Error'));
});
document.getElementById('string').addEventListener('click', function () {
  Promise.reject('rejected with a string');
});

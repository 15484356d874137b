Faultline.init({ dsn: 'http://publickey@' + location.host + '/1' });
var crossOrigin = new URLSearchParams(location.search).get('cross');
document.getElementById('go').addEventListener('click', function () {
  Promise.all([fetch('/api/same-origin'), fetch(crossOrigin + '/cross-origin')]).then(function () {
    Faultline.captureMessage('both calls done');
  });
});

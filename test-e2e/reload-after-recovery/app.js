// The default setup: `init({ dsn })` and nothing else. The receiver may be another host (a slow one).
var receiver = new URLSearchParams(location.search).get('receiver') || location.host;
Faultline.init({ dsn: 'http://publickey@' + receiver + '/1' });
window.captureErrors = function (prefix, count) {
  for (var i = 0; i < count; i++) Faultline.captureException(new Error(prefix + ' ' + i));
};

// The default setup, `init({ dsn })` and nothing else, pointed at the receiver in another process.
// `Faultline` is the CDN file's global (cdn.html) or the ESM build's namespace (esm.html).
var params = new URLSearchParams(location.search);
Faultline.init({ dsn: 'http://public@' + params.get('receiver') + '/1' });
window.captureErrors = function (prefix, count) {
  for (var i = 0; i < count; i++) Faultline.captureException(new Error(prefix + ' ' + i));
};
// Whether this page was restored from the back/forward cache, and how often it was shown.
window.shown = [];
window.addEventListener('pageshow', function (event) {
  window.shown.push(event.persisted);
});

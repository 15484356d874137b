// The default setup, as a user writes it (release health needs a release); options from the query string.
var params = new URLSearchParams(location.search);
var options = { dsn: 'http://publickey@' + location.host + '/1', release: 'shop@1.4.2', environment: 'e2e' };
if (params.has('sampleRate')) options.sampleRate = Number(params.get('sampleRate'));
Faultline.init(options);
Faultline.setUser({ id: 'shopper-7', email: 'ada@example.com' });
window.navigate = function (path) {
  history.pushState({}, '', path);
};
window.handle = function (message) {
  Faultline.captureException(new Error(message));
};
window.crash = function (message) {
  setTimeout(function crashThePage() {
    throw new Error(message);
  });
};
// How many envelopes wait in this origin's IndexedDB queues.
window.queued = async function () {
  var total = 0;
  for (var info of await window.indexedDB.databases()) {
    if (info.name.indexOf('faultline-queue') !== 0) continue;
    total += await new Promise(function (resolve, reject) {
      var open = window.indexedDB.open(info.name);
      open.onerror = reject;
      open.onsuccess = function () {
        var request = open.result.transaction('envelopes').objectStore('envelopes').count();
        request.onsuccess = function () {
          open.result.close();
          resolve(request.result);
        };
      };
    });
  }
  return total;
};

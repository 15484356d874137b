// Options come from the query string, so one page serves every scenario.
var params = new URLSearchParams(location.search);
Faultline.init({
  dsn: 'http://publickey@' + (params.get('receiver') || location.host) + '/1',
  integrations: function (defaults) {
    // Only what the queue scenarios look at: no console or DOM noise, no dedupe of look-alike events.
    return defaults.filter(function (integration) {
      return ['GlobalHandlers', 'PageHide', 'EventFilters'].indexOf(integration.name) >= 0;
    });
  },
  delivery: { retryBaseMs: 200, retryMaxMs: Number(params.get('retryMaxMs') || 2000) },
});
window.captureMany = function (prefix, count) {
  for (var i = 0; i < count; i++) Faultline.captureMessage(prefix + ' ' + i);
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

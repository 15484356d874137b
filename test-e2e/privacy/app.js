// The privacy page: `init({ dsn })` as a user writes it (plus what the test asks for in
// window.__privacy.options: a tunnel, scrubbing off), and the functions the test calls to plant the
// canaries in every browser signal and to read what the IndexedDB journal holds.
/* global failInline, localStorage, indexedDB, Blob, DecompressionStream, Response, TextDecoder */
(function () {
  var config = window.__privacy;
  Faultline.init(Object.assign({ dsn: config.dsn }, config.options));

  /** Every browser signal gets the secrets: scope data, breadcrumbs, console, fetch, logs, errors. */
  window.attack = async function (c) {
    Faultline.setUser({ id: 'u-privacy', email: c.canary.email, ip_address: c.canary.ip });
    Faultline.setTag('contact', c.canary.email);
    Faultline.setExtra('form', c.data);
    Faultline.setContext('payment', c.data);
    Faultline.addBreadcrumb({ category: 'auth', message: 'breadcrumb ' + c.text, data: c.data });
    console.log('privacy console', c.data);
    await fetch('/api/ok?' + c.query, { headers: { authorization: c.canary.bearer } });
    Faultline.logger.info('privacy logger', c.data);
    Faultline.captureMessage('privacy message ' + c.text);
    Faultline.captureException(new Error('privacy exception ' + c.text));
    // Uncaught, from an inline script: the global handler captures it with the page URL in its frames.
    setTimeout(function () {
      failInline(c.text);
    });
  };

  /** Everything IndexedDB and localStorage hold, as text (gzipped bodies inflated). */
  window.storedText = async function () {
    var parts = [JSON.stringify(Object.assign({}, localStorage))];
    var databases = await indexedDB.databases();
    for (var d = 0; d < databases.length; d++) {
      var db = await new Promise(function (resolve, reject) {
        var request = indexedDB.open(databases[d].name);
        request.onsuccess = function () {
          resolve(request.result);
        };
        request.onerror = reject;
      });
      var names = Array.from(db.objectStoreNames);
      for (var s = 0; s < names.length; s++) {
        var values = await new Promise(function (resolve, reject) {
          var request = db.transaction(names[s]).objectStore(names[s]).getAll();
          request.onsuccess = function () {
            resolve(request.result);
          };
          request.onerror = reject;
        });
        for (var v = 0; v < values.length; v++) parts.push(await textOf(values[v]));
      }
      db.close();
    }
    return parts.join('\n');
  };

  async function textOf(value) {
    if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
      var bytes = new Uint8Array(value);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
        var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
        return new Response(stream).text();
      }
      return new TextDecoder().decode(bytes);
    }
    if (value && typeof value === 'object') {
      var out = [];
      for (var key in value) out.push(key + ': ' + (await textOf(value[key])));
      return out.join('\n');
    }
    return String(value);
  }
})();

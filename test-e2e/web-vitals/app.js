Faultline.init({
  dsn: 'http://publickey@' + location.host + '/1',
  integrations: function (defaults) {
    return defaults.concat([Faultline.webVitalsIntegration()]);
  },
});
document.getElementById('go').addEventListener('click', function () {
  var until = performance.now() + 60; // a slow handler, so the interaction has something to measure
  while (performance.now() < until);
  document.body.appendChild(document.createElement('p')).textContent = 'clicked';
});

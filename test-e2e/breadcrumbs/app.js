Faultline.init({ dsn: 'http://publickey@' + location.host + '/1' });
document.getElementById('go').addEventListener('click', function () {
  console.log('about to load data', { step: 1 });
  fetch('/api/data?page=2').then(function () {
    history.pushState({}, '', '/breadcrumbs/step-2');
    setTimeout(function () {
      throw new Error('after the breadcrumbs');
    });
  });
});

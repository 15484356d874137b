// Runs while the page is still parsing: long before `load`, before the complete file is asked for.
console.info('the first line of the app');
Faultline.addBreadcrumb({ category: 'app', message: 'set up the store' });
Faultline.setTag('stage', 'early');
function startTheApp() {
  throw new TypeError('thrown before load');
}
startTheApp();

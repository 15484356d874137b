window.__violations = [];
document.addEventListener('securitypolicyviolation', function (event) {
  window.__violations.push(event.violatedDirective + ' ' + event.blockedURI);
});

// The ESM build of @faultline/browser as an app's bundler ships it (esbuild, see privacy.spec.ts). The
// page script is the CDN page's app.js, run once the SDK is on window.
import * as Faultline from '@faultline/browser';

window.Faultline = Faultline;
const script = document.createElement('script');
script.src = '/privacy/app.js';
document.head.append(script);

// What an app bundles: the ESM build of @faultline/browser (its package.json `import` condition).
import * as Faultline from '@faultline/browser';

window.Faultline = Faultline;

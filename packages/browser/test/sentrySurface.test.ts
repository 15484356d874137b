// The runtime exports of @sentry/browser (as installed) against @faultline/browser (as built: run
// `npm run build` first); prints present / inert / absent counts and checks the root README's table.
import * as browser from '@faultline/browser';
import { describeSentrySurface } from '@faultline/test-utils';

describeSentrySurface('browser', browser);

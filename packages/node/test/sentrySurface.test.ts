// The runtime exports of @sentry/node (as installed) against @faultline/node (as built: run
// `npm run build` first); prints present / inert / absent counts and checks the root README's table.
import * as node from '@faultline/node';
import { describeSentrySurface } from '@faultline/test-utils';

describeSentrySurface('node', node);

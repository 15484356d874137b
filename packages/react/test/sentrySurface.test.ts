// The runtime exports of @sentry/react (as installed) against @faultline/react (as built: run
// `npm run build` first); prints present / inert / absent counts and checks the root README's table.
import * as react from '@faultline/react';
import { describeSentrySurface } from '@faultline/test-utils';

describeSentrySurface('react', react);

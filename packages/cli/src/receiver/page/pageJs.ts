import { PAGE_CHART_JS } from './pageChartJs';
import { PAGE_DOM_JS } from './pageDomJs';
import { PAGE_EVENT_JS } from './pageEventJs';
import { PAGE_HOME_JS } from './pageHomeJs';
import { PAGE_ISSUE_JS } from './pageIssueJs';
import { PAGE_LIVE_JS } from './pageLiveJs';
import { PAGE_RELEASES_JS } from './pageReleasesJs';
import { PAGE_SDK_HEALTH_JS } from './pageSdkHealthJs';

/**
 * The page's script, served as one file: it reads the receiver's JSON views and live feed and renders them
 * with DOM calls only (text never goes through HTML). Written as plain browser JavaScript, so the page
 * needs no framework and no build step; split into parts by concept only to keep each source file small.
 */
export const PAGE_JS = [
  "'use strict';",
  '(() => {',
  PAGE_DOM_JS,
  PAGE_CHART_JS,
  PAGE_HOME_JS,
  PAGE_RELEASES_JS,
  PAGE_SDK_HEALTH_JS,
  PAGE_ISSUE_JS,
  PAGE_EVENT_JS,
  PAGE_LIVE_JS,
  '})();',
].join('\n');

import { getClient, installOnce, type Integration } from '@faultline/core';
import { sendBeacon } from '../transports/sendBeacon';

/**
 * When the page is hidden or unloaded, moves buffered logs into the queue and hands what can land (its
 * destination healthy, not paused or rate limited, the browser online) to `sendBeacon`; in-flight keepalive
 * requests finish on their own, and the rest stays in IndexedDB for the next page load, or for this page
 * when it is shown again.
 */
/* @__NO_SIDE_EFFECTS__ */
export function pageHideIntegration(): Integration {
  return {
    name: 'PageHide',
    setup() {
      installOnce('page-hide', install);
    },
  };
}

function install(): void {
  const onHide = (): void => {
    try {
      const client = getClient();
      if (!client) return;
      void client.flush(); // moves buffered logs into the transport's queue, synchronously
      void client.getTransport()?.handOff?.(sendBeacon);
    } catch {
      // the page is leaving; nothing to report to
    }
  };
  addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') onHide();
  });
}

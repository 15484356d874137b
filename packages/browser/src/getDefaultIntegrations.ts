import { getCoreDefaultIntegrations, type Integration } from '@faultline/core';
import { browserContextIntegration } from './integrations/browserContextIntegration';
import { browserSessionIntegration } from './integrations/browserSessionIntegration';
import { consoleBreadcrumbsIntegration } from './integrations/consoleBreadcrumbsIntegration';
import { debugIdsIntegration } from './integrations/debugIdsIntegration';
import { domBreadcrumbsIntegration } from './integrations/domBreadcrumbsIntegration';
import { fetchBreadcrumbsIntegration } from './integrations/fetchBreadcrumbsIntegration';
import { globalHandlersIntegration } from './integrations/globalHandlersIntegration';
import { historyBreadcrumbsIntegration } from './integrations/historyBreadcrumbsIntegration';
import { pageHideIntegration } from './integrations/pageHideIntegration';
import { tracePropagationIntegration } from './integrations/tracePropagationIntegration';
import { xhrBreadcrumbsIntegration } from './integrations/xhrBreadcrumbsIntegration';

/** What `init` runs unless told otherwise; replace one by passing an instance of the same name. */
export function getDefaultIntegrations(): Integration[] {
  return [
    ...getCoreDefaultIntegrations(),
    globalHandlersIntegration(),
    consoleBreadcrumbsIntegration(),
    domBreadcrumbsIntegration(),
    fetchBreadcrumbsIntegration(),
    xhrBreadcrumbsIntegration(),
    historyBreadcrumbsIntegration(),
    tracePropagationIntegration(),
    browserContextIntegration(),
    debugIdsIntegration(),
    pageHideIntegration(),
    browserSessionIntegration(),
  ];
}

import * as browser from '@faultline/browser';
import { describe, expect, it } from 'vitest';

describe('@faultline/browser exports', () => {
  it('has exactly this public surface (a change here is a change of API)', () => {
    expect(Object.keys(browser).sort()).toMatchInlineSnapshot(`
      [
        "addBreadcrumb",
        "browserApiErrorsIntegration",
        "browserContextIntegration",
        "browserSessionIntegration",
        "captureErrors",
        "captureEvent",
        "captureException",
        "captureMessage",
        "close",
        "consoleBreadcrumbsIntegration",
        "continueTrace",
        "createIndexedDbJournal",
        "debugIdsIntegration",
        "dedupeIntegration",
        "domBreadcrumbsIntegration",
        "eventFiltersIntegration",
        "fetchBreadcrumbsIntegration",
        "flush",
        "getClient",
        "getCurrentScope",
        "getDefaultIntegrations",
        "getGlobalScope",
        "getIsolationScope",
        "getTraceHeaders",
        "globalHandlersIntegration",
        "historyBreadcrumbsIntegration",
        "init",
        "lastEventId",
        "logger",
        "makeFetchTransport",
        "pageHideIntegration",
        "sendBeacon",
        "setContext",
        "setExtra",
        "setExtras",
        "setTag",
        "setTags",
        "setUser",
        "tracePropagationIntegration",
        "webVitalsIntegration",
        "withIsolationScope",
        "withScope",
        "xhrBreadcrumbsIntegration",
      ]
    `);
  });

  it('runs nothing at import time: importing without a DOM does not throw', () => {
    expect(typeof browser.init).toBe('function');
  });
});

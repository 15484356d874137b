// Which of Sentry's runtime exports Faultline has as accepted no-ops ("inert"), by the feature they belong
// to, and why the rest are absent. The surface tests check this against the installed Sentry packages and
// Faultline's builds, and the root README's "Coming from Sentry" table is rendered from it.

const words = (list: string): string[] => list.trim().split(/\s+/);

const shared: Record<string, string> = {
  tracing: 'spanStreamingIntegration supabaseIntegration instrumentSupabaseClient setMeasurement withStreamedSpan',
  metrics: 'metrics',
  'feature flags (use featureFlagsIntegration)': 'statsigIntegration unleashIntegration growthbookIntegration',
  'AI monitoring': 'setConversationId',
  'not needed': 'functionToStringIntegration',
};

const byPackage: Record<'node' | 'browser' | 'react', Record<string, string>> = {
  node: {
    tracing: `amqplibIntegration connectIntegration dataloaderIntegration expressIntegration fastifyIntegration
      firebaseIntegration fsIntegration genericPoolIntegration graphqlIntegration hapiIntegration honoIntegration
      httpServerSpansIntegration kafkaIntegration knexIntegration koaIntegration lruMemoizerIntegration mongoIntegration
      mongooseIntegration mysql2Integration mysqlIntegration postgresIntegration postgresJsIntegration prismaIntegration
      redisIntegration tediousIntegration getAutoPerformanceIntegrations httpHeadersToSpanAttributes
      applyDiagnosticsChannelInjectionIntegrations diagnosticsChannelInjectionIntegrations
      experimentalUseDiagnosticsChannelInjection isDiagnosticsChannelInjectionEnabled`,
    OpenTelemetry:
      'initOpenTelemetry preloadOpenTelemetry validateOpenTelemetrySetup generateInstrumentOnce SentryContextManager',
    'AI monitoring': `anthropicAIIntegration googleGenAIIntegration langChainIntegration langGraphIntegration openAIIntegration
      vercelAIIntegration instrumentAnthropicAiClient instrumentGoogleGenAIClient instrumentLangChainEmbeddings
      instrumentLangGraph instrumentOpenAiClient instrumentStateGraph instrumentStateGraphCompile wrapMcpServerWithSentry
      createLangChainCallbackHandler`,
    profiling: 'profiler',
    metrics: 'nodeRuntimeMetricsIntegration',
    'ANR detection': 'anrIntegration disableAnrDetectionForCallback',
    'local variables': 'localVariablesIntegration',
    'child-process breadcrumbs': 'childProcessIntegration',
    'Spotlight (use faultline dev)': 'spotlightIntegration',
  },
  browser: {
    tracing: `browserTracingIntegration bfcacheMetricsIntegration elementTimingIntegration fetchStreamPerformanceIntegration
      graphqlClientIntegration interactionsIntegration userTimingIntegration instrumentOutgoingRequests
      registerSpanErrorInstrumentation reportPageLoaded defaultRequestInstrumentationOptions withStaticSpan`,
    replay: 'replayIntegration replayCanvasIntegration getReplay',
    profiling: 'browserProfilingIntegration uiProfiler',
    'feedback widget (use captureFeedback)': `feedbackIntegration feedbackAsyncIntegration feedbackSyncIntegration getFeedback
      showReportDialog`,
    "Sentry's bundler metadata": 'moduleMetadataIntegration thirdPartyErrorFilterIntegration',
    'web worker debug ids': 'registerWebWorker webWorkerIntegration',
    'context lines of inline scripts': 'contextLinesIntegration',
    'reporting API': 'reportingObserverIntegration',
    attachments: 'viewHierarchyIntegration',
    'Spotlight (use faultline dev)': 'spotlightBrowserIntegration',
    'Opera 10–12 and WinJS stacks': 'opera10StackLineParser opera11StackLineParser winjsStackLineParser',
  },
  react: {
    tracing: `Profiler withProfiler useProfiler reactRouterBrowserTracingIntegration reactRouterV3BrowserTracingIntegration
      reactRouterV4BrowserTracingIntegration reactRouterV5BrowserTracingIntegration reactRouterV6BrowserTracingIntegration
      reactRouterV7BrowserTracingIntegration tanstackRouterBrowserTracingIntegration withSentryRouting
      withSentryReactRouterV6Routing withSentryReactRouterV7Routing wrapCreateBrowserRouter wrapCreateBrowserRouterV6
      wrapCreateBrowserRouterV7 wrapCreateMemoryRouter wrapCreateMemoryRouterV6 wrapCreateMemoryRouterV7
      wrapReactRouterRouting wrapUseRoutes wrapUseRoutesV6 wrapUseRoutesV7`,
  },
};

export type SurfacePackage = keyof typeof byPackage;

/** Inert exports of a package: name → the Sentry feature it belongs to. React has the browser's too. */
export function inertExports(pkg: SurfacePackage): Map<string, string> {
  const layers = pkg === 'react' ? [shared, byPackage.browser, byPackage.react] : [shared, byPackage[pkg]];
  const map = new Map<string, string>();
  for (const layer of layers)
    for (const [feature, list] of Object.entries(layer)) for (const name of words(list)) map.set(name, feature);
  return map;
}

/** Sentry exports Faultline leaves out on purpose, with the reason the README gives. */
export const ABSENT: Record<SurfacePackage, Record<string, string>> = {
  node: {
    _INTERNAL_normalizeCollectionInterval: "an internal helper of Sentry's runtime-metrics integration, not for apps",
  },
  browser: {
    lazyLoadIntegration:
      "loads integrations from Sentry's CDN at run time; every integration is in the package: import it instead",
  },
  react: {
    lazyLoadIntegration:
      "loads integrations from Sentry's CDN at run time; every integration is in the package: import it instead",
  },
};

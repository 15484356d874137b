// One import serves a React app: everything of @faultline/browser, plus the React pieces.
// (The one `export *` the style allows.)
export * from '@faultline/browser';
export { ErrorBoundary, withErrorBoundary } from './ErrorBoundary';
export { useErrorBoundary } from './useErrorBoundary';
export { reactErrorHandler } from './reactErrorHandler';
export { FaultlineProvider } from './FaultlineProvider';
export { captureReactException } from './sentryCompat/captureReactException';
export { createReduxEnhancer } from './sentryCompat/createReduxEnhancer';
export {
  Profiler,
  useProfiler,
  withProfiler,
  withSentryReactRouterV6Routing,
  withSentryReactRouterV7Routing,
  withSentryRouting,
  wrapCreateBrowserRouter,
  wrapCreateBrowserRouterV6,
  wrapCreateBrowserRouterV7,
  wrapCreateMemoryRouter,
  wrapCreateMemoryRouterV6,
  wrapCreateMemoryRouterV7,
  wrapReactRouterRouting,
  wrapUseRoutes,
  wrapUseRoutesV6,
  wrapUseRoutesV7,
} from './sentryCompat/inertReact';
export {
  reactRouterBrowserTracingIntegration,
  reactRouterV3BrowserTracingIntegration,
  reactRouterV4BrowserTracingIntegration,
  reactRouterV5BrowserTracingIntegration,
  reactRouterV6BrowserTracingIntegration,
  reactRouterV7BrowserTracingIntegration,
  tanstackRouterBrowserTracingIntegration,
} from './sentryCompat/routerIntegrations';
export type { ErrorBoundaryProps, FallbackProps } from './ErrorBoundary';
export type { ReduxEnhancerOptions } from './sentryCompat/createReduxEnhancer';

// One import serves a React app: everything of @faultline/browser, plus the React pieces.
// (The one `export *` the style allows.)
export * from '@faultline/browser';
export { ErrorBoundary, withErrorBoundary } from './ErrorBoundary';
export { useErrorBoundary } from './useErrorBoundary';
export { reactErrorHandler } from './reactErrorHandler';
export { FaultlineProvider } from './FaultlineProvider';
export type { ErrorBoundaryProps, FallbackProps } from './ErrorBoundary';

import { noteInert, type Integration } from '@faultline/core';

// Sentry's Node functions for features Faultline does not implement (OpenTelemetry set-up, profiling,
// AI-SDK and MCP instrumentation, diagnostics-channel injection, ANR). Each can be called as in Sentry:
// wrappers return what they were given, runners run the callback; with `debug: true` each says so once.

/** Sentry's profiler (`profiler.startProfiler()`): accepted and inert. */
export const profiler = {
  startProfiler: (): void => noteInert('profiler (profiling)'),
  stopProfiler: (): void => noteInert('profiler (profiling)'),
};

/** Sentry's OpenTelemetry context manager class: accepted and inert (Faultline uses AsyncLocalStorage). */
export class SentryContextManager {
  active(): unknown {
    return undefined;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    _context: unknown,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return fn.call(thisArg, ...args);
  }
  bind<T>(_context: unknown, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    return this;
  }
}

/** Sets up OpenTelemetry for Sentry: inert (Faultline does not use OpenTelemetry). */
export function initOpenTelemetry(_client?: unknown): void {
  noteInert('initOpenTelemetry (OpenTelemetry)');
}

/** Preloads Sentry's OpenTelemetry instrumentation: inert. */
export function preloadOpenTelemetry(_options: object = {}): void {
  noteInert('preloadOpenTelemetry (OpenTelemetry)');
}

/** Checks a custom OpenTelemetry set-up: inert (there is none to check). */
export function validateOpenTelemetrySetup(): void {
  noteInert('validateOpenTelemetrySetup (OpenTelemetry)');
}

/** Sentry's helper for instrumentation packages: returns a function that does nothing. */
export function generateInstrumentOnce(
  name: string,
  _creator?: unknown,
  _options?: unknown,
): (() => void) & { id: string } {
  return Object.assign(() => noteInert(`${name} instrumentation (OpenTelemetry)`), { id: name });
}

/** Span attributes from request headers (tracing): an empty set. */
export function httpHeadersToSpanAttributes(_headers: unknown): Record<string, string> {
  return {};
}

/** Runs `callback` with ANR detection off; Faultline has no ANR detection, so it just runs it. */
export function disableAnrDetectionForCallback<T>(callback: () => T): T {
  return callback();
}

/** Sentry's span-making integrations: none here. */
export function getAutoPerformanceIntegrations(): Integration[] {
  return [];
}

/** Sentry's diagnostics-channel instrumentation list: none here. */
export function diagnosticsChannelInjectionIntegrations(): Integration[] {
  return [];
}

/** Applies diagnostics-channel instrumentation: inert. */
export function applyDiagnosticsChannelInjectionIntegrations(_integrations?: unknown, _options?: unknown): void {
  noteInert('applyDiagnosticsChannelInjectionIntegrations (tracing)');
}

/** Switches Sentry to diagnostics-channel instrumentation: inert. */
export function experimentalUseDiagnosticsChannelInjection(_enabled?: boolean): void {
  noteInert('experimentalUseDiagnosticsChannelInjection (tracing)');
}

/** Whether Sentry's diagnostics-channel instrumentation is on: never here. */
export function isDiagnosticsChannelInjectionEnabled(): boolean {
  return false;
}

/** Instruments an AI SDK client or graph for Sentry's AI monitoring: returns it unchanged. */
function inertWrapper(name: string) {
  return <T>(target: T, _options?: unknown): T => {
    noteInert(`${name} (AI monitoring)`);
    return target;
  };
}

export const instrumentAnthropicAiClient = /* @__PURE__ */ inertWrapper('instrumentAnthropicAiClient');
export const instrumentGoogleGenAIClient = /* @__PURE__ */ inertWrapper('instrumentGoogleGenAIClient');
export const instrumentLangChainEmbeddings = /* @__PURE__ */ inertWrapper('instrumentLangChainEmbeddings');
export const instrumentLangGraph = /* @__PURE__ */ inertWrapper('instrumentLangGraph');
export const instrumentOpenAiClient = /* @__PURE__ */ inertWrapper('instrumentOpenAiClient');
export const instrumentStateGraph = /* @__PURE__ */ inertWrapper('instrumentStateGraph');
export const instrumentStateGraphCompile = /* @__PURE__ */ inertWrapper('instrumentStateGraphCompile');
export const wrapMcpServerWithSentry = /* @__PURE__ */ inertWrapper('wrapMcpServerWithSentry');

/** A LangChain callback handler for Sentry's AI monitoring: one that records nothing. */
export function createLangChainCallbackHandler(_options: object = {}): Record<string, never> {
  noteInert('createLangChainCallbackHandler (AI monitoring)');
  return {};
}

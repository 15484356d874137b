import { noteInert } from '@faultline/core';
import { Component, type ComponentType, type ReactNode } from 'react';

// Sentry's React pieces for tracing (component profiling, router instrumentation). Faultline does not
// trace, so each renders or returns what it was given, unchanged; with `debug: true` each says so once.

/** Sentry's `<Profiler>`: renders its children (component spans are not made). */
export class Profiler extends Component<{ name?: string; children?: ReactNode; [prop: string]: unknown }> {
  override componentDidMount(): void {
    noteInert('Profiler (tracing)');
  }
  override render(): ReactNode {
    return this.props.children;
  }
}

/** Sentry's `withProfiler(Component)`: the component itself. */
export function withProfiler<P extends object>(
  WrappedComponent: ComponentType<P>,
  _options?: object,
): ComponentType<P> {
  noteInert('withProfiler (tracing)');
  return WrappedComponent;
}

/** Sentry's `useProfiler(name)`: does nothing. */
export function useProfiler(_name = '', _options?: object): void {}

/** Returns its argument unchanged, noting once that `name` is inert. */
function passThrough(name: string) {
  return <T>(target: T, ..._rest: unknown[]): T => {
    noteInert(`${name} (tracing)`);
    return target;
  };
}

export const withSentryRouting = /* @__PURE__ */ passThrough('withSentryRouting');
export const withSentryReactRouterV6Routing = /* @__PURE__ */ passThrough('withSentryReactRouterV6Routing');
export const withSentryReactRouterV7Routing = /* @__PURE__ */ passThrough('withSentryReactRouterV7Routing');
export const wrapCreateBrowserRouter = /* @__PURE__ */ passThrough('wrapCreateBrowserRouter');
export const wrapCreateBrowserRouterV6 = /* @__PURE__ */ passThrough('wrapCreateBrowserRouterV6');
export const wrapCreateBrowserRouterV7 = /* @__PURE__ */ passThrough('wrapCreateBrowserRouterV7');
export const wrapCreateMemoryRouter = /* @__PURE__ */ passThrough('wrapCreateMemoryRouter');
export const wrapCreateMemoryRouterV6 = /* @__PURE__ */ passThrough('wrapCreateMemoryRouterV6');
export const wrapCreateMemoryRouterV7 = /* @__PURE__ */ passThrough('wrapCreateMemoryRouterV7');
export const wrapReactRouterRouting = /* @__PURE__ */ passThrough('wrapReactRouterRouting');
export const wrapUseRoutes = /* @__PURE__ */ passThrough('wrapUseRoutes');
export const wrapUseRoutesV6 = /* @__PURE__ */ passThrough('wrapUseRoutesV6');
export const wrapUseRoutesV7 = /* @__PURE__ */ passThrough('wrapUseRoutesV7');

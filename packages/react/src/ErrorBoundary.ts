import type { Client, Scope } from '@faultline/core';
import {
  Component,
  createElement,
  isValidElement,
  type ComponentType,
  type ErrorInfo,
  type FunctionComponent,
  type ReactElement,
  type ReactNode,
} from 'react';
import { captureReactError } from './captureReactError';
import { FaultlineClientContext } from './FaultlineProvider';

export interface FallbackProps {
  error: unknown;
  componentStack: string | undefined;
  eventId: string;
  resetError(): void;
}

export interface ErrorBoundaryProps {
  children?: ReactNode;
  /** Shown instead of the children after an error: an element, or a function of the error. */
  fallback?: ReactElement | ((props: FallbackProps) => ReactNode);
  /** Render the fallback after an error (default true); false renders nothing. */
  showFallbackOnError?: boolean;
  onError?(error: unknown, componentStack: string | undefined, eventId: string): void;
  onReset?(error: unknown, componentStack: string | undefined, eventId: string): void;
  onMount?(): void;
  onUnmount?(error: unknown, componentStack: string | undefined, eventId: string): void;
  /** Change the scope of the event about to be sent (tags, level, fingerprint…). */
  beforeCapture?(scope: Scope, error: unknown, componentStack: string | undefined): void;
  /** When any of these change, an errored boundary resets and renders its children again. */
  resetKeys?: unknown[];
  /** Report to this client instead of the one from the context or `init`. */
  client?: Client;
}

interface ErrorBoundaryState {
  hasError: boolean;
  error: unknown;
  componentStack: string | undefined;
  eventId: string;
}

const INITIAL: ErrorBoundaryState = { hasError: false, error: undefined, componentStack: undefined, eventId: '' };

/**
 * Catches render errors below it, reports each once (handled, with the component stack as a linked cause
 * and as context), shows the fallback, and resets on `resetError()` or when `resetKeys` change.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  // A getter and constructor assignments rather than class fields: bundles for older targets would carry a
  // defineProperty helper for those.
  static override get contextType() {
    return FaultlineClientContext;
  }
  declare context: Client | undefined;

  constructor(props: ErrorBoundaryProps) {
    super(props);
    this.state = INITIAL;
    this.resetError = this.resetError.bind(this);
  }

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { hasError: true, error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const componentStack = info.componentStack ?? undefined;
    const { beforeCapture, onError } = this.props;
    const eventId = captureReactError(
      error,
      componentStack,
      { type: 'react.errorboundary', handled: true },
      {
        client: this.props.client ?? this.context,
        beforeCapture: beforeCapture && ((scope) => beforeCapture(scope, error, componentStack)),
      },
    );
    onError?.(error, componentStack, eventId);
    this.setState({ componentStack, eventId });
  }

  override componentDidMount(): void {
    this.props.onMount?.();
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.hasError && keysChanged(previous.resetKeys, this.props.resetKeys)) this.resetError();
  }

  override componentWillUnmount(): void {
    const { error, componentStack, eventId } = this.state;
    this.props.onUnmount?.(error, componentStack, eventId);
  }

  resetError(): void {
    const { error, componentStack, eventId } = this.state;
    this.props.onReset?.(error, componentStack, eventId);
    this.setState(INITIAL);
  }

  override render(): ReactNode {
    const { hasError, error, componentStack, eventId } = this.state;
    if (!hasError) return this.props.children;
    if (this.props.showFallbackOnError === false) return null;
    const { fallback } = this.props;
    if (typeof fallback === 'function')
      return fallback({ error, componentStack, eventId, resetError: this.resetError });
    return isValidElement(fallback) ? fallback : null;
  }
}

function keysChanged(previous: unknown[] = [], next: unknown[] = []): boolean {
  return previous.length !== next.length || previous.some((key, i) => !Object.is(key, next[i]));
}

/** Wraps a component in an ErrorBoundary with these props. */
export function withErrorBoundary<P extends object>(
  WrappedComponent: ComponentType<P>,
  options: Omit<ErrorBoundaryProps, 'children'> = {},
): FunctionComponent<P> {
  const Wrapped = (props: P) => createElement(ErrorBoundary, options, createElement(WrappedComponent, props));
  Wrapped.displayName = `ErrorBoundary(${WrappedComponent.displayName ?? WrappedComponent.name ?? 'Component'})`;
  return Wrapped;
}

// ErrorBoundary snippets from Sentry's React docs, run against Faultline with only the import changed
// (`@sentry/react` → `@faultline/react`). The JSX is written as the createElement calls it compiles to.
import { flush, type Event } from '@faultline/core';
import * as Sentry from '@faultline/react';
import { initForTest, resetCarrier } from '@faultline/test-utils';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import React, { createElement as h, Fragment, version, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

function Example(): ReactNode {
  throw new Error('Example failed');
}

describe(`Sentry's ErrorBoundary snippets against @faultline/react (React ${version})`, () => {
  beforeEach(() => {
    resetCarrier();
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React logs caught errors in dev
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('<ErrorBoundary fallback={<p>An error has occurred</p>}>', async () => {
    const { record } = initForTest();
    // <Sentry.ErrorBoundary fallback={<p>An error has occurred</p>}><Example /></Sentry.ErrorBoundary>
    render(h(Sentry.ErrorBoundary, { fallback: h('p', null, 'An error has occurred') }, h(Example)));
    expect(screen.getByText('An error has occurred')).toBeTruthy();
    await flush(100);
    expect(record.events().map((event: Event) => event.exception!.values.at(-1)!.value)).toEqual(['Example failed']);
  });

  it('beforeCapture tags, a fallback function with error, componentStack and resetError', async () => {
    const { record } = initForTest();
    class App extends React.Component<object, { message: unknown }> {
      constructor(props: object) {
        super(props);
        this.state = { message: 'This is my app' };
      }
      override render() {
        return h(
          Sentry.ErrorBoundary,
          {
            beforeCapture: (scope) => {
              scope.setTag('location', 'first');
              scope.setTag('anotherTag', 'anotherValue');
            },
            fallback: ({ error, componentStack, resetError }) =>
              h(
                Fragment,
                null,
                h('div', null, 'You have encountered an error'),
                h('div', null, String(error)),
                h('div', { 'data-testid': 'stack' }, componentStack),
                h(
                  'button',
                  {
                    onClick: () => {
                      this.setState({ message: 'This is my app' });
                      resetError();
                    },
                  },
                  'Click here to reset!',
                ),
              ),
          },
          // A React child that is an object throws while rendering: the docs' way to break the tree.
          h('div', null, this.state.message as ReactNode),
          h(
            'button',
            { onClick: () => this.setState({ message: { text: 'Hello World' } }) },
            'Click here to change message!',
          ),
        );
      }
    }
    render(h(App));
    fireEvent.click(screen.getByText('Click here to change message!'));
    expect(screen.getByText('You have encountered an error')).toBeTruthy();
    expect(screen.getByTestId('stack').textContent).toContain('div');
    fireEvent.click(screen.getByText('Click here to reset!'));
    expect(screen.getByText('This is my app')).toBeTruthy();
    await flush(100);
    const [event] = record.events();
    expect(event!.tags).toEqual({ location: 'first', anotherTag: 'anotherValue' });
    expect(event!.exception!.values.at(-1)!.mechanism).toMatchObject({ handled: true });
  });

  it('onError, onReset, onMount and onUnmount with (error, componentStack, eventId)', () => {
    initForTest();
    const calls: string[] = [];
    const { unmount } = render(
      h(
        Sentry.ErrorBoundary,
        {
          fallback: ({ resetError }) => h('button', { onClick: resetError }, 'reset'),
          onError: (error, componentStack, eventId) =>
            calls.push(`error ${String(error)} ${typeof componentStack} ${eventId.length}`),
          onReset: (error, componentStack, eventId) => calls.push(`reset ${String(error)} ${eventId.length}`),
          onMount: () => calls.push('mount'),
          onUnmount: (error) => calls.push(`unmount ${String(error)}`),
        },
        h(Example),
      ),
    );
    fireEvent.click(screen.getByText('reset'));
    unmount();
    expect(calls).toEqual([
      'mount',
      'error Error: Example failed string 32',
      'reset Error: Example failed 32',
      'error Error: Example failed string 32',
      'unmount Error: Example failed',
    ]);
  });

  it('withErrorBoundary(Example, { fallback })', () => {
    initForTest();
    const Wrapped = Sentry.withErrorBoundary(Example, { fallback: h('p', null, 'an error has occurred') });
    render(h(Wrapped));
    expect(screen.getByText('an error has occurred')).toBeTruthy();
  });
});

import { createClient, flush, getCoreDefaultIntegrations, resolveOptions } from '@faultline/core';
import type { Event, Integration } from '@faultline/core';
import {
  ErrorBoundary,
  FaultlineProvider,
  reactErrorHandler,
  useErrorBoundary,
  withErrorBoundary,
} from '@faultline/react';
import { createTestTransport, initForTest, resetCarrier } from '@faultline/test-utils';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Component, createElement as h, useState, version, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

function Thrower({ message = 'render failed' }: { message?: string }): ReactNode {
  throw new Error(message);
}
const fallback = ({ error, eventId, resetError }: { error: unknown; eventId: string; resetError(): void }) =>
  h(
    'div',
    null,
    h('p', { role: 'alert' }, `fallback: ${(error as Error).message} ${eventId.length}`),
    h('button', { onClick: resetError }, 'retry'),
  );

async function sent(record: ReturnType<typeof initForTest>['record']): Promise<Event[]> {
  await flush(100);
  return record.events();
}

describe(`ErrorBoundary (React ${version})`, () => {
  beforeEach(() => {
    resetCarrier();
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React logs caught errors in dev
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows the fallback and reports the error once, handled, with the component stack as cause and context', async () => {
    const { record } = initForTest();
    render(h(ErrorBoundary, { fallback }, h(Thrower)));
    expect(screen.getByRole('alert').textContent).toBe('fallback: render failed 32');
    const events = await sent(record);
    expect(events).toHaveLength(1);
    const values = events[0]!.exception!.values;
    expect(values.at(-1)).toMatchObject({
      type: 'Error',
      value: 'render failed',
      mechanism: { type: 'react.errorboundary', handled: true },
    });
    expect(values[0]).toMatchObject({
      type: 'React ErrorBoundary Error',
      value: 'render failed',
      mechanism: { source: 'cause' },
    });
    expect(values[0]!.stacktrace!.frames.map((f) => f.function)).toContain('Thrower');
    expect((events[0]!.contexts!.react as { componentStack: string }).componentStack).toContain('Thrower');
  });

  it('renders an element fallback, or nothing with showFallbackOnError: false', async () => {
    initForTest();
    const { unmount } = render(h(ErrorBoundary, { fallback: h('span', null, 'static fallback') }, h(Thrower)));
    expect(screen.getByText('static fallback')).toBeTruthy();
    unmount();
    const { container } = render(
      h(ErrorBoundary, { fallback: h('span', null, 'hidden'), showFallbackOnError: false }, h(Thrower)),
    );
    expect(container.innerHTML).toBe('');
  });

  it('calls onMount, beforeCapture, onError, onReset and onUnmount with the error, component stack and event id', async () => {
    const { record } = initForTest();
    const calls: string[] = [];
    const props = {
      fallback,
      onMount: () => calls.push('mount'),
      beforeCapture: (scope: { setTag(k: string, v: string): void }, error: unknown, stack: string | undefined) => {
        calls.push(`beforeCapture:${(error as Error).message}:${stack?.includes('Thrower')}`);
        scope.setTag('area', 'cart');
      },
      onError: (error: unknown, _stack: string | undefined, eventId: string) =>
        calls.push(`error:${(error as Error).message}:${eventId.length}`),
      onReset: (error: unknown) => calls.push(`reset:${(error as Error).message}`),
      onUnmount: (error: unknown) => calls.push(`unmount:${String(error)}`),
    };
    const { unmount } = render(h(ErrorBoundary, props, h(Thrower)));
    fireEvent.click(screen.getByText('retry')); // resets, then the child throws again
    unmount();
    expect(calls).toEqual([
      'mount',
      'beforeCapture:render failed:true',
      'error:render failed:32',
      'reset:render failed',
      'beforeCapture:render failed:true',
      'error:render failed:32',
      'unmount:Error: render failed',
    ]);
    expect((await sent(record))[0]!.tags).toEqual({ area: 'cart' });
  });

  it('resets when resetError is called or when resetKeys change', async () => {
    initForTest();
    let setBroken: (value: boolean) => void = () => undefined;
    let setKey: (value: number) => void = () => undefined;
    function App() {
      const [broken, setB] = useState(true);
      const [key, setK] = useState(0);
      setBroken = setB;
      setKey = setK;
      return h(ErrorBoundary, { fallback, resetKeys: [key] }, broken ? h(Thrower) : h('p', null, 'recovered'));
    }
    render(h(App));
    expect(screen.getByRole('alert')).toBeTruthy();
    act(() => setBroken(false));
    expect(screen.getByRole('alert')).toBeTruthy(); // fixing the child alone does not reset
    act(() => setKey(1));
    expect(screen.getByText('recovered')).toBeTruthy();
    act(() => setBroken(true));
    fireEvent.click(screen.getByText('retry'));
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('withErrorBoundary wraps a component and names the wrapper', () => {
    initForTest();
    const Safe = withErrorBoundary(Thrower, { fallback: h('em', null, 'wrapped fallback') });
    expect(Safe.displayName).toBe('ErrorBoundary(Thrower)');
    render(h(Safe, { message: 'x' }));
    expect(screen.getByText('wrapped fallback')).toBeTruthy();
  });

  it('useErrorBoundary sends an error from an event handler to the nearest boundary', async () => {
    const { record } = initForTest();
    function Saver() {
      const { showBoundary } = useErrorBoundary();
      return h('button', { onClick: () => showBoundary(new Error('save failed')) }, 'save');
    }
    render(h(ErrorBoundary, { fallback }, h(Saver)));
    fireEvent.click(screen.getByText('save'));
    expect(screen.getByRole('alert').textContent).toContain('save failed');
    expect((await sent(record)).map((e) => e.exception!.values.at(-1)!.value)).toEqual(['save failed']);
  });

  it('reports to a client given by prop or provider instead of the global one', async () => {
    const { record: globalRecord } = initForTest();
    const platform = {
      platform: 'javascript',
      sdk: { name: 'mfe', version: '0' },
      defaultIntegrations: getCoreDefaultIntegrations(),
    };
    const { transport, record: ownRecord } = createTestTransport();
    const own = createClient(resolveOptions({ transport }, platform), platform);
    render(
      h(FaultlineProvider, { client: own }, h(ErrorBoundary, { fallback }, h(Thrower, { message: 'from provider' }))),
    );
    render(h(ErrorBoundary, { fallback, client: own }, h(Thrower, { message: 'from prop' })));
    await own.flush(100);
    expect(
      ownRecord
        .events()
        .map((e) => e.exception!.values.at(-1)!.value)
        .sort(),
    ).toEqual(['from prop', 'from provider']);
    expect(await sent(globalRecord)).toEqual([]);
  });
});

describe(`reactErrorHandler (React ${version})`, () => {
  beforeEach(() => {
    resetCarrier();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('reports an error no boundary reported (unhandled), then calls the callback', async () => {
    const { record } = initForTest();
    const seen: unknown[] = [];
    const uncaught = new Error('uncaught in a root');
    reactErrorHandler((error) => seen.push(error))(uncaught, {
      componentStack: '\n    at Widget (/app/Widget.tsx:3:9)',
    });
    const [event] = await sent(record);
    expect(event!.exception!.values.at(-1)).toMatchObject({
      value: 'uncaught in a root',
      mechanism: { type: 'react.root', handled: false },
    });
    expect((event!.contexts!.react as { componentStack: string }).componentStack).toContain('Widget');
    expect(seen).toEqual([uncaught]);
  });

  it('leaves an error a Faultline boundary caught to that boundary (React 19 calls onCaughtError first)', async () => {
    const { record } = initForTest();
    reactErrorHandler()(new Error('caught first'), {
      componentStack: '',
      errorBoundary: new ErrorBoundary({}),
    } as never);
    reactErrorHandler()(new Error('caught by another boundary'), { componentStack: '', errorBoundary: {} } as never);
    expect(
      (await sent(record)).map((e) => [
        e.exception!.values.at(-1)!.value,
        e.exception!.values.at(-1)!.mechanism!.handled,
      ]),
    ).toEqual([['caught by another boundary', true]]);
  });

  // Dedupe off in the two tests below: an error reported twice in a row would be identical, and Sentry's
  // dedupe semantics would hide the second report. What they test must hold without it.
  const withoutDedupe = { integrations: (defaults: Integration[]) => defaults.filter((i) => i.name !== 'Dedupe') };

  it.runIf(version.startsWith('19.'))(
    'does not report again an error a Faultline boundary already reported (createRoot with onCaughtError)',
    async () => {
      const { record } = initForTest(withoutDedupe);
      const container = document.body.appendChild(document.createElement('div'));
      const caughtByReact: unknown[] = [];
      const root = createRoot(container, {
        onCaughtError: reactErrorHandler((error) => caughtByReact.push(error)),
        onUncaughtError: reactErrorHandler(),
      });
      class OtherBoundary extends Component<{ children?: ReactNode }, { failed: boolean }> {
        override state = { failed: false };
        static getDerivedStateFromError() {
          return { failed: true };
        }
        override render() {
          return this.state.failed ? h('p', null, 'other fallback') : this.props.children;
        }
      }
      await act(async () => {
        root.render(
          h(
            'div',
            null,
            h(ErrorBoundary, { fallback }, h(Thrower, { message: 'caught by the Faultline boundary' })),
            h(OtherBoundary, null, h(Thrower, { message: 'caught by another boundary' })),
          ),
        );
      });
      try {
        expect(container.textContent).toContain('fallback: caught by the Faultline boundary');
        expect(container.textContent).toContain('other fallback');
        // React handed both errors to onCaughtError; only the one no Faultline boundary reported is reported there.
        expect(caughtByReact.map((e) => (e as Error).message).sort()).toEqual([
          'caught by another boundary',
          'caught by the Faultline boundary',
        ]);
        const reported = (await sent(record)).map((e) => {
          const thrown = e.exception!.values.at(-1)!;
          return [thrown.value, thrown.mechanism!.type];
        });
        expect(reported.sort()).toEqual([
          ['caught by another boundary', 'react.root'],
          ['caught by the Faultline boundary', 'react.errorboundary'],
        ]);
      } finally {
        await act(async () => root.unmount());
        container.remove();
      }
    },
  );

  it('does not report again an error a Faultline boundary already reported, when handed it later', async () => {
    const { record } = initForTest(withoutDedupe);
    let boundaryError: unknown;
    render(
      h(
        ErrorBoundary,
        { fallback, onError: (error: unknown) => (boundaryError = error) },
        h(Thrower, { message: 'caught by the boundary' }),
      ),
    );
    reactErrorHandler()(boundaryError, { componentStack: '' });
    expect((await sent(record)).map((e) => e.exception!.values.at(-1)!.value)).toEqual(['caught by the boundary']);
  });
});

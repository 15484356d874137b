// Option checks only: the sessions themselves are tested in real Chromium (test-e2e/sessions).
import { browserSessionIntegration } from '@faultline/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';

type WithLifecycle = { lifecycle: string };

describe('browserSessionIntegration options', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps a lifecycle it knows, and names one it does not, falling back to route', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((browserSessionIntegration({ lifecycle: 'page' }) as unknown as WithLifecycle).lifecycle).toBe('page');
    expect((browserSessionIntegration() as unknown as WithLifecycle).lifecycle).toBe('route');
    expect(warn).not.toHaveBeenCalled();

    const bogus = browserSessionIntegration({ lifecycle: 'bogus' as 'page' }) as unknown as WithLifecycle;
    expect(bogus.lifecycle).toBe('route');
    expect(warn.mock.calls.flat().join('\n')).toContain(
      'Invalid option of browserSessionIntegration: lifecycle: expected "route" or "page", got "bogus"',
    );
  });
});

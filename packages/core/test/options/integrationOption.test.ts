import { afterEach, describe, expect, it, vi } from 'vitest';
import { integrationOption } from '../../src/options/integrationOption';

describe('integrationOption', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives back undefined and accepted values as they are, saying nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(integrationOption('x', 'mode', undefined, ['a', 'b'])).toBeUndefined();
    expect(integrationOption('x', 'mode', 'b', ['a', 'b'])).toBe('b');
    expect(integrationOption('x', 'on', false, [true, false])).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });

  it('names a value it does not accept, without debug, and answers undefined so the default applies', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(integrationOption('browserSessionIntegration', 'lifecycle', 'bogus', ['route', 'page'])).toBeUndefined();
    expect(integrationOption('httpServerIntegration', 'sessions', 'no', [true, false])).toBeUndefined();
    expect(integrationOption('x', 'on', { secret: 'hunter2' }, [true, false])).toBeUndefined();
    const printed = warn.mock.calls.flat().join('\n');
    expect(printed).toContain(
      'Invalid option of browserSessionIntegration: lifecycle: expected "route" or "page", got "bogus"; ignored, using the default',
    );
    expect(printed).toContain('Invalid option of httpServerIntegration: sessions: expected true or false, got "no"');
    expect(printed).toContain('got an object'); // an object may hold credentials: never spelled out
    expect(printed).not.toContain('hunter2');
  });
});

import type { Event } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { sessionErrorKind } from '../../src/sessions/sessionErrorKind';

const exception = (handled?: boolean) => ({ type: 'Error', value: 'x', mechanism: { type: 'generic', handled } });

describe('sessionErrorKind', () => {
  it.each<[string, Event, ReturnType<typeof sessionErrorKind>]>([
    ['a handled exception', { level: 'error', exception: { values: [exception(true)] } }, 'handled'],
    [
      'an exception without a mechanism',
      { level: 'error', exception: { values: [{ type: 'E', value: '' }] } },
      'handled',
    ],
    ['an unhandled exception', { level: 'error', exception: { values: [exception(false)] } }, 'unhandled'],
    [
      'an unhandled cause in a chain',
      { level: 'fatal', exception: { values: [exception(false), exception(true)] } },
      'unhandled',
    ],
    ['a fatal handled exception', { level: 'fatal', exception: { values: [exception(true)] } }, 'handled'],
    ['an exception lowered to warning', { level: 'warning', exception: { values: [exception(false)] } }, undefined],
    ['a message', { level: 'fatal', message: 'hi' }, undefined],
    [
      'a message with the stack attachStacktrace adds',
      {
        level: 'error',
        message: 'hi',
        exception: { values: [{ ...exception(), mechanism: { type: 'generic', synthetic: true } }] },
      },
      undefined,
    ],
    [
      'a thrown non-error (a synthetic exception, no message)',
      { level: 'error', exception: { values: [{ ...exception(), mechanism: { type: 'generic', synthetic: true } }] } },
      'handled',
    ],
    ['an empty exception list', { level: 'error', exception: { values: [] } }, undefined],
  ])('%s', (_, event, kind) => {
    expect(sessionErrorKind(event)).toBe(kind);
  });
});

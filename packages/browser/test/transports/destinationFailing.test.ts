// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { isDestinationFailing, markDestinationHealth } from '../../src/transports/destinationFailing';

const A = 'https://a.example/api/1/envelope/';
const B = 'https://b.example/api/1/envelope/';
const DAY = 24 * 60 * 60 * 1000;

describe('destinationFailing', () => {
  afterEach(() => localStorage.clear());

  it('remembers a failing destination per URL until it answers again, and removes its key when none is left', () => {
    markDestinationHealth(A, false, 1000);
    markDestinationHealth(B, false, 1000);
    expect([isDestinationFailing(A, 2000), isDestinationFailing(B, 2000)]).toEqual([true, true]);
    markDestinationHealth(A, true);
    expect([isDestinationFailing(A, 2000), isDestinationFailing(B, 2000)]).toEqual([false, true]);
    markDestinationHealth(B, true);
    expect(localStorage.getItem('faultline:failing')).toBeNull();
  });

  it('forgets a mark after a day, on a clock stepped either way', () => {
    markDestinationHealth(A, false, 10 * DAY);
    expect(isDestinationFailing(A, 11 * DAY - 1)).toBe(true);
    expect(isDestinationFailing(A, 11 * DAY + 1)).toBe(false);
    expect(isDestinationFailing(A, 9 * DAY + 1)).toBe(true); // stepped back less than a day
    expect(isDestinationFailing(A, 8 * DAY)).toBe(false);
  });

  it('reads garbage or a throwing localStorage as no mark, and never throws', () => {
    localStorage.setItem('faultline:failing', '{not json');
    expect(isDestinationFailing(A)).toBe(false);
    markDestinationHealth(A, false);
    expect(isDestinationFailing(A)).toBe(true);
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(() => markDestinationHealth(B, false)).not.toThrow();
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });
});

import { describe, expect, it } from 'vitest';
import { prefersOpenMetrics } from '../../src/metrics/prefersOpenMetrics';

describe('prefersOpenMetrics', () => {
  it("answers OpenMetrics to Prometheus's own Accept header", () => {
    const prometheus =
      'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';
    expect(prefersOpenMetrics(prometheus)).toBe(true);
    expect(prefersOpenMetrics('application/openmetrics-text')).toBe(true);
  });

  it('answers the text format without the header, or to text/plain, */* or a browser', () => {
    expect(prefersOpenMetrics(undefined)).toBe(false);
    expect(prefersOpenMetrics('')).toBe(false);
    expect(prefersOpenMetrics('text/plain;version=0.0.4')).toBe(false);
    expect(prefersOpenMetrics('*/*')).toBe(false);
    expect(prefersOpenMetrics('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(false);
  });

  it('follows the q values, and never picks a version it does not speak or a q of 0', () => {
    expect(prefersOpenMetrics('text/plain;q=1, application/openmetrics-text;q=0.5')).toBe(false);
    expect(prefersOpenMetrics('text/plain;q=0.2, application/openmetrics-text;q=0.5')).toBe(true);
    expect(prefersOpenMetrics('application/openmetrics-text;version=0.0.1')).toBe(false);
    expect(prefersOpenMetrics('application/openmetrics-text;q=0')).toBe(false);
    expect(prefersOpenMetrics(['text/plain;q=0.1', 'application/OpenMetrics-Text; version=1.0.0'])).toBe(true);
  });
});

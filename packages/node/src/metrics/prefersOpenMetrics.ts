/**
 * Whether an `Accept` header asks for OpenMetrics 1.0 at least as much as for the text format: Prometheus
 * sends `application/openmetrics-text;version=1.0.0,…,text/plain;version=0.0.4;q=0.5,*\/*;q=0.1`. Without
 * the header, or with only `text/plain` or `*\/*`, the answer is the text format.
 */
export function prefersOpenMetrics(accept: string | string[] | undefined): boolean {
  let openMetrics = 0;
  let text = 0;
  for (const range of (Array.isArray(accept) ? accept.join(',') : (accept ?? '')).split(',')) {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    let q = 1;
    let version: string | undefined;
    for (const parameter of parameters) {
      const [key, value = ''] = parameter.split('=').map((part) => part.trim());
      if (key === 'q') q = Number(value);
      else if (key === 'version') version = value;
    }
    if (!(q > 0)) continue;
    if (type === 'application/openmetrics-text') {
      // 0.0.1 was a draft; only 1.0.0 (or no version) is what this answers.
      if (version === undefined || version === '1.0.0') openMetrics = Math.max(openMetrics, q);
    } else if (type === 'text/plain' || type === 'text/*' || type === '*/*') {
      text = Math.max(text, q);
    }
  }
  return openMetrics > 0 && openMetrics >= text;
}

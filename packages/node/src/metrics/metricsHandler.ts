import { debugLogger, getSdkMetrics, type Client } from '@faultline/core';
import { formatMetrics, OPENMETRICS_CONTENT_TYPE, PROMETHEUS_CONTENT_TYPE } from './formatMetrics';
import { metricFamilies } from './metricFamilies';
import { prefersOpenMetrics } from './prefersOpenMetrics';

export interface MetricsHandlerOptions {
  /** The client whose metrics are served (default: the one `init` bound). */
  client?: Client;
}

/** What the handler reads of a request: node:http's, Express's and Fastify's all have these. */
export interface MetricsRequest {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** node:http's `ServerResponse` (Express's `res` is one). */
interface NodeResponse {
  writeHead(status: number, headers: Record<string, string | number>): unknown;
  end(body?: string): unknown;
}

/** Fastify's `reply`. */
interface FastifyReplyLike {
  code(status: number): unknown;
  header(name: string, value: string): unknown;
  send(body?: string): unknown;
  hijack(): unknown;
}

export type MetricsResponse = NodeResponse | FastifyReplyLike;

const isFastifyReply = (res: MetricsResponse): res is FastifyReplyLike =>
  typeof (res as FastifyReplyLike).hijack === 'function' && typeof (res as FastifyReplyLike).code === 'function';

/**
 * A `(req, res)` handler that serves the SDK's metrics (`faultline_*`) for Prometheus to scrape: the text
 * format 0.0.4, or OpenMetrics 1.0 when `Accept` asks for it (as Prometheus does). Works as a node:http
 * listener and as an Express or Fastify route. Serve it where only Prometheus can reach it (see the README).
 *
 * @example
 * http.createServer(metricsHandler()).listen(9464, '127.0.0.1');
 */
export function metricsHandler(
  options: MetricsHandlerOptions = {},
): (req: MetricsRequest, res: MetricsResponse) => void {
  return (req, res) => {
    let status = 200;
    let headers: Record<string, string> = { 'Cache-Control': 'no-store', Vary: 'Accept' };
    let body: string;
    try {
      if (req.method !== undefined && req.method !== 'GET' && req.method !== 'HEAD') {
        status = 405;
        headers = { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' };
        body = 'Metrics are read with GET.\n';
      } else {
        const openMetrics = prefersOpenMetrics(req.headers.accept);
        const metrics = getSdkMetrics(options.client);
        body = formatMetrics(metrics ? metricFamilies(metrics) : [], openMetrics);
        headers['Content-Type'] = openMetrics ? OPENMETRICS_CONTENT_TYPE : PROMETHEUS_CONTENT_TYPE;
      }
    } catch (error) {
      debugLogger.error('Serving the SDK metrics failed', error);
      status = 500;
      headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };
      body = 'Metrics unavailable.\n';
    }
    respond(res, status, headers, body, req.method === 'HEAD');
  };
}

function respond(res: MetricsResponse, status: number, headers: Record<string, string>, body: string, head: boolean) {
  try {
    if (isFastifyReply(res)) {
      res.code(status);
      for (const [name, value] of Object.entries(headers)) res.header(name, value);
      res.send(body); // Fastify leaves the body out of a HEAD answer itself
      return;
    }
    res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) });
    res.end(head ? undefined : body);
  } catch (error) {
    debugLogger.error('Answering a metrics request failed', error);
  }
}

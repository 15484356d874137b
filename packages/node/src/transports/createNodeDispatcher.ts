import type { Socket } from 'node:net';
import { buildConnector, Client, EnvHttpProxyAgent, type Dispatcher } from 'undici';

/** Requests at once on one HTTP/2 connection (the common servers' limit of concurrent streams). */
const MAX_STREAMS = 100;
const CONNECT_TIMEOUT_MS = 10_000;
const KEEP_ALIVE_MS = 10_000;

export interface NodeDispatcherOptions {
  /** Connections per origin over HTTP/1.1 (one request each at a time). */
  connections: number;
}

/**
 * The SDK's undici dispatchers. A keep-alive pool per origin that honours `HTTP(S)_PROXY` / `NO_PROXY`
 * and offers HTTP/2 by ALPN; once a direct connection to an origin turned out to speak HTTP/2, that origin
 * gets one client of its own that multiplexes up to 100 requests on one connection (undici's pool holds an
 * HTTP/2 connection to one request at a time, and opens a connection for each request waiting meanwhile;
 * its HTTP/1.1 connections are never pipelined). Its sockets never keep the process alive: undici refs a
 * socket while a request is on it, and an SDK's request must not hold a script past its own work (a
 * receiver that never answers held one ~58 s); the process stays up for delivery only while someone awaits
 * a flush, whose timer is what keeps it alive. (Connections through a proxy are undici's own.)
 */
export function createNodeDispatcher(options: NodeDispatcherOptions) {
  const connector = buildConnector({ allowH2: true, timeout: CONNECT_TIMEOUT_MS });
  const http2 = new Map<string, Client>();

  /** Connects as undici would, the socket unref'd from the start; `learn`: notes which origins speak HTTP/2. */
  const connect =
    (learn: boolean): buildConnector.connector =>
    (target, callback) => {
      // undici returns the socket it is connecting (its types say void): unref'd from the start, so neither
      // a connect that hangs nor a request on it holds the process; once connected, again in case it did not.
      const connecting = connector(target, (...args) => {
        const socket = args[1];
        if (socket) holdNothing(socket);
        if (socket && learn) noteProtocol(`${target.protocol}//${target.host}`, socket);
        callback(...args);
      }) as unknown;
      if (connecting && typeof (connecting as Socket).unref === 'function') holdNothing(connecting as Socket);
    };

  function noteProtocol(origin: string, socket: Socket & { alpnProtocol?: string | false | null }): void {
    const client = http2.get(origin);
    if (socket.alpnProtocol === 'h2') {
      if (!client) http2.set(origin, multiplexing(origin));
    } else if (client) {
      // It no longer offers HTTP/2: never pipeline HTTP/1.1; the pool serves it again.
      client.pipelining = 1;
      http2.delete(origin);
      void client.close().catch(() => undefined);
    }
  }
  const multiplexing = (origin: string) =>
    new Client(origin, {
      allowH2: true,
      pipelining: MAX_STREAMS,
      keepAliveTimeout: KEEP_ALIVE_MS,
      connect: connect(true),
    });

  const pool = new EnvHttpProxyAgent({
    keepAliveTimeout: KEEP_ALIVE_MS,
    connections: options.connections,
    allowH2: true,
    connect: connect(true),
  });
  return {
    /** The dispatcher for a request to `url`. */
    dispatcherFor(url: string): Dispatcher {
      if (http2.size === 0) return pool;
      return http2.get(new URL(url).origin) ?? pool;
    },
  };
}

/** Unrefs a socket for good: undici's later `ref()` while it is busy (HTTP/1.1 or an HTTP/2 session) is ignored. */
function holdNothing(socket: Socket): void {
  socket.unref();
  socket.ref = () => socket;
}

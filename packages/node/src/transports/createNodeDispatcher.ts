import type { Socket } from 'node:net';
import { buildConnector, Client, EnvHttpProxyAgent, Pool, type Dispatcher } from 'undici';

/** Requests at once on one HTTP/2 connection (the common servers' default limit of concurrent streams). */
const MAX_STREAMS = 100;

export interface NodeDispatcherOptions {
  /** Connections per origin (HTTP/1.1 requests in flight at once to one origin). */
  connections: number;
  /** Offer HTTP/2 over TLS (ALPN): one connection then carries many requests at once. */
  allowH2: boolean;
}

/**
 * The SDK's undici dispatcher: a keep-alive pool per origin that honours `HTTP(S)_PROXY` / `NO_PROXY`,
 * whose sockets never keep the process alive. undici refs a socket while a request is on it; an SDK's
 * request must not hold a script past its own work (a receiver that never answers held one ~58 s): the
 * process stays up for delivery only while someone awaits a flush, whose timer is what keeps it alive.
 * (Connections through a proxy are undici's own and stay ref'd while busy.)
 */
export function createNodeDispatcher(options: NodeDispatcherOptions): EnvHttpProxyAgent {
  const connect = buildConnector({ allowH2: options.allowH2, timeout: 10_000 });
  return new EnvHttpProxyAgent({
    keepAliveTimeout: 10_000,
    connections: options.connections,
    allowH2: options.allowH2,
    factory: (origin, options) => new Pool(origin, { ...options, factory: multiplexOverHttp2 }),
    connect(target, callback) {
      // undici returns the socket it is connecting (its types say void): unref'd from the start, so neither
      // a connect that hangs nor a request on it holds the process; once connected, again in case it did not.
      const connecting = connect(target, (...args) => {
        if (args[1]) holdNothing(args[1]);
        callback(...args);
      }) as unknown;
      if (connecting && typeof (connecting as Socket).unref === 'function') holdNothing(connecting as Socket);
    },
  });
}

/**
 * A client that multiplexes requests on its connection once it is HTTP/2 (ALPN), and keeps HTTP/1.1 to one
 * request at a time: undici holds an HTTP/2 connection to one request too unless its pipelining is raised,
 * and raising it for HTTP/1.1 would pipeline POSTs (which proxies and servers handle badly).
 */
function multiplexOverHttp2(origin: URL, options: Client.Options): Dispatcher {
  const connect = options.connect;
  if (typeof connect !== 'function') return new Client(origin, options);
  const client: Client = new Client(origin, {
    ...options,
    connect(target, callback) {
      connect(target, (...args) => {
        const socket = args[1] as { alpnProtocol?: string | false } | null;
        client.pipelining = socket?.alpnProtocol === 'h2' ? MAX_STREAMS : 1;
        callback(...args);
      });
    },
  });
  return client;
}

/** Unrefs a socket for good: undici's later `ref()` while it is busy (HTTP/1.1 or an HTTP/2 session) is ignored. */
function holdNothing(socket: Socket): void {
  socket.unref();
  socket.ref = () => socket;
}

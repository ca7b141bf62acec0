import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request as httpRequest,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';

export interface BalancerOptions {
  /** Base URLs of the api instances (`http://127.0.0.1:3001`), taken in turn. */
  readonly upstreams: readonly string[];
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
}

export interface Balancer {
  readonly url: string;
  readonly port: number;
  /** Requests handed to each upstream so far, in the order of `upstreams`. */
  served(): readonly number[];
  close(): Promise<void>;
}

/** Headers that concern one connection, not the request: never passed on (RFC 9110, 7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * A small HTTP load balancer for running several api instances on one machine: each request goes
 * to the next upstream in turn (round robin per request, not per connection), over kept-alive
 * connections. It is the edge: X-Forwarded-For is replaced by the address of the client it sees,
 * so an api that trusts this balancer's address (TRUST_PROXY) counts login failures per real
 * client and a client cannot claim another address. An upstream that cannot be reached answers
 * 502 problem+json; nothing is retried, since the request may have reached it.
 */
export async function startBalancer(options: BalancerOptions): Promise<Balancer> {
  if (options.upstreams.length === 0) throw new Error('the balancer needs at least one upstream');
  const upstreams = options.upstreams.map((base) => new URL(base));
  const served = upstreams.map(() => 0);
  const agent = new Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: 'lifo' });
  let next = 0;

  const server = createServer((req, res) => {
    const index = next;
    next = (next + 1) % upstreams.length;
    served[index] = served[index]! + 1;
    forward(upstreams[index]!, agent, req, res);
  });
  server.keepAliveTimeout = 65_000;

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    served: () => [...served],
    // New connections are refused at once and idle ones closed; requests in flight get a few seconds.
    close: () =>
      new Promise<void>((resolve) => {
        const cutOff = setTimeout(() => server.closeAllConnections(), 5000);
        server.close(() => {
          clearTimeout(cutOff);
          agent.destroy();
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

function forward(upstream: URL, agent: Agent, req: IncomingMessage, res: ServerResponse): void {
  const outgoing = httpRequest(
    {
      protocol: upstream.protocol,
      hostname: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: requestHeaders(req),
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers));
      pipeline(answer, res, () => undefined);
    },
  );
  outgoing.on('error', () => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body = JSON.stringify({
      type: 'urn:jointcall:problem:bad-gateway',
      title: 'Bad Gateway',
      status: 502,
      detail: 'The api instance did not answer.',
      code: 'BAD_GATEWAY',
    });
    res.writeHead(502, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body), 'retry-after': '1' });
    res.end(body);
  });
  pipeline(req, outgoing, (error) => {
    if (error) outgoing.destroy(error);
  });
}

/** The client's headers for the upstream: hop-by-hop ones dropped, the forwarding headers set by this edge. */
function requestHeaders(req: IncomingMessage): IncomingHttpHeaders {
  const headers = withoutHopByHop(req.headers);
  const client = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  headers['x-forwarded-for'] = client;
  headers['x-forwarded-proto'] = 'http';
  if (req.headers.host !== undefined) headers['x-forwarded-host'] = req.headers.host;
  return headers;
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ''),
  );
  const kept: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) kept[name] = value;
  }
  return kept;
}

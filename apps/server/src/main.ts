import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface StartServerOptions {
  /** Usually `createApp(...)`; anything with Hono's `fetch` works. */
  app: Pick<Hono, 'fetch'>;
  /** 0 picks a free port; read the chosen one from `url`. */
  port: number;
  /** Loopback unless the caller means to expose Baton on a network. */
  host?: string;
  /** How long `close()` lets in-flight requests finish before cutting them off. */
  closeTimeoutMs?: number;
}

export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:4321`, with no trailing slash. */
  url: string;
  /** Stops listening, lets in-flight requests finish (up to `closeTimeoutMs`), then resolves. */
  close(): Promise<void>;
}

/**
 * Listens with Node's HTTP server. This is the only module that touches `node:http`.
 *
 * @example
 * const server = await startServer({ app: createApp({ workspace }), port: 0 });
 * console.log(server.url);
 * await server.close();
 */
export async function startServer({
  app,
  port,
  host = '127.0.0.1',
  closeTimeoutMs = 5_000,
}: StartServerOptions): Promise<RunningServer> {
  const fetch = isLoopback(host) ? loopbackOnly(app.fetch) : app.fetch;
  // Without createServer options, @hono/node-server builds a plain node:http Server.
  const server = serve({ fetch, port, hostname: host }) as Server;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${address.port}`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        const forceTimer = setTimeout(() => server.closeAllConnections(), closeTimeoutMs);
        server.close((error) => {
          clearTimeout(forceTimer);
          if (error) reject(error);
          else resolve();
        });
        // Keep-alive sockets with no request in flight would hold close() open.
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || host.startsWith('127.');
}

/**
 * On loopback, answers only requests addressed to a loopback name. A web page elsewhere that
 * points its own domain at 127.0.0.1 (DNS rebinding) would otherwise read the workspace through
 * the visitor's browser: its requests carry that domain in the Host header.
 */
function loopbackOnly(fetch: Hono['fetch']): Hono['fetch'] {
  return (request, ...rest) => {
    const hostname = new URL(request.url).hostname;
    if (isLoopback(hostname)) return fetch(request, ...rest);
    const error = {
      kind: 'forbidden',
      message: `This Baton server answers on this machine only, not for the host "${hostname}".`,
      hint: 'Open it at http://127.0.0.1 or http://localhost, or start it with --host to serve a network.',
    };
    return Response.json({ error }, { status: 403 });
  };
}

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ErrorBody } from '../src/app.ts';
import { startServer } from '../src/main.ts';
import type { Health } from '../src/routes/health.ts';
import packageJson from '../package.json' with { type: 'json' };

const workspace = { dir: '/nonexistent/acme', name: 'Acme Growth' };
let webRoot: string;
let missingWebRoot: string;

beforeAll(async () => {
  const scratch = await mkdtemp(join(tmpdir(), 'baton-app-test-'));
  webRoot = join(scratch, 'build');
  missingWebRoot = join(scratch, 'no-build');
  await mkdir(join(webRoot, '_app', 'immutable'), { recursive: true });
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Baton shell</title>');
  await writeFile(join(webRoot, '_app', 'immutable', 'start.js'), 'export {};');
  return () => rm(scratch, { recursive: true, force: true });
});

describe('GET /api/health', () => {
  it('reports the server version, the workspace name and the Node version', async () => {
    const response = await createApp({ workspace, webRoot }).request('/api/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      ok: true,
      version: packageJson.version,
      workspace: { name: 'Acme Growth', locale: 'en', reportingCurrency: 'EUR' },
      nodeVersion: process.versions.node,
    } satisfies Health);
  });

  it('does not reveal the workspace directory', async () => {
    const response = await createApp({ workspace, webRoot }).request('/api/health');
    expect(await response.text()).not.toContain(workspace.dir);
  });
});

describe('unknown API routes', () => {
  it('answer a JSON 404 with a kind, a message and a hint', async () => {
    const response = await createApp({ workspace, webRoot }).request('/api/nope');
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.kind).toBe('not-found');
    expect(body.error.message).toBe('No API route for GET /api/nope.');
    expect(body.error.hint).toMatch(/\/api\/health/);
  });

  it('never fall back to the web app, whatever the method', async () => {
    const response = await createApp({ workspace, webRoot }).request('/api/health', {
      method: 'POST',
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.message).toBe(
      'No API route for POST /api/health.',
    );
  });
});

describe('the web app', () => {
  it('serves files from the build, fingerprinted assets as immutable', async () => {
    const response = await createApp({ workspace, webRoot }).request('/_app/immutable/start.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe('export {};');
  });

  it('answers client-side routes with index.html', async () => {
    const app = createApp({ workspace, webRoot });
    for (const path of ['/', '/notebooks/weekly-review']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>Baton shell</title>');
    }
  });

  it('answers a missing asset with a 404, not with index.html', async () => {
    const response = await createApp({ workspace, webRoot }).request('/_app/immutable/gone.js');
    expect(response.status).toBe(404);
  });

  it('says how to build it when the build is missing, and the API still works', async () => {
    const app = createApp({ workspace, webRoot: missingWebRoot });
    const page = await app.request('/');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('pnpm --filter @baton/web build');
    expect((await app.request('/api/health')).status).toBe(200);
  });
});

describe('startServer', () => {
  it('listens on loopback with a free port, answers fetch, and closes cleanly', async () => {
    const server = await startServer({ app: createApp({ workspace, webRoot }), port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // Two requests over one keep-alive connection, so close() must not wait on an idle socket.
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${server.url}/api/health`);
        expect(response.status).toBe(200);
        expect(((await response.json()) as Health).workspace.name).toBe('Acme Growth');
      }
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });

  it('on loopback, refuses a request addressed to another host name (DNS rebinding)', async () => {
    const server = await startServer({ app: createApp({ workspace, webRoot }), port: 0 });
    try {
      const { port } = new URL(server.url);
      const asked = (host: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const request = httpRequest(
            { host: '127.0.0.1', port, path: '/api/health', headers: { host } },
            (response) => {
              let body = '';
              response.on('data', (chunk: Buffer) => (body += chunk.toString()));
              response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
            },
          );
          request.on('error', reject);
          request.end();
        });
      const rebound = await asked(`attacker.example:${port}`);
      expect(rebound.status).toBe(403);
      expect(JSON.parse(rebound.body)).toMatchObject({ error: { kind: 'forbidden' } });
      expect((await asked(`localhost:${port}`)).status).toBe(200);
      expect((await asked(`127.0.0.1:${port}`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('rejects when the port is taken', async () => {
    const app = createApp({ workspace, webRoot });
    const first = await startServer({ app, port: 0 });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startServer({ app, port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});

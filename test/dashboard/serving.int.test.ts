import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoutes } from '../../packages/server/src/http/web.ts';
import { WEB_DIST } from '../../packages/server/src/http/web-build.ts';
import { startTestNode, type TestNode } from '../support/test-node.ts';

/** The dashboard as the node serves it (a build is made first if there is none). */
let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(() => node.close());

const get = (url: string) => node.app.inject({ url });

describe('the dashboard at /', () => {
  it('serves index.html at / with the security headers and no inline script', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="root">');
    // CSP forbids inline scripts: every <script> must load a file.
    const scripts = [...response.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\ssrc="\/assets\//);
  });

  it('answers the app’s own paths with index.html, for the browser-side router', async () => {
    for (const path of ['/region', '/region/KE', '/users?jurisdiction=UG', '/sign-in']) {
      const response = await get(path);
      expect({ path, status: response.statusCode, html: response.body.includes('<div id="root">') }).toEqual({ path, status: 200, html: true });
    }
  });

  it('caches hashed assets for a year', async () => {
    const script = readdirSync(join(WEB_DIST, 'assets')).find((name) => name.endsWith('.js'))!;
    const response = await get(`/assets/${script}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the JSON 404 for the node’s own paths and for missing files', async () => {
    for (const path of ['/api/v1/no-such-thing', '/api/nothing', '/assets/missing-abc123.js', '/logo.png', '/healthz/deeper', '/openapi.json/x']) {
      const response = await get(path);
      expect({ path, status: response.statusCode, code: response.json().code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
  });

  it('leaves the node’s own routes alone', async () => {
    expect((await get('/healthz')).json()).toMatchObject({ status: 'ok' });
    expect((await get('/openapi.json')).json()).toHaveProperty('openapi');
    expect((await get('/docs')).body).not.toContain('<div id="root">');
  });

  it('does not answer other methods with the app', async () => {
    const response = await node.app.inject({ method: 'POST', url: '/region' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });

  it('never serves a file from outside the build', async () => {
    for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/assets/..%2f..%2fpackage.json']) {
      const response = await get(path);
      expect(response.body).not.toContain('"@concord/web"');
    }
  });
});

describe('a node without a dashboard build', () => {
  let dist: string;
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'concord-dist-'));
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('builds one before it serves', async () => {
    let builds = 0;
    const app = Fastify();
    await app.register(
      webRoutes({
        dist,
        build: async () => {
          builds += 1;
          mkdirSync(join(dist, 'assets'), { recursive: true });
          writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
        },
      }),
    );
    expect(builds).toBe(1);
    expect((await app.inject({ url: '/region' })).body).toContain('<div id="root">');
    await app.close();
  });

  it('still serves the API when the build fails, and says the dashboard is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'concord-dist-'));
    const app = Fastify({ logger: false });
    await app.register(webRoutes({ dist: empty, build: async () => Promise.reject(new Error('no vite here')) }));
    app.get('/api/v1/ping', async () => ({ pong: true }));
    expect((await app.inject({ url: '/api/v1/ping' })).json()).toEqual({ pong: true });
    const page = await app.inject({ url: '/region' });
    expect(page.statusCode).toBe(503);
    expect(page.json().code).toBe('WEB_NOT_BUILT');
    await app.close();
    rmSync(empty, { recursive: true, force: true });
  });
});

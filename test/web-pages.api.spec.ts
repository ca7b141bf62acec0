import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES } from '../apps/web/src/app/page-paths.js';
import { TEST_PASSWORD } from './support/given.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://jointcall.example.org';
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-1234.js"></script></head><body></body></html>';

/** Whether some concrete path matches both templates (`:name` and `{name}` match any one segment). */
function overlaps(page: string, api: string): boolean {
  const a = page.split('/').filter(Boolean);
  const b = api.split('/').filter(Boolean);
  if (a.length !== b.length) return false;
  const isParam = (segment: string) => segment.startsWith(':') || /^\{[^}]+\}/.test(segment);
  return a.every((segment, i) => isParam(segment) || isParam(b[i]!) || segment === b[i]);
}

describe('the web pages on the api origin', () => {
  let t: TestApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'jointcall-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'app-1234.js'), 'console.log("pages")');
    t = await startTestApp({ env: { WEB_DIR: webDir, PUBLIC_URL } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('has no page path that an API path also matches', async () => {
    const document = (await t.http.get('/docs-json')).body as { paths: Record<string, unknown> };
    const apiPaths = [...Object.keys(document.paths), '/docs', '/docs-json', '/docs-yaml'];
    const collisions = Object.values(PAGES).flatMap((page) =>
      apiPaths.filter((api) => overlaps(page, api)).map((api) => `${page} ~ ${api}`),
    );
    expect(collisions).toEqual([]);
    expect(overlaps('/calls/:id', '/calls/{id}')).toBe(true);
  });

  it('answers a browser reload on any page path with the pages, under a CSP without inline script', async () => {
    for (const path of ['/', '/researcher/proposals/4b0c3bb5-1b06-4e7e-9a39-7a1b29a1c7d1', '/office', '/sign-in']) {
      const response = await t.http.get(path).set('accept', 'text/html,application/xhtml+xml');
      expect(response.status, path).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
      const csp = response.headers['content-security-policy'] as string;
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc).toBe("'self'");
    }
  });

  it('serves the built assets with a long cache and leaves API paths to the API', async () => {
    const asset = await t.http.get('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    const api = await t.http.get('/applications').set('accept', 'text/html');
    expect(api.status).toBe(401);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
    const unknown = await t.http.get('/no-such-page').set('accept', 'application/json');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
    expect((await t.http.post('/researcher').set('accept', 'text/html')).status).toBe(404);
    expect((await t.http.get('/health/ready')).status).toBe(200);
  });
});

describe('sign-in for the pages', () => {
  let t: TestApp;
  const email = 'browser.user@example.test';

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL } });
    await t.given.user({ email, roles: ['researcher'] });
  });
  afterAll(() => t.close());

  const cookieOf = (response: { headers: Record<string, unknown> }): string => {
    const cookies = (response.headers['set-cookie'] as string[] | undefined) ?? [];
    const cookie = cookies.find((c) => c.startsWith('jointcall_refresh='));
    if (!cookie) throw new Error('no refresh cookie');
    return cookie;
  };
  const login = () => t.http.post('/auth/browser/login').set('origin', PUBLIC_URL).send({ email, password: TEST_PASSWORD });

  it('puts the refresh token in an HttpOnly, SameSite=Strict cookie for the refresh path only, never in the body', async () => {
    const response = await login();
    expect(response.status).toBe(200);
    expect(Object.keys(response.body as object).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
    const cookie = cookieOf(response);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/auth\/browser(;|$)/);
    expect(cookie).toMatch(/; Secure/);
    const me = await t.http.get('/me').set('authorization', `Bearer ${(response.body as { accessToken: string }).accessToken}`);
    expect(me.status).toBe(200);
  });

  it('refuses requests from another origin, or with none, on every cookie route', async () => {
    for (const origin of [undefined, 'https://evil.example', 'null']) {
      for (const path of ['/auth/browser/login', '/auth/browser/refresh', '/auth/browser/logout']) {
        const request = t.http.post(path).send({ email, password: TEST_PASSWORD });
        const response = await (origin === undefined ? request : request.set('origin', origin));
        expect(response.status, `${path} from ${origin}`).toBe(403);
        expect(response.body).toMatchObject({ code: 'FOREIGN_ORIGIN' });
      }
    }
    // The request's own origin is accepted as well as the public URL.
    const own = await t.http
      .post('/auth/browser/login')
      .set('host', 'pages.example.test')
      .set('origin', 'http://pages.example.test')
      .send({ email, password: TEST_PASSWORD });
    expect(own.status).toBe(200);
  });

  it('rotates the cookie on refresh; an old cookie sent again ends the whole session', async () => {
    const first = cookieOf(await login()).split(';')[0]!;
    const refreshed = await t.http.post('/auth/browser/refresh').set('origin', PUBLIC_URL).set('cookie', first);
    expect(refreshed.status).toBe(200);
    const second = cookieOf(refreshed).split(';')[0]!;
    expect(second).not.toBe(first);
    const reused = await t.http.post('/auth/browser/refresh').set('origin', PUBLIC_URL).set('cookie', first);
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    expect(cookieOf(reused)).toMatch(/jointcall_refresh=;/);
    expect((await t.http.post('/auth/browser/refresh').set('origin', PUBLIC_URL).set('cookie', second)).status).toBe(401);
    expect((await t.http.post('/auth/browser/refresh').set('origin', PUBLIC_URL)).status).toBe(401);
  });

  it('signs out: the session ends, its access token stops working and the cookie is cleared', async () => {
    const response = await login();
    const token = (response.body as { accessToken: string }).accessToken;
    const cookie = cookieOf(response).split(';')[0]!;
    const out = await t.http.post('/auth/browser/logout').set('origin', PUBLIC_URL).set('cookie', cookie);
    expect(out.status).toBe(204);
    expect(cookieOf(out)).toMatch(/jointcall_refresh=;.*Expires=Thu, 01 Jan 1970/);
    expect((await t.http.get('/me').set('authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await t.http.post('/auth/browser/refresh').set('origin', PUBLIC_URL).set('cookie', cookie)).status).toBe(401);
  });

  it('keeps the bearer-token sign-in for API clients as it was', async () => {
    const response = await t.http.post('/auth/login').send({ email, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', refreshToken: expect.any(String) });
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

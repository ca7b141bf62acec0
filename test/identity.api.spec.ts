import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;

describe('organisations and users', () => {
  let t: TestApp;
  let admin: string;
  let researcher: string;

  beforeAll(async () => {
    t = await startTestApp();
    await runSeeds(t.dataSource);
    admin = await t.login('admin@example.org', DEMO_PASSWORD);
    researcher = await t.login('pi.utokyo@example.org', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  /** The ETag of the researcher's own profile, for a conditional update of it. */
  const myEtag = async () => (await t.http.get('/me').auth(researcher, bearer)).headers['etag'] as string;

  it('a researcher gets 403 on admin routes', async () => {
    const anyId = randomUUID();
    const calls = [
      t.http.get('/users'),
      t.http.get(`/users/${anyId}`),
      t.http.post('/users').send({}),
      t.http.patch(`/users/${anyId}`).send({}),
      t.http.post('/organizations').send({}),
      t.http.patch(`/organizations/${anyId}`).send({}),
    ];
    for (const call of calls) {
      const response = await call.auth(researcher, bearer);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    }
  });

  it('refuses roles or organisation sent to updateMe with 400, and changes nothing', async () => {
    const organisationId = (await t.given.organisation()).id;
    for (const body of [{ roles: ['admin'] }, { organisationId }, { email: 'new@example.org' }, { name: 'X', disabled: false }]) {
      const response = await t.http
        .patch('/me')
        .auth(researcher, bearer)
        .set('if-match', await myEtag())
        .send(body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([Object.keys(body).at(-1)]);
    }
    const me = await t.http.get('/me').auth(researcher, bearer);
    expect(me.body.roles).toEqual(['researcher']);
    expect(me.body.organisation.shortName).toBe('UTokyo');
  });

  it('lets a user edit their own name, ORCID iD, language and time zone', async () => {
    const response = await t.http
      .patch('/me')
      .auth(researcher, bearer)
      .set('if-match', await myEtag())
      .send({ name: '佐藤 遥', orcid: 'https://orcid.org/0000-0002-1825-0097', language: 'en', timeZone: 'Europe/Paris' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: '佐藤 遥', orcid: '0000-0002-1825-0097', language: 'en', timeZone: 'Europe/Paris' });
    expect(response.headers['etag']).toBe(`"${response.body.version}"`);
  });

  it.each([
    ['orcid', { orcid: '0000-0002-1825-0098' }],
    ['timeZone', { timeZone: 'Asia/Atlantis' }],
  ])('refuses a bad %s on updateMe with 400 naming the field', async (field, body) => {
    const response = await t.http
      .patch('/me')
      .auth(researcher, bearer)
      .set('if-match', await myEtag())
      .send(body);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
  });

  const validOrganisation = {
    kind: 'institution',
    shortName: 'Nagoya U',
    nameJa: '名古屋大学',
    nameEn: 'Nagoya University',
    country: 'jp',
    timeZone: 'Asia/Tokyo',
  };

  it.each([
    ['rorId', { rorId: '04chrp451' }],
    ['rorId', { rorId: 'https://ror.org/not-a-ror' }],
    ['country', { country: 'XX' }],
    ['country', { country: 'JPN' }],
    ['timeZone', { timeZone: 'JST' }],
    ['funderId', { funderId: '10.1000/182' }],
  ])('refuses a bad %s on createOrganization with 400 naming the field', async (field, change) => {
    const response = await t.http
      .post('/organizations')
      .auth(admin, bearer)
      .send({ ...validOrganisation, ...change });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('admins create, read and update organisations, with ETag and If-Match', async () => {
    const created = await t.http
      .post('/organizations')
      .auth(admin, bearer)
      .send({ ...validOrganisation, rorId: 'https://ror.org/04chrp450' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      country: 'JP',
      rorId: '04chrp450',
      name: { ja: '名古屋大学', en: 'Nagoya University' },
      version: 1,
    });
    const id = created.body.id as string;

    const read = await t.http.get(`/organizations/${id}`).auth(researcher, bearer);
    expect(read.status).toBe(200);
    expect(read.headers['etag']).toBe('"1"');

    const updated = await t.http
      .patch(`/organizations/${id}`)
      .auth(admin, bearer)
      .set('if-match', '"1"')
      .send({ nameEn: 'Nagoya University (Tokai)' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: { en: 'Nagoya University (Tokai)' }, version: 2 });

    const stale = await t.http.patch(`/organizations/${id}`).auth(admin, bearer).set('if-match', '"1"').send({ shortName: 'Lost' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_MISMATCH', currentVersion: 2 });
    expect((await t.http.get(`/organizations/${id}`).auth(admin, bearer)).body.shortName).toBe('Nagoya U');

    const duplicate = await t.http
      .post('/organizations')
      .auth(admin, bearer)
      .send({ ...validOrganisation, rorId: '04chrp450' });
    expect(duplicate.status).toBe(409);

    const audit = await t.dataSource.query(`SELECT action FROM audit_events WHERE object_id = $1 ORDER BY id`, [id]);
    expect(audit).toEqual([{ action: 'organisation.created' }, { action: 'organisation.updated' }]);
  });

  it('answers 404 for an organisation that does not exist', async () => {
    const response = await t.http.get(`/organizations/${randomUUID()}`).auth(researcher, bearer);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('lists organisations for every signed-in user, filtered and paged by cursor', async () => {
    const agencies = await t.http.get('/organizations').query({ kind: 'funding_agency', limit: 3 }).auth(researcher, bearer);
    expect(agencies.status).toBe(200);
    expect(agencies.body.items).toHaveLength(3);
    const seen = [...agencies.body.items];
    let cursor = agencies.body.nextCursor as string | null;
    while (cursor) {
      const page = await t.http.get('/organizations').query({ kind: 'funding_agency', limit: 3, cursor }).auth(researcher, bearer);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(seen.map((o) => o.shortName).sort()).toEqual(['AMED', 'ANR', 'BRIN', 'DFG', 'JSPS', 'JST', 'NSF', 'NSTDA', 'UKRI']);
    expect(seen.map((o) => o.name.en)).toEqual([...seen.map((o) => o.name.en)].sort());

    const search = await t.http.get('/organizations').query({ q: '大阪' }).auth(researcher, bearer);
    expect(search.body.items.map((o: { shortName: string }) => o.shortName)).toEqual(['Osaka U']);
    const french = await t.http.get('/organizations').query({ country: 'fr' }).auth(researcher, bearer);
    expect(french.body.items.map((o: { shortName: string }) => o.shortName).sort()).toEqual(['ANR', 'Sorbonne U']);
    expect((await t.http.get('/organizations').query({ limit: 101 }).auth(researcher, bearer)).status).toBe(400);
    expect((await t.http.get('/organizations').query({ cursor: 'forged' }).auth(researcher, bearer)).status).toBe(400);
    expect((await t.http.get('/organizations')).status).toBe(401);
  });

  it('admins create users (e-mail unique whatever its case) and change their roles', async () => {
    const tokyo = (await t.http.get('/organizations').query({ q: 'Tokyo' }).auth(admin, bearer)).body.items[0].id as string;
    const created = await t.http
      .post('/users')
      .auth(admin, bearer)
      .send({
        email: 'New.Researcher@u-tokyo.example',
        name: 'New Researcher',
        password: 'a long enough password',
        organisationId: tokyo,
        roles: ['researcher'],
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ roles: ['researcher'], organisation: { id: tokyo }, disabled: false, version: 1 });
    expect(JSON.stringify(created.body)).not.toMatch(/password/i);

    const duplicate = await t.http.post('/users').auth(admin, bearer).send({
      email: 'new.researcher@U-TOKYO.example',
      name: 'Twin',
      password: 'a long enough password',
      roles: [],
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('UNIQUE_VIOLATION');

    const promoted = await t.http
      .patch(`/users/${created.body.id}`)
      .auth(admin, bearer)
      .set('if-match', created.headers['etag'] as string)
      .send({ roles: ['researcher', 'reviewer'] });
    expect(promoted.body.roles).toEqual(['researcher', 'reviewer']);
    const token = await t.login('new.researcher@u-tokyo.example', 'a long enough password');
    expect((await t.http.get('/me').auth(token, bearer)).body.roles).toEqual(['researcher', 'reviewer']);

    const weak = await t.http
      .post('/users')
      .auth(admin, bearer)
      .send({ email: 'w@example.org', name: 'W', password: 'short', roles: ['superuser'] });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'roles']);
  });

  it('an admin cannot remove their own admin role or disable their own account; another admin can', async () => {
    const me = await t.http.get('/me').auth(admin, bearer);
    const demoted = await t.http
      .patch(`/users/${me.body.id}`)
      .auth(admin, bearer)
      .set('if-match', me.headers['etag'] as string)
      .send({ roles: ['researcher'] });
    expect(demoted.status).toBe(422);
    expect(demoted.body).toMatchObject({ code: 'OWN_ADMIN_ROLE', errors: [{ field: 'roles' }] });
    const disabled = await t.http
      .patch(`/users/${me.body.id}`)
      .auth(admin, bearer)
      .set('if-match', me.headers['etag'] as string)
      .send({ disabled: true });
    expect(disabled.status).toBe(422);
    expect(disabled.body).toMatchObject({ code: 'OWN_ACCOUNT_DISABLED', errors: [{ field: 'disabled' }] });
    const after = await t.http.get('/me').auth(admin, bearer);
    expect(after.body).toMatchObject({ roles: ['admin'], disabled: false, version: me.body.version });

    const kept = await t.http
      .patch(`/users/${me.body.id}`)
      .auth(admin, bearer)
      .set('if-match', me.headers['etag'] as string)
      .send({ roles: ['admin'], disabled: false });
    expect(kept.status).toBe(200);

    const second = await t.http
      .post('/users')
      .auth(admin, bearer)
      .send({ email: 'second.admin@example.org', name: 'Second Admin', password: 'a long enough password', roles: ['admin'] });
    expect(second.status).toBe(201);
    const other = await t.http
      .patch(`/users/${second.body.id}`)
      .auth(admin, bearer)
      .set('if-match', second.headers['etag'] as string)
      .send({ roles: ['researcher'], disabled: true });
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ roles: ['researcher'], disabled: true });
  });

  it('admins list users by role and organisation', async () => {
    const reviewers = await t.http.get('/users').query({ role: 'reviewer', limit: 100 }).auth(admin, bearer);
    expect(reviewers.body.items.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining(['reviewer.kyoto@example.org', 'reviewer.osaka@example.org', 'reviewer.tohoku@example.org']),
    );
    expect(reviewers.body.items.every((u: { roles: string[] }) => u.roles.includes('reviewer'))).toBe(true);
    const user = await t.http.get(`/users/${reviewers.body.items[0].id}`).auth(admin, bearer);
    expect(user.status).toBe(200);
    expect((await t.http.get(`/users/${randomUUID()}`).auth(admin, bearer)).status).toBe(404);
  });
});

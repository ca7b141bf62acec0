import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '#schema';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { jointCallBody, org } from './support/call-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;

describe('calls', () => {
  let t: TestApp;
  let jst: string;
  let nsf: string;
  let researcher: string;
  let programId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-10T00:00:00Z' });
    await runSeeds(t.dataSource);
    jst = await t.login('officer.jst@example.org', DEMO_PASSWORD);
    nsf = await t.login('officer.nsf@example.org', DEMO_PASSWORD);
    researcher = await t.login('pi.utokyo@example.org', DEMO_PASSWORD);
    const program = await t.http
      .post('/programs')
      .auth(jst, bearer)
      .send({ agencyId: org('JST'), code: 'TESTPROG', nameJa: 'テスト事業', nameEn: 'Test program' });
    expect(program.status).toBe(201);
    programId = program.body.id;
  });
  afterAll(() => t.close());

  const createCall = async (overrides: Record<string, unknown> = {}) => {
    const response = await t.http.post('/calls').auth(jst, bearer).send(jointCallBody(programId, overrides));
    expect(response.status, response.text).toBe(201);
    return response.body as {
      id: string;
      version: number;
      timeline: { projectStartOn: string | null };
      agencies: { agency: { shortName: string }; deadline: { utc: string; local: string } }[];
    };
  };

  it('JST creates a joint call with NSF; NSF changes only its own deadline; researchers see it only once published', async () => {
    const call = await createCall();
    expect(call).toMatchObject({ status: 'draft', mode: 'joint_call', version: 1 });
    // A calendar day comes back as the day it is, whatever the server's zone.
    expect(call.timeline.projectStartOn).toBe('2027-10-01');

    const moved = await t.http
      .patch(`/calls/${call.id}`)
      .auth(nsf, bearer)
      .set('if-match', `"${call.version}"`)
      .send({ agencies: [{ agencyId: org('NSF'), deadline: '2027-04-20T17:00' }] });
    expect(moved.status, moved.text).toBe(200);
    const nsfEntry = moved.body.agencies.find((a: { agency: { shortName: string } }) => a.agency.shortName === 'NSF');
    expect(nsfEntry.deadline.local).toBe('2027-04-20T17:00:00-04:00');

    const notTheirs = await t.http
      .patch(`/calls/${call.id}`)
      .auth(nsf, bearer)
      .set('if-match', `"${moved.body.version}"`)
      .send({ agencies: [{ agencyId: org('JST'), deadline: '2027-06-30T12:00' }] });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.code).toBe('NOT_YOUR_AGENCY');
    const renamed = await t.http
      .patch(`/calls/${call.id}`)
      .auth(nsf, bearer)
      .set('if-match', `"${moved.body.version}"`)
      .send({ titleEn: 'Renamed by a partner' });
    expect(renamed.status).toBe(403);
    const after = await t.http.get(`/calls/${call.id}`).auth(jst, bearer);
    expect(after.body.title.en).toBe('Japan-US quantum joint call 2027');
    // What each officer may do is told with the call, as the rules above decide it.
    expect(after.body).toMatchObject({ allowedActions: ['edit_shared', 'edit_own_entry', 'publish', 'cancel'], ownAgencyId: org('JST') });
    expect((await t.http.get(`/calls/${call.id}`).auth(nsf, bearer)).body).toMatchObject({
      allowedActions: ['edit_own_entry'],
      ownAgencyId: org('NSF'),
    });
    expect(after.body.agencies.find((a: { agency: { shortName: string } }) => a.agency.shortName === 'JST').deadline.local).toBe(
      '2027-03-31T12:00:00+09:00',
    );

    expect((await t.http.get(`/calls/${call.id}`).auth(researcher, bearer)).status).toBe(404);
    const draftList = await t.http.get('/calls').query({ partnerCountry: 'US', limit: 100 }).auth(researcher, bearer);
    expect(draftList.body.items.map((c: { id: string }) => c.id)).not.toContain(call.id);

    const published = await t.http.post(`/calls/${call.id}/publish`).auth(jst, bearer);
    expect(published.status, published.text).toBe(200);
    expect(published.body.status).toBe('announced');
    const list = await t.http.get('/calls').query({ partnerCountry: 'us', limit: 100 }).auth(researcher, bearer);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(call.id);
    expect((await t.http.get(`/calls/${call.id}`).auth(researcher, bearer)).body).toMatchObject({ allowedActions: [], ownAgencyId: null });
    expect(published.body.allowedActions).toEqual(['edit_shared', 'edit_own_entry', 'cancel']);
    expect((await t.http.post(`/calls/${call.id}/publish`).auth(jst, bearer)).status).toBe(409);
    expect((await t.http.post(`/calls/${call.id}/publish`).auth(nsf, bearer)).status).toBe(403);
  });

  it('shows a Paris deadline in Paris and in Tokyo, right across the daylight-saving change', async () => {
    const call = await createCall({
      agencies: [
        { agencyId: org('JST'), role: 'lead', deadline: '2027-03-27T17:00', timeZone: 'Europe/Paris' },
        { agencyId: org('ANR'), role: 'partner', deadline: '2027-03-31T17:00' },
      ],
      eligibleCountries: ['FR'],
    });
    const detail = await t.http.get(`/calls/${call.id}`).query({ tz: 'Asia/Tokyo' }).auth(jst, bearer);
    const byAgency = Object.fromEntries(detail.body.agencies.map((a: { agency: { shortName: string } }) => [a.agency.shortName, a]));
    expect(byAgency['ANR'].deadline).toEqual({
      utc: '2027-03-31T15:00:00Z',
      timeZone: 'Europe/Paris',
      local: '2027-03-31T17:00:00+02:00',
      viewerTimeZone: 'Asia/Tokyo',
      viewer: '2027-04-01T00:00:00+09:00',
    });
    expect(byAgency['JST'].deadline).toMatchObject({ local: '2027-03-27T17:00:00+01:00', viewer: '2027-03-28T01:00:00+09:00' });
    // Without ?tz the viewer's zone is their organisation's (JST: Asia/Tokyo).
    expect((await t.http.get(`/calls/${call.id}`).auth(jst, bearer)).body.agencies[0].deadline.viewerTimeZone).toBe('Asia/Tokyo');
  });

  it('refuses an invalid call, naming each problem', async () => {
    const response = await t.http
      .post('/calls')
      .auth(jst, bearer)
      .send(
        jointCallBody(programId, {
          mode: 'twinning',
          agencies: [
            { agencyId: org('JST'), role: 'lead', deadline: '2027-01-10T12:00' },
            { agencyId: org('NSF'), role: 'partner', deadline: '2027-04-15T17:00', budgetCap: { amount: 100_000, currency: 'USD' } },
          ],
          tracks: [{ code: 'link', nameJa: '連携', nameEn: 'Link', maxDurationMonths: 36 }],
          eligibleCountries: ['US', 'XX'],
        }),
      );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'agencies[0].deadline',
      'agencies[1].budgetCap',
      'eligibleCountries[1]',
    ]);
  });

  it('refuses a call led by another agency than the program’s, and a deadline that does not exist', async () => {
    const response = await t.http
      .post('/calls')
      .auth(jst, bearer)
      .send(
        jointCallBody(programId, {
          agencies: [
            { agencyId: org('NSF'), role: 'lead', deadline: '2027-04-15T17:00' },
            { agencyId: org('JST'), role: 'partner', deadline: '2027-03-28T02:30', timeZone: 'Europe/Paris' },
          ],
        }),
      );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'agencies', message: 'agencies must be led by the agency that owns the program' },
      { field: 'agencies[1].deadline', message: 'agencies[1].deadline does not exist in Europe/Paris (a daylight-saving change skips it)' },
    ]);
    const noSuchDay = await t.http
      .post('/calls')
      .auth(jst, bearer)
      .send(jointCallBody(programId, { projectStartOn: '2027-02-29' }));
    expect(noSuchDay.status).toBe(400);
    expect(noSuchDay.body.errors).toEqual([{ field: 'projectStartOn', message: 'projectStartOn must be a day the calendar has' }]);
    const nsfProgram = await t.http.post('/calls').auth(nsf, bearer).send(jointCallBody(programId));
    expect(nsfProgram.status).toBe(403);
  });

  it('serves an iCalendar file per call, one event per agency deadline, with SEQUENCE raised when a deadline moves', async () => {
    const call = await createCall();
    const published = await t.http.post(`/calls/${call.id}/publish`).auth(jst, bearer);
    await t.http
      .patch(`/calls/${call.id}`)
      .auth(nsf, bearer)
      .set('if-match', `"${published.body.version}"`)
      .send({ agencies: [{ agencyId: org('NSF'), deadline: '2027-04-22T17:00' }] });
    const response = await t.http.get(`/calls/${call.id}/calendar.ics`).auth(researcher, bearer);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(response.text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(2);
    const byUid = Object.fromEntries(events.map((e) => [e.uid, e]));
    const nsfEvent = byUid[`${call.id}.${org('NSF')}@jointcall`]!;
    expect(nsfEvent.startDate.toJSDate().toISOString()).toBe('2027-04-22T21:00:00.000Z');
    expect(nsfEvent.startDate.zone.tzid).toBe('UTC');
    expect(nsfEvent.sequence).toBe(1);
    expect(byUid[`${call.id}.${org('JST')}@jointcall`]!.sequence).toBe(0);
  });

  it('a personal calendar feed follows watched calls; a rotated token stops the old URL', async () => {
    const call = await createCall({ titleEn: 'Watched call' });
    await t.http.post(`/calls/${call.id}/publish`).auth(jst, bearer);
    expect((await t.http.put(`/calls/${call.id}/watch`).auth(researcher, bearer)).status).toBe(204);
    expect((await t.http.get(`/calls/${call.id}`).auth(researcher, bearer)).body.watching).toBe(true);

    const first = await t.http.post('/me/calendar-token').auth(researcher, bearer);
    expect(first.status).toBe(201);
    const path = (url: string) => new URL(url).pathname;
    const feed = await t.http.get(path(first.body.url));
    expect(feed.status).toBe(200);
    const uids = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).uid);
    expect(uids).toEqual(expect.arrayContaining([`${call.id}.${org('JST')}@jointcall`, `${call.id}.${org('NSF')}@jointcall`]));

    const second = await t.http.post('/me/calendar-token').auth(researcher, bearer);
    expect((await t.http.get(path(first.body.url))).status).toBe(404);
    expect((await t.http.get(path(second.body.url))).status).toBe(200);

    expect((await t.http.delete(`/calls/${call.id}/watch`).auth(researcher, bearer)).status).toBe(204);
    const after = await t.http.get(path(second.body.url));
    expect(after.text).not.toContain(call.id);
  });

  it('lists by status, field, mode, deadline window and words in either language, by next deadline', async () => {
    const quantum = await createCall({ titleJa: '量子コンピュータ特別公募', titleEn: 'Quantum computing special call' });
    await t.http.post(`/calls/${quantum.id}/publish`).auth(jst, bearer);
    let token = researcher;
    const search = async (query: Record<string, string | number>) =>
      (
        await t.http
          .get('/calls')
          .query({ limit: 100, ...query })
          .auth(token, bearer)
      ).body.items.map((c: { id: string }) => c.id);
    expect(await search({ q: '量子コンピュータ' })).toEqual([quantum.id]);
    expect(await search({ q: 'quantum computing' })).toEqual([quantum.id]);
    expect(await search({ q: 'quantum computing', status: 'announced', field: 'quantum', mode: 'joint_call' })).toEqual([quantum.id]);
    expect(await search({ q: 'quantum computing', status: 'open' })).toEqual([]);
    expect(await search({ q: 'quantum computing', field: 'energy' })).toEqual([]);
    expect(await search({ q: 'quantum computing', deadlineFrom: '2027-04-01T00:00:00Z', deadlineTo: '2027-05-01T00:00:00Z' })).toEqual([
      quantum.id,
    ]);
    expect(await search({ q: 'quantum computing', deadlineFrom: '2027-05-01T00:00:00Z' })).toEqual([]);
    // A day the month does not have is refused, not moved to the next month.
    const impossible = await t.http.get('/calls').query({ deadlineFrom: '2027-02-30T00:00:00Z' }).auth(token, bearer);
    expect(impossible.status).toBe(400);
    expect(impossible.body.errors).toEqual([{ field: 'deadlineFrom', message: 'deadlineFrom must be an ISO 8601 instant with an offset' }]);

    t.clock.set('2027-02-01T00:00:00Z');
    token = await t.login('pi.utokyo@example.org', DEMO_PASSWORD);
    expect(await search({ q: 'quantum computing', status: 'open' })).toEqual([quantum.id]);
    const all = (await t.http.get('/calls').query({ limit: 100 }).auth(token, bearer)).body.items as {
      nextDeadline: { utc: string } | null;
    }[];
    const deadlines = all.map((c) => c.nextDeadline?.utc ?? '9999');
    expect(deadlines).toEqual([...deadlines].sort());
    t.clock.set('2026-12-10T00:00:00Z');
  });

  it('cancels a call, which then stays visible as cancelled and cannot change', async () => {
    const call = await createCall();
    await t.http.post(`/calls/${call.id}/publish`).auth(jst, bearer);
    const cancelled = await t.http.post(`/calls/${call.id}/cancel`).auth(jst, bearer).send({ reason: 'Partner budget withdrawn' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReason: 'Partner budget withdrawn' });
    expect((await t.http.get(`/calls/${call.id}`).auth(researcher, bearer)).body.status).toBe('cancelled');
    const changed = await t.http
      .patch(`/calls/${call.id}`)
      .auth(jst, bearer)
      .set('if-match', `"${cancelled.body.version}"`)
      .send({ titleEn: 'x' });
    expect(changed.status).toBe(422);
  });

  it('a call published once it is open keeps a valid timeline; each officer then changes what is theirs', async () => {
    // It opened on 1 December without a pre-announcement, and is published on the 10th at an instant with milliseconds.
    const call = await createCall({ announcedAt: null, opensAt: '2026-12-01T10:00' });
    t.clock.set('2026-12-10T00:00:05.678Z');
    const published = await t.http.post(`/calls/${call.id}/publish`).auth(jst, bearer);
    expect(published.status, published.text).toBe(200);

    const moved = await t.http
      .patch(`/calls/${call.id}`)
      .auth(nsf, bearer)
      .set('if-match', `"${published.body.version}"`)
      .send({ agencies: [{ agencyId: org('NSF'), deadline: '2027-04-20T17:00' }] });
    expect(moved.status, moved.text).toBe(200);
    const summarised = await t.http
      .patch(`/calls/${call.id}`)
      .auth(jst, bearer)
      .set('if-match', `"${moved.body.version}"`)
      .send({ summaryEn: 'Joint projects in quantum sensing.' });
    expect(summarised.status, summarised.text).toBe(200);
    expect(summarised.body).toMatchObject({
      status: 'open',
      summary: { en: 'Joint projects in quantum sensing.' },
      publishedAt: '2026-12-10T00:00:05.000Z',
      timeline: { announcedAt: null, opensAt: { utc: '2026-12-01T01:00:00Z' } },
    });
    t.clock.set('2026-12-10T00:00:00Z');
  });

  it('publishing before the opening announces the call then; instants the server sets are whole seconds', async () => {
    const call = await createCall({ announcedAt: null });
    t.clock.set('2026-12-10T00:00:07.891Z');
    const published = await t.http.post(`/calls/${call.id}/publish`).auth(jst, bearer);
    expect(published.status, published.text).toBe(200);
    expect(published.body).toMatchObject({
      status: 'announced',
      publishedAt: '2026-12-10T00:00:07.000Z',
      timeline: { announcedAt: { utc: '2026-12-10T00:00:07Z', local: '2026-12-10T09:00:07+09:00' } },
    });
    expect((await t.http.post(`/calls/${call.id}/cancel`).auth(jst, bearer).send({ reason: 'Merged into another call' })).status).toBe(200);
    const [row] = await t.dataSource.query<{ instants: number; fractional: number }[]>(
      `SELECT count(x)::int AS instants, count(*) FILTER (WHERE x <> date_trunc('second', x))::int AS fractional
         FROM calls c, unnest(ARRAY[c.published_at, c.announced_at, c.cancelled_at]) x WHERE c.id = $1`,
      [call.id],
    );
    expect(row).toEqual({ instants: 3, fractional: 0 });
    t.clock.set('2026-12-10T00:00:00Z');
  });

  it('a call left announced after its opening still takes changes, and the repair migration gives it no announcement', async () => {
    const call = await createCall({ announcedAt: null, opensAt: '2026-12-01T10:00' });
    expect((await t.http.post(`/calls/${call.id}/publish`).auth(jst, bearer)).status).toBe(200);
    // What publishing an open call used to record: the publication, with its milliseconds, as the announcement.
    await t.dataSource.query(
      `UPDATE calls SET published_at = '2026-12-10T00:00:00.250Z', announced_at = '2026-12-10T00:00:00.250Z' WHERE id = $1`,
      [call.id],
    );
    const moved = await t.http
      .patch(`/calls/${call.id}`)
      .auth(nsf, bearer)
      .set('if-match', `"${call.version + 1}"`)
      .send({ agencies: [{ agencyId: org('NSF'), deadline: '2027-04-20T17:00' }] });
    expect(moved.status, moved.text).toBe(200);
    // A change that brings a problem of its own is refused for that problem alone.
    const early = await t.http
      .patch(`/calls/${call.id}`)
      .auth(jst, bearer)
      .set('if-match', `"${moved.body.version}"`)
      .send({ reviewStartsAt: '2027-04-01T09:00' });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([{ field: 'reviewStartsAt', message: 'reviewStartsAt must not be before the last deadline' }]);

    const Repair = migrations.find((migration) => migration.name === 'RepairCallAnnouncements1795392142861')!;
    const runner = t.dataSource.createQueryRunner();
    await new Repair().up(runner).finally(() => runner.release());
    const repaired = await t.http.get(`/calls/${call.id}`).auth(jst, bearer);
    expect(repaired.body).toMatchObject({ publishedAt: '2026-12-10T00:00:00.000Z', timeline: { announcedAt: null } });
  });

  it('guards updates with If-Match', async () => {
    const call = await createCall();
    const stale = await t.http.patch(`/calls/${call.id}`).auth(jst, bearer).set('if-match', '"1"').send({ titleEn: 'First' });
    expect(stale.status).toBe(200);
    expect(stale.headers['etag']).toBe('"2"');
    expect((await t.http.patch(`/calls/${call.id}`).auth(jst, bearer).set('if-match', '"1"').send({ titleEn: 'Second' })).status).toBe(409);
  });
});

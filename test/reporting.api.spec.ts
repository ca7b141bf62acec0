import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASPIRE_2023, planAspireRound } from '../seeds/aspire/aspire-2023.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { runSeeds } from '../seeds/index.js';
import { seedId } from '../seeds/seed-id.js';
import { org } from './support/call-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const ASPIRE = seedId('call', 'ASPIRE-2023');
const EXPERT_J = seedId('call', 'EXPERT-J-2025');

interface Row {
  key: string | null;
  applications: number;
  funded: number;
}

describe('call statistics and dashboards', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = (who: string, path: string) => t.http.get(path).auth(tokens[who]!, bearer);

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-11-20T00:00:00Z' });
    await runSeeds(t.dataSource, new Date('2026-11-20T00:00:00Z'));
    for (const who of ['officer.jst', 'officer.nsf', 'ura.utokyo', 'ura.osaka', 'pi.utokyo'])
      tokens[who] = await t.login(`${who}@example.org`, DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  it('reproduce the published ASPIRE 2023 results from the seeded rows', async () => {
    const response = await get('officer.jst', `/calls/${ASPIRE}/statistics`);
    expect(response.status, response.text).toBe(200);
    const s = response.body as {
      applications: number;
      eligible: number;
      funded: number;
      notFunded: number;
      pending: number;
      adoptionRate: number;
      scope: { kind: string };
      byField: Row[];
      byLeadInstitution: Row[];
      byTrack: (Row & { label: { en: string } })[];
      partnerCountries: { country: string; fundedPartnerInstitutions: number }[];
    };
    expect(s).toMatchObject({
      applications: 469,
      eligible: 469,
      funded: 106,
      notFunded: 363,
      pending: 0,
      adoptionRate: 0.226,
      scope: { kind: 'call' },
    });
    const funded = (rows: Row[]) => Object.fromEntries(rows.filter((r) => r.funded > 0).map((r) => [r.key, r.funded]));
    expect(funded(s.byField)).toEqual({
      bio: 13,
      ai_information: 15,
      materials: 14,
      semiconductors: 10,
      energy: 11,
      quantum: 15,
      communications: 10,
      health_medicine: 18,
    });
    const byLead = funded(s.byLeadInstitution);
    for (const [key, n] of Object.entries(ASPIRE_2023.fundedByLeadInstitution)) expect(byLead[org(key)], key).toBe(n);
    expect(byLead['null']).toBe(106 - 77);
    expect(Object.fromEntries(s.partnerCountries.map((c) => [c.country, c.fundedPartnerInstitutions]))).toEqual({
      US: 51,
      GB: 35,
      DE: 27,
      FR: 14,
      CA: 12,
      AU: 11,
      FI: 8,
      IT: 6,
      DK: 6,
      AT: 5,
      NL: 5,
      CH: 5,
      SE: 5,
      BE: 4,
      ES: 3,
      KR: 3,
      EU: 1,
      CZ: 1,
      NO: 1,
    });
    expect(s.byTrack.map((r) => r.label.en).sort()).toEqual([
      'Next generation',
      'TOP researchers / TOP team',
      'Type A (large-scale research, AMED)',
      'Type B (comparatively new themes, AMED)',
    ]);
    expect(s.byTrack.reduce((n, r) => n + r.applications, 0)).toBe(469);
  });

  it('count EXPERT-J 2025: 13 universities applied, 11 selected', async () => {
    const s = (await get('officer.jst', `/calls/${EXPERT_J}/statistics`)).body as {
      applications: number;
      funded: number;
      byLeadInstitution: Row[];
    };
    expect(s).toMatchObject({ applications: 13, funded: 11 });
    expect(s.byLeadInstitution.filter((r) => r.funded === 1).map((r) => r.key)).toHaveLength(11);
  });

  it("show an office only its own institution's part, and no one else anything", async () => {
    const office = await get('ura.utokyo', `/calls/${ASPIRE}/statistics`);
    expect(office.status, office.text).toBe(200);
    expect(office.body.scope).toEqual({ kind: 'institution', institutionId: org('UTOKYO') });
    expect(office.body.funded).toBe(27);
    expect(office.body.byLeadInstitution.map((r: Row) => r.key)).toEqual([org('UTOKYO')]);
    const osaka = (await get('ura.osaka', `/calls/${ASPIRE}/statistics`)).body;
    expect(osaka.funded).toBe(11);
    expect(osaka.applications).toBeLessThan(office.body.applications);

    expect((await get('pi.utokyo', `/calls/${ASPIRE}/statistics`)).status).toBe(403);
    expect((await get('pi.utokyo', `/calls/${ASPIRE}/statistics.csv`)).status).toBe(403);
    expect((await get('officer.nsf', `/calls/${ASPIRE}/statistics`)).status).toBe(404);
    expect((await get('officer.jst', `/calls/${seedId('call', 'no-such-call')}/statistics`)).status).toBe(404);
    expect((await get('pi.utokyo', '/dashboards/agency')).status).toBe(403);
    expect((await get('officer.jst', '/dashboards/institution')).status).toBe(403);
  });

  it('export the statistics as CSV, the same numbers as the JSON', async () => {
    const response = await get('officer.jst', `/calls/${ASPIRE}/statistics.csv`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const rows: Record<string, string>[] = parse(response.text.replace(/^\uFEFF/, ''), { columns: true });
    expect(rows[0]).toMatchObject({ dimension: 'total', applications: '469', funded: '106', adoption_rate: '0.226' });
    expect(rows.find((r) => r['dimension'] === 'field' && r['key'] === 'health_medicine')).toMatchObject({
      funded: '18',
      label_ja: '健康・医療',
    });
    expect(rows.find((r) => r['dimension'] === 'partner_country' && r['key'] === 'US')).toMatchObject({
      funded_partner_institutions: '51',
    });
  });

  it("give an agency its calls and an office its institution's picture", async () => {
    const agency = await get('officer.jst', '/dashboards/agency');
    expect(agency.status, agency.text).toBe(200);
    // JST decides the seven fields; AMED, health and medicine.
    const jstProjects = planAspireRound().filter((p) => p.field !== 'health_medicine').length;
    const aspire = agency.body.byCall.find((c: { callId: string }) => c.callId === ASPIRE);
    expect(aspire).toMatchObject({ role: 'lead', status: 'decided', received: jstProjects, funded: 106 - 18 });
    expect(agency.body.calls).toBeGreaterThanOrEqual(6);

    const office = await get('ura.utokyo', '/dashboards/institution');
    expect(office.status, office.text).toBe(200);
    expect(office.body.funded).toBeGreaterThanOrEqual(27 + 1);
    expect(office.body.successRate).toBeGreaterThan(0);
    expect(office.body.byStatus.decided).toBeGreaterThan(27);
    expect(office.body.upcomingDeadlines.length).toBeGreaterThan(0);
    for (const d of office.body.upcomingDeadlines) expect(Date.parse(d.deadline)).toBeGreaterThan(Date.parse('2026-11-20T00:00:00Z'));
  });
});

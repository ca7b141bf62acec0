import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentStorage } from '#documents';
import { runDemoSeeds } from '../seeds/index.js';
import { seedId } from '../seeds/seed-id.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const NOW = new Date('2026-12-06T00:00:00Z');

/** `npm start`'s demo: the calls ask their own questions, and the submitted demo proposals froze their answers. */
describe('the demo calls’ forms and answers', () => {
  let t: TestApp;
  let folder: string;
  let first: Record<string, number>;
  let second: Record<string, number>;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW.toISOString() });
    folder = await mkdtemp(join(tmpdir(), 'jointcall-demo-'));
    const storage = createDocumentStorage({ driver: 'filesystem', root: folder });
    await storage.ready();
    first = { ...(await runDemoSeeds(t.dataSource, storage, NOW)).changed };
    second = { ...(await runDemoSeeds(t.dataSource, storage, NOW)).changed };
  });
  afterAll(async () => {
    await t?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('loads once: a second run changes nothing', () => {
    expect(first['forms']).toBeGreaterThan(5);
    expect(first['documents']).toBeGreaterThan(0);
    expect(Object.values(second).every((changed) => changed === 0)).toBe(true);
  });

  it('ASPIRE asks for the young researchers sent and invited, with numbers', async () => {
    const pi = await t.login('pi.utokyo@example.org', DEMO_PASSWORD);
    const form = await t.http.get(`/calls/${seedId('call', 'ASPIRE-2023')}/form`).auth(pi, bearer);
    expect(form.status, form.text).toBe(200);
    const questions = form.body.questions as { key: string; type: string; label: { ja: string } }[];
    expect(questions.find((q) => q.key === 'young_researchers_sent')).toMatchObject({
      type: 'number',
      label: { ja: '海外へ派遣する若手研究者数(人)' },
    });
    expect(questions.find((q) => q.key === 'researchers_invited')?.type).toBe('number');
  });

  it('a submitted demo proposal’s submission holds its answers; the reviewer reads those for reviewers only', async () => {
    const id = seedId('application', 'UTOKYO-IN-REVIEW');
    const office = await t.login('ura.utokyo@example.org', DEMO_PASSWORD);
    const all = await t.http.get(`/applications/${id}/submitted-answers`).auth(office, bearer);
    expect(all.status, all.text).toBe(200);
    expect(all.body.answers.proposal.exchange_visits).toBe(6);
    expect(all.body.answers.sides[seedId('organisation', 'JST')]).toEqual({ export_control: 'cleared' });

    const reviewer = await t.login('reviewer.kyoto@example.org', DEMO_PASSWORD);
    const read = await t.http.get(`/applications/${id}/submitted-answers`).auth(reviewer, bearer);
    expect(read.status, read.text).toBe(200);
    expect((read.body.questions as { key: string }[]).map((q) => q.key)).toEqual(['data_management', 'exchange_visits']);
    expect(JSON.stringify(read.body.answers)).not.toContain('export_control');
  });

  it('the Tokyo draft is half answered: submit names what is missing by key', async () => {
    const pi = await t.login('pi.utokyo@example.org', DEMO_PASSWORD);
    const check = await t.http.post(`/applications/${seedId('application', 'UTOKYO-DRAFT')}/check`).auth(pi, bearer);
    expect(check.status, check.text).toBe(200);
    const fields = (check.body.problems as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['answers.proposal.data_management', `answers.sides.${seedId('organisation', 'JST')}.export_control`]),
    );
    expect(fields).not.toContain('answers.proposal.exchange_visits');
  });
});

import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_EXPORT_HEADERS } from '#applications';
import { keyOfHeader } from '#forms';
import { runSeeds } from '../seeds/index.js';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { completeDraft, JST_LEAD_NSF_PARTNER, NEXT_GENERATION_TRACK, org, publishedCall } from './support/call-fixtures.js';
import { Given } from './support/given.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bearer = { type: 'bearer' } as const;
const NOW = '2027-02-01T00:00:00Z';
type Language = 'en' | 'ja';

interface TestQuestion {
  readonly key: string;
  readonly type: string;
  readonly label: { readonly en: string; readonly ja: string };
  readonly scope: 'proposal' | 'side';
  readonly choices?: readonly { readonly value: string; readonly label: { readonly en: string; readonly ja: string } }[];
  readonly [other: string]: unknown;
}

const question = (key: string, type: string, label: { en: string; ja: string }, extra: Partial<TestQuestion> = {}): TestQuestion => ({
  key,
  type,
  label,
  help: null,
  required: false,
  scope: 'proposal',
  visibility: 'reviewers',
  ...extra,
});

const SUMMARY = question('summary', 'long_text', { en: 'Summary, in brief', ja: '研究概要' }, { maxChars: 2000 });
const PARTNERS = question('partners', 'number', { en: 'Partner institutions', ja: '連携機関数' }, { visibility: 'office_agency' });
const START_ON = question('start_on', 'date', { en: 'Planned start', ja: '開始予定日' });
const ETHICS = question('ethics', 'yes_no', { en: 'Ethics approval obtained', ja: '倫理審査の承認' }, { visibility: 'office_agency' });
const TOPICS = question(
  'topics',
  'multiple_choice',
  { en: 'Topics', ja: '研究テーマ' },
  {
    choices: [
      { value: 'sensing', label: { en: 'Sensing, quantum', ja: '量子センシング' } },
      { value: 'computing', label: { en: 'Computing', ja: '量子計算' } },
      { value: 'networks', label: { en: 'Networks "long-haul"', ja: '量子通信' } },
    ],
  },
);
const REGION = question(
  'lead_region',
  'single_choice',
  { en: 'Lead region', ja: '主たる地域' },
  {
    choices: [
      { value: 'asia', label: { en: 'Asia', ja: 'アジア' } },
      { value: 'americas', label: { en: 'Americas', ja: '米州' } },
    ],
  },
);
const SITE = question('site', 'url', { en: 'Project site', ja: 'プロジェクトのウェブサイト' });
/** Answered by an upload for the call's research plan requirement (its id is set once the call has it). */
const PLAN_FILE = question('plan_file', 'document', { en: 'Research plan', ja: '研究計画書' });
const withPlan = (questions: readonly TestQuestion[], requirementId: string) =>
  questions.map((q) => (q.key === PLAN_FILE.key ? { ...q, documentRequirementId: requirementId } : q));
const SIDE_ROLE = question('side_role', 'short_text', { en: 'Role of this side', ja: 'この側の役割' }, { scope: 'side' });
const SIDE_READY = question(
  'side_ready',
  'yes_no',
  { en: 'Team in place', ja: '体制整備済み' },
  { scope: 'side', visibility: 'office_agency' },
);
const OLD_NOTE = question('old_note', 'short_text', { en: 'Note', ja: '備考' });
const NEW_FLAG = question('new_flag', 'yes_no', { en: 'Data management plan ready', ja: 'データマネジメントプラン作成済み' });

/** Version 1, asked before the call opens; version 2, made on purpose once it is open: reordered, one removed, one added. */
const VERSION_1 = [SUMMARY, PARTNERS, START_ON, ETHICS, TOPICS, REGION, SITE, PLAN_FILE, SIDE_ROLE, SIDE_READY, OLD_NOTE];
const VERSION_2 = [SIDE_ROLE, SUMMARY, PARTNERS, START_ON, ETHICS, TOPICS, REGION, SITE, PLAN_FILE, SIDE_READY, NEW_FLAG];
/** The columns the form gives: version 2's questions in order, then the keys only version 1 asked; no document question. */
const COLUMN_KEYS = [
  'side_role',
  'summary',
  'partners',
  'start_on',
  'ethics',
  'topics',
  'lead_region',
  'site',
  'side_ready',
  'new_flag',
  'old_note',
];
const FORM = new Map([...VERSION_1, ...VERSION_2].map((q) => [q.key, q]));
const AGENCY_OF = new Map([
  ['JST', org('JST')],
  ['NSF', org('NSF')],
]);

type Answers = { proposal: Record<string, unknown>; sides: Record<string, Record<string, unknown>> };

/** A's answers: texts with commas, quotes and line breaks, a number past a thousand, several choices. */
const A_ANSWERS: Answers = {
  proposal: {
    summary: 'Sensing, "entangled" photons,\r\nacross the Pacific\nand back: 日米の量子センシング',
    partners: 1234567.5,
    start_on: '2027-10-01',
    ethics: true,
    topics: ['sensing', 'networks'],
    lead_region: 'asia',
    site: 'https://example.org/project?a=1,2',
    old_note: 'Asked only by version 1',
  },
  sides: {
    [org('JST')]: { side_role: 'Lead, "theory"', side_ready: true },
    [org('NSF')]: { side_role: 'Partner\nexperiments', side_ready: false },
  },
};
const R_SUBMITTED: Answers = {
  proposal: { summary: 'As first submitted', partners: 3, ethics: false, topics: ['computing'], lead_region: 'americas' },
  sides: { [org('JST')]: { side_role: 'Theory' } },
};
const M_ANSWERS: Answers = {
  proposal: { summary: 'With a co-investigator in Osaka', partners: 2, ethics: true, topics: ['computing'] },
  sides: { [org('NSF')]: { side_role: 'Devices', side_ready: true } },
};
const N_ANSWERS: Answers = {
  proposal: { summary: 'Begun on version 2', new_flag: true, topics: ['networks'] },
  sides: { [org('JST')]: { side_role: '理論、"設計"', side_ready: true } },
};

interface Csv {
  readonly status: number;
  readonly contentType: string;
  readonly disposition: string;
  readonly header: string[];
  readonly rows: string[][];
}

/** A cell read back into the answer it shows, through the form (a choice's label to its value). */
function answerOf(q: TestQuestion, cell: string, language: Language): unknown {
  if (cell === '') return undefined;
  const choice = (label: string) => {
    const found = q.choices?.find((c) => c.label[language] === label);
    expect(found, `${q.key}: ${label}`).toBeDefined();
    return found!.value;
  };
  switch (q.type) {
    case 'number':
      expect(cell).toMatch(/^-?\d+(\.\d+)?$/);
      return Number(cell);
    case 'yes_no':
      expect([...(language === 'ja' ? ['はい', 'いいえ'] : ['Yes', 'No'])]).toContain(cell);
      return cell === 'Yes' || cell === 'はい';
    case 'single_choice':
      return choice(cell);
    case 'multiple_choice':
      return cell.split('\n').map(choice);
    case 'date':
      expect(cell).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      return cell;
    default:
      return cell;
  }
}

/** The answers an application's rows show, rebuilt by the header's key and the form: what was submitted, if the export is right. */
function answersFromCsv(csv: Csv, applicationId: string, language: Language): Answers {
  const rows = csv.rows.filter((row) => row[0] === applicationId);
  expect(rows.length).toBeGreaterThan(0);
  const answers: Answers = { proposal: {}, sides: {} };
  csv.header.forEach((header, index) => {
    const key = keyOfHeader(header);
    if (key === null) return;
    const q = FORM.get(key)!;
    if (q.scope === 'proposal') {
      // A proposal's answer shows the same on every side's row.
      expect(new Set(rows.map((row) => row[index])).size, key).toBe(1);
      const value = answerOf(q, rows[0]![index]!, language);
      if (value !== undefined) answers.proposal[key] = value;
      return;
    }
    for (const row of rows) {
      const agencyId = AGENCY_OF.get(row[5]!)!;
      const value = answerOf(q, row[index]!, language);
      if (value !== undefined) (answers.sides[agencyId] ??= {})[key] = value;
    }
  });
  return answers;
}

/** The answer cells of an application's rows. */
function answerCells(csv: Csv, applicationId: string): string[] {
  const questionColumns = csv.header.flatMap((header, index) => (keyOfHeader(header) === null ? [] : [index]));
  return csv.rows.filter((row) => row[0] === applicationId).flatMap((row) => questionColumns.map((index) => row[index]!));
}

describe('the call’s questions as CSV columns', () => {
  let t: TestApp;
  let callId: string;
  let trackId: string;
  let planId: string;
  const tokens: Record<string, string> = {};
  let a: string;
  let r: string;
  let m: string;
  let d: string;
  let n: string;

  const login = async (name: string) => (tokens[name] = await t.login(`${name}@example.org`, DEMO_PASSWORD));

  async function csv(path: string, token: string, query: Record<string, string> = {}): Promise<Csv> {
    const response = await t.http.get(path).query(query).auth(token, bearer);
    const base = {
      status: response.status,
      contentType: String(response.headers['content-type'] ?? ''),
      disposition: String(response.headers['content-disposition'] ?? ''),
    };
    if (response.status !== 200) return { ...base, header: [], rows: [] };
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    expect(response.text.endsWith('\r\n')).toBe(true);
    const records: string[][] = parse(response.text, { bom: true });
    const [header, ...rows] = records;
    return { ...base, header: header!, rows };
  }
  const officeCsv = (office: string, query: Record<string, string> = {}) =>
    csv('/applications/export.csv', tokens[office]!, { callId, ...query });
  const agencyCsv = (officer: string, query: Record<string, string> = {}, token = tokens[officer]!) =>
    csv(`/calls/${callId}/applications/export.csv`, token, query);

  async function ok<R extends { status: number; text: string }>(request: Promise<R>, status = 200): Promise<R> {
    const response = await request;
    expect(response.status, response.text).toBe(status);
    return response;
  }
  /** Saves the answers as the pages do: on the version just read (its ETag as If-Match). */
  async function putAnswers(id: string, answers: Answers): Promise<void> {
    const read = await t.http.get(`/applications/${id}/answers`).auth(tokens['pi.utokyo']!, bearer);
    expect(read.status, read.text).toBe(200);
    await ok(
      t.http
        .put(`/applications/${id}/answers`)
        .auth(tokens['pi.utokyo']!, bearer)
        .set('if-match', String(read.headers['etag']))
        .send({ answers }),
    );
  }
  const submit = (id: string) => ok(t.http.post(`/applications/${id}/submit`).auth(tokens['pi.utokyo']!, bearer));
  const approveJst = (id: string) =>
    ok(
      t.http
        .post(`/applications/${id}/sides/${org('JST')}/approve`)
        .auth(tokens['ura.utokyo']!, bearer)
        .send({ exportControlScreened: true, disclosuresReceived: true }),
    );
  const draft = async (title: string) => completeDraft(t.http, t.dataSource, tokens['pi.utokyo']!, { callId, trackId, title });

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-10T00:00:00Z' });
    await runSeeds(t.dataSource);
    await login('officer.jst');
    const call = await publishedCall(t.http, t.dataSource, tokens['officer.jst']!, {
      agencies: JST_LEAD_NSF_PARTNER,
      tracks: [NEXT_GENERATION_TRACK],
    });
    callId = call.callId;
    trackId = call.trackIds['next-generation']!;
    const requirements = await ok(
      t.http
        .put(`/calls/${callId}/document-requirements`)
        .auth(tokens['officer.jst']!, bearer)
        .send({
          requirements: [
            {
              kind: 'research_plan',
              scope: 'proposal',
              labelEn: 'Research plan',
              labelJa: '研究計画書',
              maxBytes: 1_000_000,
              required: false,
            },
          ],
        }),
    );
    planId = (requirements.body as { id: string }[])[0]!.id;
    await ok(
      t.http
        .put(`/calls/${callId}/form`)
        .auth(tokens['officer.jst']!, bearer)
        .send({ questions: withPlan(VERSION_1, planId) }),
    );

    t.clock.set(NOW);
    for (const name of ['officer.jst', 'officer.nsf', 'ura.utokyo', 'ura.osaka', 'pi.utokyo']) await login(name);

    // On version 1: A (submitted, then approved: it reached both agencies), R (submitted, then reopened and
    // edited), M (a co-investigator at Osaka, submitted: it reached NSF only), D (a draft never submitted).
    ({ id: a } = await draft('A: answered in full'));
    await putAnswers(a, A_ANSWERS);
    await submit(a);
    await approveJst(a);

    ({ id: r } = await draft('R: reopened'));
    await putAnswers(r, R_SUBMITTED);
    await submit(r);
    await ok(t.http.post(`/applications/${r}/reopen`).auth(tokens['pi.utokyo']!, bearer));
    await putAnswers(r, { proposal: { summary: 'Edited after reopening', partners: 9 }, sides: {} });

    const made = await draft('M: member at Osaka');
    m = made.id;
    await ok(
      t.http
        .post(`/applications/${m}/members`)
        .auth(tokens['pi.utokyo']!, bearer)
        .set('if-match', `"${made.version}"`)
        .send({ name: 'Ren Ogawa', role: 'co_investigator', earlyCareer: false, institutionId: org('OSAKA'), country: 'JP' }),
      201,
    );
    await putAnswers(m, M_ANSWERS);
    await submit(m);

    ({ id: d } = await draft('D: never submitted'));
    await putAnswers(d, { proposal: { summary: 'Only a draft', partners: 1 }, sides: {} });

    // Version 2, then N begun on it, submitted and approved.
    await ok(
      t.http
        .put(`/calls/${callId}/form?newVersion=true`)
        .auth(tokens['officer.jst']!, bearer)
        .send({ questions: withPlan(VERSION_2, planId) }),
    );
    ({ id: n } = await draft('N: on version 2'));
    await putAnswers(n, N_ANSWERS);
    await submit(n);
    await approveJst(n);
  });
  afterAll(() => t.close());

  it('gives the office a column per question key of every version, none for the document question, and the submitted answers', async () => {
    const export_ = await officeCsv('ura.utokyo', { lang: 'en' });
    expect(export_.status).toBe(200);
    expect(export_.contentType).toBe('text/csv; charset=utf-8');
    expect(export_.header.slice(0, FIXED_EXPORT_HEADERS.en.length)).toEqual(FIXED_EXPORT_HEADERS.en);
    const questionHeaders = export_.header.slice(FIXED_EXPORT_HEADERS.en.length);
    expect(questionHeaders.map(keyOfHeader)).toEqual(COLUMN_KEYS);
    expect(questionHeaders).toContain('Summary, in brief [summary]');
    expect(questionHeaders.some((header) => header.includes('plan_file') || header.includes('Research plan'))).toBe(false);
    expect(new Set(export_.header).size).toBe(export_.header.length);
    for (const row of export_.rows) expect(row).toHaveLength(export_.header.length);

    // Each application's answers read back exactly as submitted: proposal and side answers, every type.
    expect(answersFromCsv(export_, a, 'en')).toEqual(A_ANSWERS);
    expect(answersFromCsv(export_, m, 'en')).toEqual(M_ANSWERS);
    expect(answersFromCsv(export_, n, 'en')).toEqual(N_ANSWERS);
    const aJst = export_.rows.find((row) => row[0] === a && row[5] === 'JST')!;
    const cell = (row: string[], key: string) => row[export_.header.findIndex((h) => keyOfHeader(h) === key)];
    expect(cell(aJst, 'partners')).toBe('1234567.5');
    expect(cell(aJst, 'ethics')).toBe('Yes');
    expect(cell(aJst, 'topics')).toBe('Sensing, quantum\nNetworks "long-haul"');
    expect(cell(aJst, 'summary')).toBe(A_ANSWERS.proposal['summary']);
  });

  it('shows the latest submission, never the draft: an edit after reopening changes nothing, a draft never submitted has blank cells', async () => {
    const export_ = await officeCsv('ura.utokyo', { lang: 'en' });
    expect(answersFromCsv(export_, r, 'en')).toEqual(R_SUBMITTED);
    expect(export_.rows.filter((row) => row[0] === d)).toHaveLength(2);
    expect(answerCells(export_, d).every((value) => value === '')).toBe(true);
    expect(JSON.stringify(export_.rows)).not.toMatch(/Edited after reopening|Only a draft/);
  });

  it('writes every header in Japanese for lang=ja and for a Japanese-language reader who names no language, and parses back the same', async () => {
    const asked = await officeCsv('ura.utokyo', { lang: 'ja' });
    // ura.utokyo reads jointcall in Japanese.
    const own = await officeCsv('ura.utokyo');
    for (const export_ of [asked, own]) {
      expect(export_.status).toBe(200);
      expect(export_.header.slice(0, FIXED_EXPORT_HEADERS.ja.length)).toEqual(FIXED_EXPORT_HEADERS.ja);
      expect(export_.header.slice(0, 3)).toEqual(['申請ID', '公募名', '課題名']);
      const questionHeaders = export_.header.slice(FIXED_EXPORT_HEADERS.ja.length);
      expect(questionHeaders.map(keyOfHeader)).toEqual(COLUMN_KEYS);
      expect(questionHeaders).toContain('研究概要 [summary]');
      expect(questionHeaders).toContain('この側の役割 [side_role]');
      for (const header of export_.header) expect(header).not.toMatch(/^[a-z_]+$|Summary|Topics/);
      expect(answersFromCsv(export_, a, 'ja')).toEqual(A_ANSWERS);
      expect(answersFromCsv(export_, n, 'ja')).toEqual(N_ANSWERS);
      const aNsf = export_.rows.find((row) => row[0] === a && row[5] === 'NSF')!;
      expect(aNsf[export_.header.indexOf('体制整備済み [side_ready]')]).toBe('いいえ');
      expect(aNsf[export_.header.indexOf('研究テーマ [topics]')]).toBe('量子センシング\n量子通信');
    }
    expect(own.rows).toEqual(asked.rows);
    // An English-language reader who names no language gets English.
    const nsf = await agencyCsv('officer.nsf');
    expect(nsf.header.slice(0, FIXED_EXPORT_HEADERS.en.length)).toEqual(FIXED_EXPORT_HEADERS.en);
  });

  it('leaves the answer cells blank for an office whose institution only has a team member', async () => {
    const osaka = await officeCsv('ura.osaka', { lang: 'en' });
    expect(osaka.status).toBe(200);
    expect(osaka.header.slice(FIXED_EXPORT_HEADERS.en.length).map(keyOfHeader)).toEqual(COLUMN_KEYS);
    expect(new Set(osaka.rows.map((row) => row[0]))).toEqual(new Set([m]));
    expect(osaka.rows.map((row) => row[5])).toEqual(['JST', 'NSF']);
    expect(answerCells(osaka, m).every((value) => value === '')).toBe(true);
    expect(JSON.stringify(osaka.rows)).not.toContain(String(M_ANSWERS.proposal['summary']));
    // The office of the application's side reads the same application's answers.
    expect(answersFromCsv(await officeCsv('ura.utokyo', { lang: 'en' }), m, 'en')).toEqual(M_ANSWERS);
  });

  it('adds no question column to an export of every call', async () => {
    const all = await csv('/applications/export.csv', tokens['ura.utokyo']!, { lang: 'en' });
    expect(all.header).toEqual(FIXED_EXPORT_HEADERS.en);
  });

  it('gives an agency the call’s applications that reached it, with every answer, office-only ones too, and never a draft', async () => {
    // officer.jst reads jointcall in Japanese; lang=en asks for English.
    const jst = await agencyCsv('officer.jst', { lang: 'en' });
    expect(jst.status).toBe(200);
    expect(jst.contentType).toBe('text/csv; charset=utf-8');
    expect(jst.disposition).toMatch(/^attachment; filename="[^"]+\.csv"$/);
    expect(jst.header.slice(0, FIXED_EXPORT_HEADERS.en.length)).toEqual(FIXED_EXPORT_HEADERS.en);
    expect(jst.header.slice(FIXED_EXPORT_HEADERS.en.length).map(keyOfHeader)).toEqual(COLUMN_KEYS);
    // A and N reached JST; R is a draft again, D never left, M waits for its office's approval of the JST side.
    expect(jst.rows.map((row) => [row[0], row[5]])).toEqual([
      [a, 'JST'],
      [a, 'NSF'],
      [n, 'JST'],
      [n, 'NSF'],
    ]);
    expect(answersFromCsv(jst, a, 'en')).toEqual(A_ANSWERS);
    expect(answersFromCsv(jst, n, 'en')).toEqual(N_ANSWERS);
    const aJst = jst.rows.find((row) => row[0] === a && row[5] === 'JST')!;
    expect(aJst[jst.header.indexOf('Partner institutions [partners]')]).toBe('1234567.5');
    expect(aJst[jst.header.indexOf('Ethics approval obtained [ethics]')]).toBe('Yes');

    // NSF's side of M needed no approval: M reached NSF.
    const nsf = await agencyCsv('officer.nsf');
    expect(new Set(nsf.rows.map((row) => row[0]))).toEqual(new Set([a, m, n]));
    expect(answersFromCsv(nsf, m, 'en')).toEqual(M_ANSWERS);

    const japanese = await agencyCsv('officer.jst');
    expect(japanese.header.slice(0, FIXED_EXPORT_HEADERS.ja.length)).toEqual(FIXED_EXPORT_HEADERS.ja);
    expect(japanese.header).toContain('連携機関数 [partners]');
    expect(answersFromCsv(japanese, a, 'ja')).toEqual(A_ANSWERS);
    expect(JSON.stringify([jst.rows, nsf.rows, japanese.rows])).not.toMatch(/Edited after reopening|Only a draft|As first submitted/);
  });

  it('answers 404 to an officer of an agency not in the call or an office asking about a call it may not see, 403 to those without the role, 400 to a language it does not speak', async () => {
    const given = new Given(t.dataSource);
    const dfg = await given.user({ roles: ['program_officer'], organisationId: org('DFG') });
    const dfgToken = await t.login(dfg.email, dfg.password);
    expect((await agencyCsv('officer.dfg', {}, dfgToken)).status).toBe(404);
    expect((await csv(`/calls/00000000-0000-4000-8000-000000000000/applications/export.csv`, tokens['officer.jst']!)).status).toBe(404);
    expect((await agencyCsv('ura.utokyo')).status).toBe(403);
    expect((await agencyCsv('pi.utokyo')).status).toBe(403);
    expect((await agencyCsv('officer.jst', { lang: 'fr' })).status).toBe(400);
    expect((await officeCsv('ura.utokyo', { lang: 'fr' })).status).toBe(400);
    // An office asks only about a call it may read: its questions are not shown before it is published.
    expect((await officeCsv('ura.utokyo', { callId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await csv('/applications/export.csv', tokens['officer.jst']!, { callId })).status).toBe(403);
  });
});

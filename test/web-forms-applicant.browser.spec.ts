/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { seedId } from '../seeds/seed-id.js';
import { completeDraft, JST_LEAD_NSF_PARTNER, NEXT_GENERATION_TRACK, org, publishedCall } from './support/call-fixtures.js';
import { type BrowserApp, checkPage, describeInBrowser, newContext, signIn, startBrowserApp } from './support/browser.js';

const DAY = 86_400_000;
const bearer = { type: 'bearer' } as const;
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

const choice = (value: string, en: string, ja: string) => ({ value, label: { en, ja } });

/** The call's own questions: the proposal's and each side's, of several types, one required answer for the office and agencies only. */
function questions(dataPlanId: string) {
  const ask = (key: string, type: string, en: string, ja: string, extra: Record<string, unknown> = {}) => ({
    key,
    type,
    label: { en, ja },
    help: null,
    required: false,
    scope: 'proposal',
    visibility: 'reviewers',
    ...extra,
  });
  return [
    ask('plan_summary', 'short_text', 'Summary of the plan', '計画の概要', {
      required: true,
      maxChars: 40,
      help: { en: 'One sentence that reviewers read first.', ja: '審査員が最初に読む一文。' },
    }),
    ask('approach', 'long_text', 'Research approach', '研究の方法', { required: true, maxWords: 30 }),
    ask('young_researchers', 'number', 'Number of early-career researchers', '若手研究者の人数', {
      required: true,
      integer: true,
      min: 0,
      max: 50,
      visibility: 'office_agency',
    }),
    ask('start_date', 'date', 'Planned start', '開始予定日'),
    ask('topics', 'multiple_choice', 'Topics', '分野', {
      required: true,
      choices: [choice('ai', 'Artificial intelligence', '人工知能'), choice('bio', 'Biology', '生物学'), choice('sea', 'Ocean', '海洋')],
    }),
    ask('website', 'url', 'Project website', 'プロジェクトのウェブサイト'),
    ask('data_plan', 'document', 'Data management plan', 'データマネジメントプラン', { documentRequirementId: dataPlanId }),
    ask('ethics_approval', 'yes_no', 'Ethics approval obtained', '倫理審査の承認', { required: true, scope: 'side' }),
    ask('side_role', 'single_choice', 'Role of this side', 'この機関側の役割', {
      required: true,
      scope: 'side',
      choices: [
        choice('lead_lab', 'Lead laboratory', '中心となる研究室'),
        choice('field_work', 'Field work', 'フィールドワーク'),
        choice('modelling', 'Modelling', 'モデリング'),
      ],
    }),
  ];
}

/** Waits until the editor says the draft is saved (in either language). */
async function saved(page: Page): Promise<void> {
  await page.locator('.saved-at', { hasText: /Saved at|保存しました/ }).waitFor();
}

async function activeId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}

/** A screenshot of one part of a page, kept beside checkPage's. */
async function shoot(part: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await part.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

async function chooseLanguage(page: Page, language: 'en' | 'ja'): Promise<void> {
  await page.getByRole('combobox', { name: /^(Language|言語)$/ }).selectOption(language);
}

describeInBrowser('a call’s own questions in the browser: applicant, office and reviewer', () => {
  let app: BrowserApp;
  let callId: string;
  let trackId: string;
  let applicationId: string;
  let form: ReturnType<typeof questions>;

  beforeAll(async () => {
    app = await startBrowserApp();
    const { http } = app.t;
    // Open now, JST's deadline two days ahead: submitted now, reviewed once the clock passes it.
    const now = app.t.clock.now().getTime();
    const at = (days: number) => new Date(now + days * DAY).toISOString();
    const officer = await app.t.login('officer.jst@example.org', DEMO_PASSWORD);
    const call = await publishedCall(http, app.t.dataSource, officer, {
      titleEn: 'Japan-US joint call with questions',
      titleJa: '質問のある日米共同公募',
      agencies: JST_LEAD_NSF_PARTNER.map((agency, i) => ({ ...agency, deadline: at(2 + i * 3) })),
      tracks: [NEXT_GENERATION_TRACK],
      announcedAt: null,
      opensAt: at(-1),
      reviewStartsAt: at(10),
      decisionAt: at(60),
      projectStartOn: at(200).slice(0, 10),
    });
    callId = call.callId;
    trackId = call.trackIds['next-generation']!;

    const requirements = await http
      .put(`/calls/${callId}/document-requirements`)
      .auth(officer, bearer)
      .send({
        requirements: [
          {
            kind: 'other',
            scope: 'proposal',
            labelEn: 'Data management plan',
            labelJa: 'データマネジメントプラン',
            acceptedTypes: ['application/pdf'],
            maxBytes: 5 * 1024 * 1024,
            maxPages: null,
            required: false,
          },
        ],
      });
    expect(requirements.status, requirements.text).toBe(200);
    form = questions((requirements.body as { id: string }[])[0]!.id);
    const put = await http.put(`/calls/${callId}/form`).auth(officer, bearer).send({ questions: form });
    expect(put.status, put.text).toBe(200);
    expect(put.body.version).toBe(1);

    const pi = await app.t.login('pi.utokyo@example.org', DEMO_PASSWORD);
    const draft = await completeDraft(http, app.t.dataSource, pi, {
      callId,
      trackId,
      title: 'Tidal energy and coastal ecosystems',
    });
    applicationId = draft.id;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it('the PI answers half, sees a problem in English and Japanese, finds the answers autosaved and the newer form noted, completes them and submits', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'pi.utokyo@example.org');
    await page.goto(`${app.baseUrl}/researcher/proposals/${applicationId}`);
    const questionsPart = page.getByRole('region', { name: 'Questions for this call' });
    await questionsPart.waitFor();
    await questionsPart.getByText('8 required answers are still missing for submission.').waitFor();
    const nsf = page.getByRole('group', { name: /^NSF/ });
    const jst = page.getByRole('group', { name: /^JST/ });

    // Too long a summary: said at the field, in the page's language, before anything is sent.
    const summary = questionsPart.getByRole('textbox', { name: 'Summary of the plan Required' });
    await summary.fill('Tidal turbines and the ecosystems of the coasts they stand on');
    const summaryProblem = page.locator('#question-proposal-plan_summary-problem');
    expect(await summaryProblem.innerText()).toBe('Use at most 40 characters.');
    expect(await summary.getAttribute('aria-invalid')).toBe('true');
    expect(await summary.getAttribute('aria-describedby')).toContain('question-proposal-plan_summary-problem');
    await questionsPart.getByText('61 of 40 characters: 21 too many').waitFor();

    await questionsPart.getByRole('textbox', { name: /^Number of early-career researchers/ }).fill('4');
    await questionsPart.getByRole('checkbox', { name: 'Biology' }).check();
    await questionsPart.getByRole('checkbox', { name: 'Artificial intelligence' }).check();
    await questionsPart.getByRole('textbox', { name: 'Project website' }).fill('https://example.org/tides');
    await jst.getByRole('radiogroup', { name: 'Ethics approval obtained Required' }).getByRole('radio', { name: 'Yes' }).check();
    await saved(page);
    await checkPage(page, 'forms-editor-problem');
    await shoot(questionsPart, 'forms-editor-questions-en');

    await chooseLanguage(page, 'ja');
    const questionsJa = page.getByRole('region', { name: 'この公募の質問' });
    await questionsJa.getByRole('textbox', { name: '計画の概要 必須' }).waitFor();
    expect(await summaryProblem.innerText()).toBe('40文字以内で入力してください。');
    await questionsJa.getByText('61 / 40 文字（21 文字超過）').waitFor();
    await checkPage(page, 'forms-editor-problem-ja');
    await shoot(questionsJa, 'forms-editor-questions-ja');
    await shoot(page.getByRole('group', { name: /^JST/ }), 'forms-editor-side-ja');
    await chooseLanguage(page, 'en');

    await summary.fill('Tidal turbines and coastal ecosystems');
    await summaryProblem.waitFor({ state: 'detached' });
    expect(await summary.getAttribute('aria-invalid')).toBeNull();
    await saved(page);

    // Leaving a required question empty says so there, and not before.
    const approach = questionsPart.getByRole('textbox', { name: 'Research approach Required' });
    await approach.focus();
    expect(await page.locator('#question-proposal-approach-problem').count()).toBe(0);
    await page.keyboard.press('Tab');
    expect(await page.locator('#question-proposal-approach-problem').innerText()).toBe('Answer this question.');

    // Meanwhile the lead agency makes a new version of the form; this draft keeps the one it began on.
    const officer = await app.t.login('officer.jst@example.org', DEMO_PASSWORD);
    const newer = await app.t.http
      .put(`/calls/${callId}/form?newVersion=true`)
      .auth(officer, bearer)
      .send({
        questions: [
          ...form,
          {
            key: 'budget_justification',
            type: 'long_text',
            label: { en: 'Justification of the budget', ja: '予算の妥当性' },
            help: null,
            required: true,
            scope: 'proposal',
            visibility: 'reviewers',
            maxChars: 2000,
          },
        ],
      });
    expect(newer.status, newer.text).toBe(200);

    await page.reload();
    await questionsPart.waitFor();
    expect(await summary.inputValue()).toBe('Tidal turbines and coastal ecosystems');
    expect(await questionsPart.getByRole('textbox', { name: /^Number of early-career researchers/ }).inputValue()).toBe('4');
    expect(await questionsPart.getByRole('checkbox', { name: 'Artificial intelligence' }).isChecked()).toBe(true);
    expect(await questionsPart.getByRole('checkbox', { name: 'Biology' }).isChecked()).toBe(true);
    expect(await questionsPart.getByRole('checkbox', { name: 'Ocean' }).isChecked()).toBe(false);
    expect(await questionsPart.getByRole('textbox', { name: 'Project website' }).inputValue()).toBe('https://example.org/tides');
    expect(await jst.getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    expect(await nsf.getByRole('radio', { name: 'Yes' }).isChecked()).toBe(false);
    const notice = questionsPart.getByRole('note', { name: "The call's form has a newer version" });
    await notice.getByText('This draft keeps version 1 of the form').waitFor();
    expect(await notice.getByRole('listitem').allInnerTexts()).toEqual(['Justification of the budget (added)']);
    expect(await questionsPart.getByRole('textbox', { name: /Justification of the budget/ }).count()).toBe(0);

    // The check names every missing answer, each side's with its side, and links to its question.
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const problems = page.getByRole('region', { name: /problems to fix/ });
    await problems.waitFor();
    expect((await problems.getByRole('listitem').allInnerTexts()).sort()).toEqual(
      [
        'Answer the question “Research approach”.',
        'JST side: Answer the question “Role of this side”.',
        'NSF side: Answer the question “Ethics approval obtained”.',
        'NSF side: Answer the question “Role of this side”.',
      ].sort(),
    );
    await checkPage(page, 'forms-editor-check');
    await shoot(notice, 'forms-editor-newer-version');
    await shoot(problems, 'forms-editor-check-list');
    await problems.getByRole('link', { name: 'NSF side: Answer the question “Ethics approval obtained”.' }).click();
    expect(await activeId(page)).toBe(`question-side-${org('NSF')}-ethics_approval`);
    await problems.getByRole('link', { name: 'Answer the question “Research approach”.' }).click();
    expect(await activeId(page)).toBe('question-proposal-approach');
    // After the check, each question says what it lacks.
    expect(await page.locator(`#question-side-${org('NSF')}-side_role-problem`).innerText()).toBe('Answer this question.');

    await approach.fill('Paired field sites on both coasts, with shared models of tidal flow and of the species living there.');
    await jst.getByRole('radio', { name: 'Lead laboratory' }).check();
    await nsf.getByRole('radio', { name: 'No' }).check();
    await nsf.getByRole('radio', { name: 'Modelling' }).check();
    await questionsPart.getByText('Every required question is answered.').waitFor();
    await saved(page);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('Nothing stops the submission.').waitFor();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.waitForURL(/\/receipt$/);

    // The submission as the team reads it: every answer, in the page's language.
    await page.goto(`${app.baseUrl}/researcher/proposals/${applicationId}`);
    await page.getByRole('button', { name: 'View submission 1' }).click();
    const answers = page.getByRole('region', { name: "Answers to the call's questions" });
    await answers.waitFor();
    expect(await answer(answers, 'Summary of the plan')).toBe('Tidal turbines and coastal ecosystems');
    expect(await answer(answers, 'Topics')).toBe('Artificial intelligence and Biology');
    await checkPage(page, 'forms-researcher-submission');
    await context.close();

    const submitted = await app.t.dataSource.query<{ parts: { answers: { formVersion: number; answers: unknown } } }[]>(
      `SELECT parts FROM application_submissions WHERE application_id = $1`,
      [applicationId],
    );
    expect(submitted[0]!.parts.answers.formVersion).toBe(1);
    expect(submitted[0]!.parts.answers.answers).toEqual({
      proposal: {
        plan_summary: 'Tidal turbines and coastal ecosystems',
        approach: 'Paired field sites on both coasts, with shared models of tidal flow and of the species living there.',
        young_researchers: 4,
        topics: ['ai', 'bio'],
        website: 'https://example.org/tides',
      },
      sides: {
        [org('JST')]: { ethics_approval: true, side_role: 'lead_lab' },
        [org('NSF')]: { ethics_approval: false, side_role: 'modelling' },
      },
    });
  });

  it('two co-PIs answer different questions at once: the later save is refused as stale, read again, merged and saved, and both answers stay', async () => {
    const { http } = app.t;
    const pi = await app.t.login('pi.utokyo@example.org', DEMO_PASSWORD);
    const draft = await completeDraft(http, app.t.dataSource, pi, { callId, trackId, title: 'Tidal energy, the partners’ draft' });
    const added = await http
      .post(`/applications/${draft.id}/members`)
      .auth(pi, bearer)
      .set('if-match', `"${draft.version}"`)
      .send({
        userId: seedId('user', 'pi.osaka@example.org'),
        name: 'Takeshi Yamamoto',
        role: 'co_pi',
        institutionId: org('OSAKA'),
        country: 'JP',
      });
    expect(added.status, added.text).toBe(201);
    const editor = `${app.baseUrl}/researcher/proposals/${draft.id}`;
    const open = async (email: string) => {
      const context = await newContext(app.browser);
      const page = await context.newPage();
      await signIn(page, app.baseUrl, email);
      await page.goto(editor);
      const part = page.getByRole('region', { name: 'Questions for this call' });
      await part.waitFor();
      return { context, page, part };
    };
    const mine = await open('pi.utokyo@example.org');
    const theirs = await open('pi.osaka@example.org');

    // The co-PI's first save is held after it has read the answers (version 0) and sent its If-Match,
    // until the PI's save has landed: the moment two autosaves cross.
    const putStatuses: number[] = [];
    theirs.page.on('response', (response) => {
      if (response.request().method() === 'PUT' && response.url().endsWith('/answers')) putStatuses.push(response.status());
    });
    let sent!: () => void;
    const coPiSent = new Promise<void>((resolve) => (sent = resolve));
    let release!: () => void;
    const piSaved = new Promise<void>((resolve) => (release = resolve));
    let heldIfMatch: string | undefined;
    await theirs.page.route(`**/applications/${draft.id}/answers`, async (route) => {
      if (route.request().method() === 'PUT' && heldIfMatch === undefined) {
        heldIfMatch = route.request().headers()['if-match'] ?? '';
        sent();
        await piSaved;
      }
      await route.continue();
    });

    await theirs.part.getByRole('textbox', { name: 'Project website' }).fill('https://example.org/osaka');
    await coPiSent;
    await mine.part.getByRole('textbox', { name: 'Summary of the plan Required' }).fill('Tidal turbines, from both sides');
    await saved(mine.page);
    release();
    await saved(theirs.page);

    // Refused once as stale, then saved on the version it read again; the co-PI's page shows the PI's answer.
    expect(heldIfMatch).toBe('"0"');
    expect(putStatuses).toEqual([409, 200]);
    expect(await theirs.part.getByRole('textbox', { name: 'Summary of the plan Required' }).inputValue()).toBe(
      'Tidal turbines, from both sides',
    );
    const now = await http.get(`/applications/${draft.id}/answers`).auth(pi, bearer);
    expect(now.body).toMatchObject({
      version: 2,
      answers: { proposal: { plan_summary: 'Tidal turbines, from both sides', website: 'https://example.org/osaka' } },
    });
    await checkPage(theirs.page, 'forms-editor-co-pi-merged');

    // The PI's page takes the co-PI's answer in with its next save, and keeps its own.
    await mine.part.getByRole('textbox', { name: /^Number of early-career researchers/ }).fill('2');
    await saved(mine.page);
    expect(await mine.part.getByRole('textbox', { name: 'Project website' }).inputValue()).toBe('https://example.org/osaka');
    const last = await http.get(`/applications/${draft.id}/answers`).auth(pi, bearer);
    expect(last.body).toMatchObject({
      version: 3,
      answers: {
        proposal: { plan_summary: 'Tidal turbines, from both sides', website: 'https://example.org/osaka', young_researchers: 2 },
      },
    });
    await mine.context.close();
    await theirs.context.close();
  });

  it('the Tokyo office reads every answer of the submission, the office-only one marked as kept from reviewers', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'ura.utokyo@example.org');
    await page.goto(`${app.baseUrl}/office/proposals/${applicationId}`);
    const latest = page.getByRole('region', { name: 'Latest submission (no. 1)' });
    const answers = latest.getByRole('region', { name: "Answers to the call's questions" });
    await answers.waitFor();
    expect(await answer(answers, 'Summary of the plan')).toBe('Tidal turbines and coastal ecosystems');
    expect(await answer(answers, 'Number of early-career researchers')).toBe('4');
    expect(await answers.getByRole('term').filter({ hasText: 'Number of early-career researchers' }).innerText()).toContain(
      'Not shown to reviewers',
    );
    expect(await answer(answers, 'Planned start')).toBe('Not answered');
    expect(await answer(answers, 'Project website')).toBe('https://example.org/tides');
    expect(await answer(answers, 'Data management plan')).toBe('Not answered');
    const nsfAnswers = answers.getByRole('region', { name: 'NSF side' });
    expect(await answer(nsfAnswers, 'Ethics approval obtained')).toBe('No');
    expect(await answer(nsfAnswers, 'Role of this side')).toBe('Modelling');
    expect(await answer(answers.getByRole('region', { name: 'JST side' }), 'Ethics approval obtained')).toBe('Yes');
    await checkPage(page, 'forms-office');
    await context.close();

    const ura = await app.t.login('ura.utokyo@example.org', DEMO_PASSWORD);
    const approved = await app.t.http
      .post(`/applications/${applicationId}/sides/${org('JST')}/approve`)
      .auth(ura, bearer)
      .send({ exportControlScreened: true, disclosuresReceived: true });
    expect(approved.status, approved.text).toBe(200);
  });

  it('once JST’s deadline has passed, an accepted reviewer reads the answers meant for reviewers, and not the office-only one', async () => {
    app.t.clock.set(new Date(app.t.clock.now().getTime() + 3 * DAY));
    const officer = await app.t.login('officer.jst@example.org', DEMO_PASSWORD);
    const reviewerId = seedId('user', 'reviewer.kyoto@example.org');
    const eligible = await app.t.http
      .post(`/applications/${applicationId}/sides/${org('JST')}/eligibility`)
      .auth(officer, bearer)
      .send({ eligible: true, reason: 'Complete and within the caps.' });
    expect(eligible.status, eligible.text).toBeLessThan(300);
    const pooled = await app.t.http.post(`/calls/${callId}/reviewers`).auth(officer, bearer).send({ reviewerId });
    expect(pooled.status, pooled.text).toBeLessThan(300);
    const assigned = await app.t.http
      .post(`/applications/${applicationId}/assignments`)
      .auth(officer, bearer)
      .send({ reviewerId, dueAt: new Date(app.t.clock.now().getTime() + 14 * DAY).toISOString() });
    expect(assigned.status, assigned.text).toBe(201);
    const assignmentId = assigned.body.assignmentId as string;
    const reviewer = await app.t.login('reviewer.kyoto@example.org', DEMO_PASSWORD);
    const accepted = await app.t.http.post(`/assignments/${assignmentId}/accept`).auth(reviewer, bearer).send({ noConflict: true });
    expect(accepted.status, accepted.text).toBeLessThan(300);

    const context = await newContext(app.browser);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'reviewer.kyoto@example.org');
    await page.goto(`${app.baseUrl}/reviewer/assignments/${assignmentId}`);
    const proposal = page.getByRole('region', { name: 'The proposal' });
    const answers = proposal.getByRole('region', { name: "Answers to the call's questions" });
    await answers.waitFor();
    expect(await answer(answers, 'Summary of the plan')).toBe('Tidal turbines and coastal ecosystems');
    expect(await answer(answers, 'Research approach')).toContain('Paired field sites on both coasts');
    expect(await answer(answers, 'Topics')).toBe('Artificial intelligence and Biology');
    expect(await answer(answers.getByRole('region', { name: 'NSF side' }), 'Role of this side')).toBe('Modelling');
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('Number of early-career researchers');
    expect(text).not.toContain('Not shown to reviewers');
    await checkPage(page, 'forms-reviewer');
    await shoot(answers, 'forms-reviewer-answers-en');
    await context.close();

    const ja = await newContext(app.browser, { locale: 'ja-JP' });
    const jaPage = await ja.newPage();
    await signIn(jaPage, app.baseUrl, 'reviewer.kyoto@example.org');
    await jaPage.goto(`${app.baseUrl}/reviewer/assignments/${assignmentId}`);
    const jaAnswers = jaPage.getByRole('region', { name: '公募の質問への回答' });
    await jaAnswers.waitFor();
    expect(await answer(jaAnswers, '分野')).toBe('人工知能、生物学');
    expect(await answer(jaAnswers.getByRole('region', { name: 'JST側' }), '倫理審査の承認')).toBe('はい');
    expect(await jaPage.locator('main').innerText()).not.toContain('若手研究者の人数');
    await checkPage(jaPage, 'forms-reviewer-ja');
    await shoot(jaAnswers, 'forms-reviewer-answers-ja');
    await ja.close();
  });
});

/** The answer shown under a question's label in a list of submitted answers. */
async function answer(list: Locator, label: string): Promise<string> {
  const entry = list.locator('.answer').filter({ has: list.page().getByRole('term').filter({ hasText: label }) });
  return entry.getByRole('definition').first().innerText();
}

/// <reference lib="dom" />
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../seeds/demo/users.js';
import { type BrowserApp, checkPage, describeInBrowser, newContext, signIn, startBrowserApp } from './support/browser.js';
import { jointCallBody } from './support/call-fixtures.js';

const TITLE = 'Japan-US joint call with questions of its own';
const OPEN_CALL = 'SICORP Japan-US joint call: AI and semiconductors';
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const bearer = { type: 'bearer' } as const;
const PERSONAL = 'Research offices and agencies only (personal data)';

/** A wall-clock time `days` from now, as the call's inputs take it (2027-03-31T12:00). */
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 11) + '12:00';

/** What has the keyboard focus: its label (or its own text for a button) and the question it belongs to. */
function focused(page: Page): Promise<{ label: string; question: string }> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLInputElement | null;
    const label = active?.labels?.[0]?.textContent ?? (active?.tagName === 'BUTTON' ? active.textContent : '') ?? '';
    const question = active?.closest('fieldset.question')?.querySelector('legend')?.textContent ?? '';
    return { label: label.trim(), question: question.trim() };
  });
}

/** Types into a control after focusing it, replacing what it held, as a keyboard user would. */
async function typeInto(page: Page, control: Locator, text: string): Promise<void> {
  await control.focus();
  await page.keyboard.press('Control+A');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(text);
}

/** A screenshot of what is on the screen now (the editor beside the preview), for reading the page at a glance. */
async function screenShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(process.cwd(), 'test-results', 'screenshots', `${name}.png`) });
}

/** The call's form as the api sends it. */
async function storedForm(app: BrowserApp, callId: string): Promise<{ version: number | null; questions: Record<string, unknown>[] }> {
  const token = await app.t.login('officer.jst@example.org', DEMO_PASSWORD);
  const response = await app.t.http.get(`/calls/${callId}/form`).auth(token, bearer);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

describeInBrowser('the agency officer’s form builder in the browser', () => {
  let app: BrowserApp;
  let callId: string;
  let openCallId: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    const token = await app.t.login('officer.jst@example.org', DEMO_PASSWORD);
    const [program] = await app.t.dataSource.query<{ id: string }[]>(`SELECT id FROM programs WHERE code = 'SICORP'`);
    const body = jointCallBody(program!.id, {
      titleEn: TITLE,
      titleJa: '独自の設問がある日米共同公募',
      announcedAt: inDays(20),
      opensAt: inDays(30),
      reviewStartsAt: inDays(120),
      decisionAt: inDays(200),
      projectStartOn: inDays(230).slice(0, 10),
    });
    (body.agencies as { deadline: string }[]).forEach((agency, i) => (agency.deadline = inDays(90 + i)));
    const created = await app.t.http.post('/calls').auth(token, bearer).send(body);
    expect(created.status, created.text).toBe(201);
    callId = created.body.id;
    const [open] = await app.t.dataSource.query<{ id: string }[]>(`SELECT id FROM calls WHERE title_en = $1`, [OPEN_CALL]);
    openCallId = open!.id;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it('JST builds a form by keyboard, sees both languages of the preview follow, saves it and finds it after a reload', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'officer.jst@example.org');
    await page.goto(`${app.baseUrl}/agency/calls/${callId}`);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByRole('navigation', { name: 'This call' }).getByRole('link', { name: 'Form' }).click();
    await page.waitForURL(/\/form$/);
    await page.getByRole('heading', { name: 'Application form' }).waitFor();
    await page.getByText('No form saved yet').waitFor();
    const english = page.getByRole('region', { name: 'English' });
    const japanese = page.getByRole('region', { name: '日本語' });
    expect(await english.getAttribute('lang')).toBe('en');
    expect(await japanese.getAttribute('lang')).toBe('ja');
    const newType = page.getByLabel('Type of the new question');

    /** Chooses the type of the next question by typing its first letters, then adds it with Enter. */
    const addQuestion = async (letters: string, type: string, n: number) => {
      await newType.focus();
      await page.keyboard.type(letters);
      expect(await newType.inputValue()).toBe(type);
      await page.keyboard.press('Tab');
      expect((await focused(page)).label).toBe('Add a question');
      await page.keyboard.press('Enter');
      // The keyboard goes on in the new question.
      await expect.poll(() => focused(page)).toEqual({ label: 'Question (English)', question: `Question ${n}` });
      return page.getByRole('group', { name: new RegExp(`^Question ${n}\\b`) });
    };

    // 1. A long text limited in words.
    const plan = await addQuestion('L', 'long_text', 1);
    await page.keyboard.type('Summary of the plan');
    expect(await plan.getByLabel('Key').inputValue()).toBe('summary_of_the_plan');
    await english.getByText('Summary of the plan').waitFor();
    await japanese.getByText('（未入力）').first().waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Question (Japanese)');
    await page.keyboard.type('計画の概要');
    await japanese.getByText('計画の概要').waitFor();
    await typeInto(page, plan.getByLabel('Guidance (English, optional)'), 'What the two teams will do together.');
    await typeInto(page, plan.getByLabel('Guidance (Japanese, optional)'), '両チームが共同で行うこと。');
    await japanese.getByText('両チームが共同で行うこと。').waitFor();
    await plan.getByLabel('Limit in').focus();
    await page.keyboard.type('W');
    expect(await plan.getByLabel('Limit in').inputValue()).toBe('words');
    await typeInto(page, plan.getByLabel('Word limit'), '300');
    const planPreview = english.getByRole('textbox', { name: /Summary of the plan/ });
    await planPreview.fill('Three small words');
    await english.getByText(/\b3\b.*\b300\b/).waitFor();

    // 2. A number with bounds, whole numbers only.
    const young = await addQuestion('N', 'number', 2);
    await page.keyboard.type('Young researchers on the team');
    await typeInto(page, young.getByLabel('Question (Japanese)'), 'チームの若手研究者数');
    await typeInto(page, young.getByLabel('Lowest (optional)'), '0');
    await typeInto(page, young.getByLabel('Highest (optional)'), '20');
    await young.getByLabel('Whole numbers only').focus();
    await page.keyboard.press('Space');
    expect(await young.getByLabel('Whole numbers only').isChecked()).toBe(true);
    await english.getByText(/0.*20/).first().waitFor();
    await japanese.getByText('チームの若手研究者数').waitFor();

    // 3. One choice from two.
    const ethics = await addQuestion('O', 'single_choice', 3);
    await page.keyboard.type('Ethics review');
    await typeInto(page, ethics.getByLabel('Question (Japanese)'), '倫理審査');
    const first = ethics.getByRole('group', { name: 'Choice 1' });
    const second = ethics.getByRole('group', { name: 'Choice 2' });
    await typeInto(page, first.getByLabel('Label (English)'), 'Approved');
    await page.keyboard.press('Tab');
    await page.keyboard.type('承認済み');
    await typeInto(page, second.getByLabel('Label (English)'), 'Pending');
    await typeInto(page, second.getByLabel('Label (Japanese)'), '審査中');
    expect([await first.getByLabel('Value').inputValue(), await second.getByLabel('Value').inputValue()]).toEqual(['approved', 'pending']);
    await english.getByRole('radio', { name: 'Pending' }).waitFor();
    await japanese.getByRole('radio', { name: '承認済み' }).check();

    // 4. A short text each agency's side answers.
    const role = await addQuestion('Sh', 'short_text', 4);
    await page.keyboard.type("Role of the side's institution");
    await typeInto(page, role.getByLabel('Question (Japanese)'), '各機関の役割');
    await role.getByRole('radio', { name: 'Once for the whole proposal' }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await role.getByRole('radio', { name: "Once by each agency's side" }).isChecked()).toBe(true);
    await english.getByText("Each agency's side answers this: JST, NSF").waitFor();
    await japanese.getByText('各機関の申請ごとに回答します：JST, NSF').waitFor();

    // 5. A date only the offices and agencies read (personal data).
    const birth = await addQuestion('D', 'date', 5);
    await page.keyboard.type("PI's date of birth");
    await typeInto(page, birth.getByLabel('Question (Japanese)'), '研究代表者の生年月日');
    await birth.getByRole('radio', { name: 'Reviewers, research offices and agencies' }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await birth.getByRole('radio', { name: PERSONAL }).isChecked()).toBe(true);
    await english.getByText('Research offices and agencies only').waitFor();
    await japanese.getByText('研究推進部門と配分機関のみ閲覧').waitFor();
    expect(await birth.getByLabel('Key').inputValue()).toBe('pi_s_date_of_birth');
    await typeInto(page, birth.getByLabel('Key'), 'pi_birth_date');

    // Moved up and back by keyboard, the focus stays on the question moved.
    await birth.getByRole('button', { name: 'Move question 5 up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toEqual({ label: 'Move question 4 up', question: "Question 4 · PI's date of birth" });
    await page.getByRole('status').filter({ hasText: 'Question 5 moved to position 4.' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // At the bottom "down" is disabled: the other button keeps the focus.
    await expect.poll(() => focused(page)).toEqual({ label: 'Move question 5 up', question: "Question 5 · PI's date of birth" });

    // The obvious is checked before sending: a blank question, then removed after confirming.
    const blank = await addQuestion('Y', 'yes_no', 6);
    await page.getByRole('button', { name: 'Save the form' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Problems to fix: 3' });
    await problems.waitFor();
    expect(await problems.getByRole('listitem').allInnerTexts()).toEqual([
      'Question 6: Key: Required.',
      'Question 6: Question (English): Required.',
      'Question 6: Question (Japanese): Required.',
    ]);
    await problems.getByRole('link', { name: 'Question 6: Question (Japanese)' }).click();
    expect(await focused(page)).toEqual({ label: 'Question (Japanese)', question: 'Question 6' });
    expect(await blank.getByLabel('Question (Japanese)').getAttribute('aria-invalid')).toBe('true');
    await blank.getByRole('button', { name: 'Remove question 6' }).click();
    await page.getByRole('dialog', { name: 'Remove question 6' }).getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByRole('group', { name: /^Question 6\b/ }).count()).toBe(0);
    await expect.poll(() => focused(page)).toEqual({ label: '', question: "Question 5 · PI's date of birth" });
    await checkPage(page, 'agency-form-builder');
    await ethics.scrollIntoViewIfNeeded();
    await screenShot(page, 'agency-form-builder-screen');

    await page.getByRole('button', { name: 'Save the form' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 1 saved at' }).waitFor();
    const stored = await storedForm(app, callId);
    expect(stored.version).toBe(1);
    expect(stored.questions).toEqual([
      {
        key: 'summary_of_the_plan',
        type: 'long_text',
        label: { en: 'Summary of the plan', ja: '計画の概要' },
        help: { en: 'What the two teams will do together.', ja: '両チームが共同で行うこと。' },
        required: true,
        scope: 'proposal',
        visibility: 'reviewers',
        maxWords: 300,
      },
      {
        key: 'young_researchers_on_the_team',
        type: 'number',
        label: { en: 'Young researchers on the team', ja: 'チームの若手研究者数' },
        help: null,
        required: true,
        scope: 'proposal',
        visibility: 'reviewers',
        min: 0,
        max: 20,
        integer: true,
      },
      {
        key: 'ethics_review',
        type: 'single_choice',
        label: { en: 'Ethics review', ja: '倫理審査' },
        help: null,
        required: true,
        scope: 'proposal',
        visibility: 'reviewers',
        choices: [
          { value: 'approved', label: { en: 'Approved', ja: '承認済み' } },
          { value: 'pending', label: { en: 'Pending', ja: '審査中' } },
        ],
      },
      {
        key: 'role_of_the_side_s_institution',
        type: 'short_text',
        label: { en: "Role of the side's institution", ja: '各機関の役割' },
        help: null,
        required: true,
        scope: 'side',
        visibility: 'reviewers',
      },
      {
        key: 'pi_birth_date',
        type: 'date',
        label: { en: "PI's date of birth", ja: '研究代表者の生年月日' },
        help: null,
        required: true,
        scope: 'proposal',
        visibility: 'office_agency',
      },
    ]);

    await page.reload();
    await page.getByRole('heading', { name: 'Application form' }).waitFor();
    await page.getByText('Version 1', { exact: true }).waitFor();
    expect(await plan.getByLabel('Word limit').inputValue()).toBe('300');
    expect(await ethics.getByRole('group', { name: 'Choice 2' }).getByLabel('Label (Japanese)').inputValue()).toBe('審査中');
    expect(await birth.getByRole('radio', { name: PERSONAL }).isChecked()).toBe(true);

    // A problem only the api finds (a short text's limit above its ceiling) is shown at its field, in words the reader reads.
    await typeInto(page, role.getByLabel('Character limit (optional)'), '5000');
    await page.getByRole('button', { name: 'Save the form' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Some fields need attention.' });
    await refused.waitFor();
    expect(await refused.getByRole('listitem').allInnerTexts()).toEqual(['Question 4: Character limit: A whole number from 1 to 1,000.']);
    expect(await role.getByLabel('Character limit (optional)').getAttribute('aria-invalid')).toBe('true');
    await role.getByText('A whole number from 1 to 1,000.').waitFor();
    await screenShot(page, 'agency-form-builder-refused');
    await refused.getByRole('link', { name: 'Question 4: Character limit' }).click();
    expect(await focused(page)).toEqual({ label: 'Character limit (optional)', question: "Question 4 · Role of the side's institution" });
    await typeInto(page, role.getByLabel('Character limit (optional)'), '120');
    await page.getByRole('button', { name: 'Save the form' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 1 saved at' }).waitFor();
    // Before the call opens a save replaces the form: still version 1.
    expect(await storedForm(app, callId)).toMatchObject({
      version: 1,
      questions: expect.arrayContaining([expect.objectContaining({ maxChars: 120 })]),
    });
    await context.close();
  }, 180_000);

  it('in Japanese: every label of the editor is Japanese, and the preview still shows both languages', async () => {
    const context = await newContext(app.browser, { locale: 'ja-JP' });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'officer.jst@example.org');
    await page.goto(`${app.baseUrl}/agency/calls/${callId}/form`);
    await page.getByRole('heading', { name: '申請フォーム' }).waitFor();
    const question = page.getByRole('group', { name: /^設問 1\b/ });
    await expect.poll(() => question.getByLabel('設問文（日本語）').inputValue()).toBe('計画の概要');
    const labels = await page.locator('.form-builder-editor label').allInnerTexts();
    expect(labels.length).toBeGreaterThan(40);
    expect(labels.filter((text) => !JAPANESE.test(text))).toEqual([]);
    await typeInto(page, question.getByLabel('設問文（日本語）'), '研究計画の概要');
    await page.getByRole('region', { name: '日本語' }).getByText('研究計画の概要').waitFor();
    await page.getByRole('region', { name: 'English' }).getByText('Summary of the plan').waitFor();
    await page.getByText('未保存の変更があります').waitFor();
    await checkPage(page, 'agency-form-builder-ja');
    await question.scrollIntoViewIfNeeded();
    await screenShot(page, 'agency-form-builder-ja-screen');
    await context.close();
  }, 120_000);

  it('on an open call the form is frozen; JST makes version 2 on purpose; NSF reads it without editing', async () => {
    const token = await app.t.login('officer.jst@example.org', DEMO_PASSWORD);
    const first = await app.t.http
      .put(`/calls/${openCallId}/form`)
      .auth(token, bearer)
      .send({
        questions: [
          {
            key: 'plan_summary',
            type: 'short_text',
            label: { en: 'Plan summary', ja: '計画の概要' },
            help: null,
            required: true,
            scope: 'proposal',
            visibility: 'reviewers',
          },
        ],
      });
    expect(first.status, first.text).toBe(200);
    const documents = await app.t.http
      .put(`/calls/${openCallId}/document-requirements`)
      .auth(token, bearer)
      .send({
        requirements: [
          {
            kind: 'research_plan',
            scope: 'proposal',
            labelJa: '研究計画書',
            labelEn: 'Research plan',
            acceptedTypes: ['application/pdf'],
            maxBytes: 10 * 1024 * 1024,
            maxPages: 10,
            required: true,
          },
        ],
      });
    expect(documents.status, documents.text).toBe(200);
    const planId = documents.body[0].id as string;

    const context = await newContext(app.browser);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'officer.jst@example.org');
    await page.goto(`${app.baseUrl}/agency/calls/${openCallId}/form`);
    await page.getByRole('heading', { name: OPEN_CALL }).waitFor();
    const note = page.getByRole('note').filter({ hasText: 'Version 1 is in use: the form is frozen' });
    await note.waitFor();
    const question = page.getByRole('group', { name: /^Question 1\b/ });
    await expect.poll(() => question.getByLabel('Question (English)').inputValue()).toBe('Plan summary');
    expect(await question.getByLabel('Question (English)').isEditable()).toBe(false);
    expect(await page.getByRole('button', { name: 'Add a question' }).count()).toBe(0);
    await checkPage(page, 'agency-form-frozen');

    await note.getByRole('button', { name: 'Make version 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make version 2' });
    await dialog.getByText('drafts already started keep version 1').waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Editing version 2').waitFor();
    await typeInto(page, question.getByLabel('Question (English)'), 'Summary of the joint plan');
    await page.getByRole('button', { name: 'Add a question' }).click();
    const grants = page.getByRole('group', { name: /^Question 2\b/ });
    await page.keyboard.type('Linked grants');
    await typeInto(page, grants.getByLabel('Question (Japanese)'), '関連する助成');
    await page.getByLabel('Type of the new question').selectOption('document');
    await page.getByRole('button', { name: 'Add a question' }).click();
    const work = page.getByRole('group', { name: /^Question 3\b/ });
    await page.keyboard.type('Work plan');
    await typeInto(page, work.getByLabel('Question (Japanese)'), '作業計画');
    await work.getByLabel('Document uploaded as the answer').selectOption({ label: 'Research plan · the whole proposal' });
    await page.getByRole('region', { name: 'English' }).getByText('Work plan').waitFor();
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 2 saved at' }).waitFor();
    // Saved once as a new version, the form is frozen again, now at version 2.
    await page.getByRole('note').filter({ hasText: 'Version 2 is in use: the form is frozen' }).waitFor();
    await page.getByRole('button', { name: 'Make version 3' }).waitFor();
    const stored = await storedForm(app, openCallId);
    expect(stored.version).toBe(2);
    expect(stored.questions.map((q) => q['key'])).toEqual(['plan_summary', 'linked_grants', 'work_plan']);
    expect(stored.questions[0]).toMatchObject({ label: { en: 'Summary of the joint plan', ja: '計画の概要' } });
    expect(stored.questions[2]).toMatchObject({ type: 'document', documentRequirementId: planId });
    await context.close();

    const nsf = await newContext(app.browser, { timezoneId: 'America/New_York' });
    const partner = await nsf.newPage();
    await signIn(partner, app.baseUrl, 'officer.nsf@example.org');
    await partner.goto(`${app.baseUrl}/agency/calls/${openCallId}/form`);
    await partner.getByRole('heading', { name: OPEN_CALL }).waitFor();
    await partner.getByRole('note').filter({ hasText: "Only the lead agency's officers change the form." }).waitFor();
    const read = partner.getByRole('group', { name: /^Question 2\b/ });
    await expect.poll(() => read.getByLabel('Question (English)').inputValue()).toBe('Linked grants');
    expect(await read.getByLabel('Question (English)').isEditable()).toBe(false);
    expect(await partner.getByRole('button', { name: /Make version|Add a question|Save|Remove question|Move question/ }).count()).toBe(0);
    const editable = await partner.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLInputElement>(
          '.form-builder-editor input, .form-builder-editor select, .form-builder-editor textarea',
        ),
      ]
        .filter((control) => !control.matches(':disabled'))
        .map((control) => control.id),
    );
    expect(editable).toEqual([]);
    // The preview can still be tried.
    const tried = partner.getByRole('region', { name: 'English' }).getByRole('textbox', { name: /Linked grants/ });
    await tried.fill('JP-123');
    expect(await tried.inputValue()).toBe('JP-123');
    await checkPage(partner, 'agency-form-partner');
    await nsf.close();
  }, 180_000);
});

import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../i18n/catalogues';
import { describeSubmissionProblem, documentOfField, fieldAnchor, problemAnchor } from './submission-problem';

async function translator(language: 'en' | 'ja') {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    showSupportNotice: false,
    interpolation: { escapeValue: false },
    resources: { en: { translation: catalogues.en }, ja: { translation: catalogues.ja } },
  });
  return i18n.t;
}

const agencyName = (id: string) => (id === 'a1' ? 'JST' : id);

describe('submission problems in the reader’s language', () => {
  it('names the side, the field and every cap exceeded, with money formatted by locale', async () => {
    const problem = {
      code: 'BUDGET_OVER_CAP' as const,
      field: 'sides[0].budgetPerYear',
      message: 'sides[0].budgetPerYear totals 40000000 JPY, over the track cap of 30000000 JPY',
      agencyId: 'a1',
      caps: [{ cap: 'track' as const, amount: 30_000_000, currency: 'JPY' }],
    };
    const english = describeSubmissionProblem(problem, agencyName, await translator('en'), 'en');
    expect(english).toContain('JST');
    expect(english).toMatch(/budget/i);
    expect(english).toContain('¥30,000,000');
    expect(english).not.toContain(problem.message);
    const japanese = describeSubmissionProblem(problem, agencyName, await translator('ja'), 'ja');
    expect(japanese).toContain('JST');
    expect(japanese).toContain('予算');
    expect(japanese).toMatch(/30,000,000/);
  });

  it('has a message for every code the api may answer, in both languages', async () => {
    const codes = [
      'WRONG_STATE',
      'DEADLINE_PASSED',
      'MISSING',
      'NOT_A_CALL_FIELD',
      'DURATION_OVER_TRACK',
      'SIDES_MISMATCH',
      'COUNTRY_NOT_ELIGIBLE',
      'BUDGET_NOT_ALLOWED',
      'BUDGET_YEARS_OVER_DURATION',
      'BUDGET_OVER_CAP',
      'EARLY_CAREER_MEMBER_MISSING',
    ] as const;
    for (const language of ['en', 'ja'] as const) {
      const t = await translator(language);
      for (const code of codes) {
        expect(t(`check.codes.${code}`, { defaultValue: '' }), `${language} ${code}`).not.toBe('');
      }
    }
  });

  it('translates the field a missing value concerns', async () => {
    const t = await translator('ja');
    const text = describeSubmissionProblem(
      { code: 'MISSING', field: 'durationMonths', message: 'durationMonths is required' },
      agencyName,
      t,
      'ja',
    );
    expect(text).toContain('期間');
    expect(text).not.toContain('durationMonths');
  });
});

describe('document problems', () => {
  const PLAN = '7d1e3f00-aaaa-4bbb-8ccc-dddddddddddd';
  const NSF = '0f8a7c2e-1111-4222-8333-444455556666';
  const labels = (language: 'en' | 'ja') => (id: string) =>
    id === PLAN ? (language === 'ja' ? '研究計画書' : 'Research plan') : undefined;

  it('name the document by the label the call gives it, and its side', async () => {
    const en = await translator('en');
    const missing = describeSubmissionProblem(
      { code: 'DOCUMENT_MISSING', field: `documents.${PLAN}`, message: 'Research plan is required.' },
      agencyName,
      en,
      'en',
      labels('en'),
    );
    expect(missing).toBe('Research plan is required: upload it.');
    const over = describeSubmissionProblem(
      { code: 'DOCUMENT_OVER_PAGES', field: `documents.${PLAN}.a1`, message: 'x', agencyId: 'a1' },
      agencyName,
      en,
      'en',
      labels('en'),
    );
    expect(over).toMatch(/^JST side: Research plan has more pages than the call allows/);
    const ja = await translator('ja');
    const infected = describeSubmissionProblem(
      { code: 'DOCUMENT_INFECTED', field: `documents.${PLAN}`, message: 'x' },
      agencyName,
      ja,
      'ja',
      labels('ja'),
    );
    expect(infected).toContain('研究計画書');
    expect(infected).toContain('マルウェア');
  });

  it('still read without the label (a requirement retired since the check)', async () => {
    const text = describeSubmissionProblem(
      { code: 'DOCUMENT_MISSING', field: `documents.${NSF}`, message: 'CV is required.' },
      agencyName,
      await translator('en'),
      'en',
    );
    expect(text).toBe('A document is required: upload it.');
    expect(text).not.toContain(NSF);
  });

  it('has a message for every document code, in both languages', async () => {
    for (const language of ['en', 'ja'] as const) {
      const t = await translator(language);
      for (const code of ['DOCUMENT_MISSING', 'DOCUMENT_OVER_PAGES', 'DOCUMENT_INFECTED']) {
        expect(t(`proposalDocuments.check.${code}`, { defaultValue: '' }), `${language} ${code}`).not.toBe('');
        expect(t(`problems.${code}`, { defaultValue: '' }), `${language} problems.${code}`).not.toBe('');
      }
    }
  });

  it('link to the slot of the document: its requirement, and its side for a side’s document', () => {
    expect(documentOfField(`documents.${PLAN}`)).toEqual({ requirementId: PLAN, agencyId: null });
    expect(documentOfField(`documents.${PLAN}.${NSF}`)).toEqual({ requirementId: PLAN, agencyId: NSF });
    expect(documentOfField('sides[0].budgetPerYear')).toBeUndefined();
    expect(fieldAnchor(`documents.${PLAN}`)).toBe(`field-documents-${PLAN}`);
    expect(fieldAnchor(`documents.${PLAN}.${NSF}`)).toBe(`field-documents-${PLAN}-${NSF}`);
    expect(fieldAnchor('sides[0].budgetPerYear')).toBe('field-sides-0-budgetPerYear');
  });
});

describe('answer problems', () => {
  const NSF = '0f8a7c2e-1111-4222-8333-444455556666';
  const names = (language: 'en' | 'ja') => ({
    label: (key: string) => (key === 'plan_summary' ? (language === 'ja' ? '計画の概要' : 'Summary of the plan') : undefined),
    reason: (field: string) =>
      field === 'answers.proposal.plan_summary'
        ? language === 'ja'
          ? '20文字以内で入力してください。'
          : 'Use at most 20 characters.'
        : undefined,
  });

  it('name the question by its label and say what is missing or wrong, in the reader’s language', async () => {
    const missing = { code: 'ANSWER_MISSING' as const, field: 'answers.proposal.plan_summary', message: 'Answer this question.' };
    expect(describeSubmissionProblem(missing, agencyName, await translator('en'), 'en', undefined, names('en'))).toBe(
      'Answer the question “Summary of the plan”.',
    );
    expect(describeSubmissionProblem(missing, agencyName, await translator('ja'), 'ja', undefined, names('ja'))).toBe(
      '「計画の概要」に回答してください。',
    );
    const invalid = { code: 'ANSWER_INVALID' as const, field: 'answers.proposal.plan_summary', message: 'x' };
    expect(describeSubmissionProblem(invalid, agencyName, await translator('ja'), 'ja', undefined, names('ja'))).toBe(
      '「計画の概要」：20文字以内で入力してください。',
    );
  });

  it('name a side’s question with its side, and read without a label (the key) or a reason', async () => {
    const side = { code: 'ANSWER_INVALID' as const, field: 'answers.sides.a1.ethics', message: 'x', agencyId: 'a1' };
    expect(describeSubmissionProblem(side, agencyName, await translator('en'), 'en')).toBe('JST side: “ethics”: the answer is not valid.');
  });

  it('link to the question’s field in the editor, other problems to their own', () => {
    expect(problemAnchor('answers.proposal.plan_summary')).toBe('question-proposal-plan_summary');
    expect(problemAnchor(`answers.sides.${NSF}.ethics`)).toBe(`question-side-${NSF}-ethics`);
    expect(problemAnchor('sides[0].budgetPerYear')).toBe('field-sides-0-budgetPerYear');
    expect(problemAnchor('answers.notes')).toBe('field-answers-notes');
  });
});

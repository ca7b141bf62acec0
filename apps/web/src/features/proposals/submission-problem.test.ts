import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import ja from '../../i18n/ja.json';
import { describeSubmissionProblem } from './submission-problem';

async function translator(language: 'en' | 'ja') {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    showSupportNotice: false,
    interpolation: { escapeValue: false },
    resources: { en: { translation: en }, ja: { translation: ja } },
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

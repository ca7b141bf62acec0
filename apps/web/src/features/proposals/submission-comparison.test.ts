import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../i18n/catalogues';
import { type ChangeContext, changeLabel, changeValueText, parseChangePath } from './submission-comparison';

async function context(language: 'en' | 'ja'): Promise<ChangeContext> {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    showSupportNotice: false,
    interpolation: { escapeValue: false },
    resources: { en: { translation: catalogues.en }, ja: { translation: catalogues.ja } },
  });
  return {
    t: i18n.t,
    language,
    trackName: (id) => (id === 'track-1' ? 'Early-career team' : undefined),
    fieldName: (code) => (code === 'semiconductors' ? 'Semiconductors' : undefined),
    currencyOf: (agency) => ({ JST: 'JPY', NSF: 'USD' })[agency],
  };
}

describe('a changed field’s name', () => {
  it('splits the side from the field', () => {
    expect(parseChangePath('title')).toEqual({ name: 'title' });
    expect(parseChangePath('sides[JST].budgetPerYear')).toEqual({ agency: 'JST', name: 'budgetPerYear' });
    expect(parseChangePath('sides[NSF]')).toEqual({ agency: 'NSF', name: 'side' });
  });

  it('reads as the form names it, in both languages', async () => {
    const en = await context('en');
    expect(changeLabel('title', en.t)).toBe('Title');
    expect(changeLabel('sides[JST].budgetPerYear', en.t)).toBe('JST side: Budget per year');
    expect(changeLabel('members', en.t)).toBe('Team');
    const ja = await context('ja');
    expect(changeLabel('title', ja.t)).toBe('課題名');
    expect(changeLabel('sides[NSF].pi', ja.t)).toBe('NSF 側: 研究代表者');
    // A field the page does not know yet keeps its path rather than vanishing.
    expect(changeLabel('somethingNew', en.t)).toBe('somethingNew');
  });
});

describe('a changed value, readable', () => {
  it('gives names for ids, and “None” for nothing', async () => {
    const en = await context('en');
    expect(changeValueText('title', 'Neuromorphic devices', en)).toBe('Neuromorphic devices');
    expect(changeValueText('trackId', 'track-1', en)).toBe('Early-career team');
    expect(changeValueText('fieldCode', 'semiconductors', en)).toBe('Semiconductors');
    expect(changeValueText('fieldCode', 'unknown_code', en)).toBe('unknown_code');
    expect(changeValueText('fieldCode', null, en)).toBe('None');
    expect(changeValueText('keywords', ['edge AI', 'neuromorphic'], en)).toBe('edge AI, neuromorphic');
    expect(changeValueText('keywords', [], en)).toBe('None');
    expect(changeValueText('durationMonths', 36, en)).toBe('36 months');
  });

  it('writes budgets in the side’s currency, a year a line (amounts are in minor units)', async () => {
    const en = await context('en');
    expect(changeValueText('sides[JST].budgetPerYear', [20_000_000, 15_000_000], en)).toBe('Year 1: ¥20,000,000\nYear 2: ¥15,000,000');
    expect(changeValueText('sides[NSF].budgetPerYear', [30_000_000], en)).toBe('Year 1: $300,000.00');
    const ja = await context('ja');
    expect(changeValueText('sides[JST].budgetPerYear', [20_000_000], ja)).toMatch(/^1 年度目: ￥20,000,000$/);
  });

  it('names people, institutions, the team and a whole side', async () => {
    const en = await context('en');
    expect(changeValueText('sides[NSF].pi', { userId: 'u', name: 'Ava Miller', email: 'pi.mit@example.org', orcid: null }, en)).toBe(
      'Ava Miller <pi.mit@example.org>',
    );
    expect(changeValueText('sides[NSF].institution', { id: 'i', shortName: 'MIT', country: 'US' }, en)).toBe('MIT');
    expect(
      changeValueText(
        'members',
        [
          { id: 'm1', name: 'Aiko Tanaka', role: 'co_investigator', earlyCareer: true },
          { id: 'm2', name: 'Ken Mori', role: 'co_pi', earlyCareer: false },
        ],
        en,
      ),
    ).toBe('Aiko Tanaka (Co-investigator, Early-career researcher)\nKen Mori (Co-PI)');
    expect(changeValueText('sides[NSF]', { agencyShortName: 'NSF', pi: { name: 'Ava Miller', email: null } }, en)).toBe('NSF: Ava Miller');
  });

  it('falls back to plain text for shapes it does not know', async () => {
    const en = await context('en');
    expect(changeValueText('flag', true, en)).toBe('Yes');
    expect(changeValueText('count', 1200, en)).toBe('1,200');
    expect(changeValueText('thing', { a: 1 }, en)).toBe('{"a":1}');
  });
});

import { describe, expect, it } from 'vitest';
import { answerCell, keyOfHeader, plainNumber, questionColumns, questionHeader, submittedAnswerCell } from './answer-columns.js';
import type { Question } from './form-definition.js';

const q = (key: string, extra: Partial<Question> = {}): Question => ({
  key,
  type: 'short_text',
  label: { en: `Label ${key}`, ja: `ラベル ${key}` },
  help: null,
  required: false,
  scope: 'proposal',
  visibility: 'reviewers',
  ...extra,
});

const topics = q('topics', {
  type: 'multiple_choice',
  choices: [
    { value: 'sensing', label: { en: 'Sensing', ja: 'センシング' } },
    { value: 'computing', label: { en: 'Computing, quantum', ja: '量子計算' } },
  ],
});

describe('question columns', () => {
  it('takes the latest version’s questions in its order, then keys only older versions asked, and no document question', () => {
    const columns = questionColumns([
      { version: 1, questions: [q('a'), q('gone_one'), q('b', { label: { en: 'Old b', ja: '旧b' } })] },
      { version: 3, questions: [q('c'), q('b'), q('plan', { type: 'document', documentRequirementId: 'r1' })] },
      { version: 2, questions: [q('gone_two'), q('a'), q('gone_one')] },
    ]);
    expect(columns.map((c) => c.key)).toEqual(['c', 'b', 'gone_two', 'a', 'gone_one']);
    expect(columns.find((c) => c.key === 'b')!.label.en).toBe('Label b');
  });

  it('has no columns for a call without a form', () => {
    expect(questionColumns([])).toEqual([]);
  });
});

describe('question headers', () => {
  it('are the label in the language and the key in brackets, and map back to the key', () => {
    const question = q('budget_plan', { label: { en: 'Budget plan [draft]', ja: '予算計画' } });
    expect(questionHeader(question, 'en')).toBe('Budget plan [draft] [budget_plan]');
    expect(questionHeader(question, 'ja')).toBe('予算計画 [budget_plan]');
    expect(keyOfHeader(questionHeader(question, 'en'))).toBe('budget_plan');
    expect(keyOfHeader(questionHeader(question, 'ja'))).toBe('budget_plan');
  });

  it('map nothing back from a fixed header or a bracket that is not a key', () => {
    expect(keyOfHeader('application_id')).toBeNull();
    expect(keyOfHeader('申請ID')).toBeNull();
    expect(keyOfHeader('Budget [Not A Key]')).toBeNull();
    expect(keyOfHeader('[plan]')).toBeNull();
  });
});

describe('plain numbers', () => {
  it('has no grouping and no exponent, and reads back as the same number', () => {
    for (const [value, text] of [
      [1234567, '1234567'],
      [-42.5, '-42.5'],
      [0, '0'],
      [1e21, '1000000000000000000000'],
      [-1.25e22, '-12500000000000000000000'],
      [1e-7, '0.0000001'],
      [-1.5e-8, '-0.000000015'],
      [0.1, '0.1'],
    ] as const) {
      expect(plainNumber(value)).toBe(text);
      expect(Number(plainNumber(value))).toBe(value);
    }
  });
});

describe('answer cells', () => {
  it('writes text as is, numbers plain and dates as YYYY-MM-DD', () => {
    expect(answerCell(q('t', { type: 'long_text' }), 'One, "two"\r\nthree', 'en')).toBe('One, "two"\r\nthree');
    expect(answerCell(q('u', { type: 'url' }), 'https://example.org/a?b=1', 'ja')).toBe('https://example.org/a?b=1');
    expect(answerCell(q('n', { type: 'number' }), 1234567.5, 'ja')).toBe('1234567.5');
    expect(answerCell(q('d', { type: 'date' }), '2027-03-31', 'ja')).toBe('2027-03-31');
  });

  it('writes yes/no and choices in the language, several choices one per line', () => {
    const yesNo = q('y', { type: 'yes_no' });
    expect([answerCell(yesNo, true, 'en'), answerCell(yesNo, false, 'en')]).toEqual(['Yes', 'No']);
    expect([answerCell(yesNo, true, 'ja'), answerCell(yesNo, false, 'ja')]).toEqual(['はい', 'いいえ']);
    const single = { ...topics, type: 'single_choice' as const };
    expect(answerCell(single, 'computing', 'en')).toBe('Computing, quantum');
    expect(answerCell(single, 'computing', 'ja')).toBe('量子計算');
    expect(answerCell(topics, ['sensing', 'computing'], 'en')).toBe('Sensing\nComputing, quantum');
    expect(answerCell(topics, ['computing'], 'ja')).toBe('量子計算');
  });

  it('leaves a blank cell where there is no answer', () => {
    expect(answerCell(q('t'), undefined, 'en')).toBeNull();
    expect(answerCell(q('t'), null, 'en')).toBeNull();
  });
});

describe('submitted answer cells', () => {
  const region = q('region', { scope: 'side', type: 'single_choice', choices: topics.choices! });
  const versions = new Map<number, readonly Question[]>([
    [1, [q('summary'), region, { ...topics, choices: [{ value: 'old', label: { en: 'Old topic', ja: '旧テーマ' } }, ...topics.choices!] }]],
    [2, [q('summary'), region, topics, q('added_later')]],
  ]);
  const submitted = {
    formVersion: 1,
    answers: {
      proposal: { summary: 'Joint work', topics: ['old', 'sensing'] },
      sides: { jst: { region: 'sensing' }, nsf: { region: 'computing' } },
    },
  };

  it('shows a proposal answer on every side’s row and a side answer on its own side’s row', () => {
    expect(submittedAnswerCell(q('summary'), versions, submitted, 'jst', 'en')).toBe('Joint work');
    expect(submittedAnswerCell(q('summary'), versions, submitted, 'nsf', 'en')).toBe('Joint work');
    expect(submittedAnswerCell(region, versions, submitted, 'jst', 'en')).toBe('Sensing');
    expect(submittedAnswerCell(region, versions, submitted, 'nsf', 'ja')).toBe('量子計算');
    expect(submittedAnswerCell(region, versions, submitted, 'dfg', 'en')).toBeNull();
  });

  it('reads an answer as the version it answered asks it, and leaves a question that version did not ask blank', () => {
    expect(submittedAnswerCell(topics, versions, submitted, 'jst', 'en')).toBe('Old topic\nSensing');
    expect(submittedAnswerCell(q('added_later'), versions, submitted, 'jst', 'en')).toBeNull();
  });

  it('survives answers of an unexpected shape', () => {
    expect(submittedAnswerCell(region, versions, { formVersion: 2, answers: { sides: null } }, 'jst', 'en')).toBeNull();
    expect(submittedAnswerCell(q('summary'), versions, { formVersion: 9, answers: {} }, 'jst', 'en')).toBeNull();
  });
});

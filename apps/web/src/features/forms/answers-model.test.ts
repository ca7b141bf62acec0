import { describe, expect, it } from 'vitest';
import { type AnswersSchema, validateAnswers } from './answer-validation';
import {
  answerAt,
  answerField,
  answerFieldId,
  answerPlaceOf,
  answersOf,
  answersToSave,
  changedPlaces,
  countCharacters,
  countWords,
  missingCount,
  numberAnswer,
  numberHint,
  numberText,
  problemsByField,
  readNumber,
  rebaseAnswers,
  refusedAnswers,
  sameAnswers,
  standingRefusals,
  textCount,
  textLimit,
  toggleChoice,
  withAnswer,
} from './answers-model';
import type { Question } from './form-types';

const question = (extra: Partial<Question>): Question => ({
  key: 'q',
  type: 'short_text',
  label: { en: 'Q', ja: '質問' },
  help: null,
  required: false,
  scope: 'proposal',
  visibility: 'reviewers',
  ...extra,
});

const NSF = '0f8a7c2e-1111-4222-8333-444455556666';

describe('counting as the server counts', () => {
  it('counts code points: an emoji or a rare kanji is one character', () => {
    expect(countCharacters('')).toBe(0);
    expect(countCharacters('abc')).toBe(3);
    expect(countCharacters('😀😀')).toBe(2);
    expect(countCharacters('𠮷野家')).toBe(3);
    expect('𠮷'.length).toBe(2);
  });

  it('counts words as runs of non-space, the ideographic space and new lines separating them', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ')).toBe(0);
    expect(countWords(' one  two\nthree\tfour ')).toBe(4);
    expect(countWords('量子\u3000センシング')).toBe(2);
  });

  it('agrees with the schema the server checks with at the limit', () => {
    const schema: AnswersSchema = {
      type: 'object',
      properties: {
        proposal: {
          type: 'object',
          properties: { plan: { type: 'string', maxLength: 100000, pattern: '^\\s*(?:\\S+(?:\\s+|$)){0,3}$' } },
        },
      },
    };
    for (const text of ['one two three', ' one\u3000two three ', 'one two three four', 'a\nb\tc\u3000d']) {
      const valid = validateAnswers(schema, { proposal: { plan: text } }).length === 0;
      expect(valid, text).toBe(countWords(text) <= 3);
    }
  });

  it('counts against the limit of the question: 200 characters by default, or its words', () => {
    expect(textLimit(question({ type: 'short_text' }))).toEqual({ unit: 'characters', max: 200 });
    expect(textLimit(question({ type: 'short_text', maxChars: 20 }))).toEqual({ unit: 'characters', max: 20 });
    expect(textLimit(question({ type: 'long_text', maxWords: 500 }))).toEqual({ unit: 'words', max: 500 });
    expect(textLimit(question({ type: 'long_text', maxChars: 2000 }))).toEqual({ unit: 'characters', max: 2000 });
    expect(textLimit(question({ type: 'number' }))).toBeNull();
    expect(textCount({ unit: 'words', max: 2 }, 'one two three')).toEqual({ unit: 'words', max: 2, count: 3, over: 1 });
    expect(textCount({ unit: 'characters', max: 5 }, '😀😀')).toEqual({ unit: 'characters', max: 5, count: 2, over: 0 });
  });
});

describe('numbers as typed', () => {
  it('reads plain, signed, decimal and exponent forms, full-width digits and thousands separators', () => {
    expect(readNumber('42')).toEqual({ kind: 'number', value: 42 });
    expect(readNumber(' -3.5 ')).toEqual({ kind: 'number', value: -3.5 });
    expect(readNumber('.5')).toEqual({ kind: 'number', value: 0.5 });
    expect(readNumber('1e3')).toEqual({ kind: 'number', value: 1000 });
    expect(readNumber('１２３')).toEqual({ kind: 'number', value: 123 });
    expect(readNumber('−７')).toEqual({ kind: 'number', value: -7 });
    expect(readNumber('1,234,567')).toEqual({ kind: 'number', value: 1234567 });
    expect(readNumber('')).toEqual({ kind: 'empty' });
    expect(readNumber('  ')).toEqual({ kind: 'empty' });
  });

  it('reads no number in a half-typed or wrong text, and never a comma as a decimal point', () => {
    for (const text of ['-', 'abc', '1,5', '12,34', '1.2.3', '0x10', 'Infinity', '1e999', '5 people']) {
      expect(readNumber(text), text).toEqual({ kind: 'unreadable' });
    }
    expect(readNumber('1.')).toEqual({ kind: 'number', value: 1 });
  });

  it('answers a number, nothing for an empty field, and the text itself when it is no number', () => {
    expect(numberAnswer('4')).toBe(4);
    expect(numberAnswer('')).toBeUndefined();
    expect(numberAnswer('four')).toBe('four');
    expect(numberText(4.5)).toBe('4.5');
    expect(numberText(undefined)).toBe('');
    expect(numberText('four')).toBe('four');
  });

  it('hints at whole numbers and bounds', () => {
    expect(numberHint(question({ type: 'number' }))).toEqual({ key: 'any' });
    expect(numberHint(question({ type: 'number', integer: true }))).toEqual({ key: 'whole' });
    expect(numberHint(question({ type: 'number', integer: true, min: 0, max: 50 }))).toEqual({ key: 'wholeBetween', min: 0, max: 50 });
    expect(numberHint(question({ type: 'number', min: 0.5 }))).toEqual({ key: 'atLeast', min: 0.5 });
    expect(numberHint(question({ type: 'number', max: 10, integer: true }))).toEqual({ key: 'wholeAtMost', max: 10 });
  });
});

describe('multiple choices', () => {
  const topics = question({
    type: 'multiple_choice',
    choices: [
      { value: 'ai', label: { en: 'AI', ja: 'AI' } },
      { value: 'bio', label: { en: 'Biology', ja: '生物学' } },
      { value: 'sea', label: { en: 'Ocean', ja: '海洋' } },
    ],
  });

  it('keep the order of the choices, whatever order they are ticked in, and clear when none is left', () => {
    let value = toggleChoice(topics, undefined, 'sea', true);
    value = toggleChoice(topics, value, 'ai', true);
    expect(value).toEqual(['ai', 'sea']);
    value = toggleChoice(topics, value, 'ai', true);
    expect(value).toEqual(['ai', 'sea']);
    value = toggleChoice(topics, value, 'sea', false);
    expect(toggleChoice(topics, value, 'ai', false)).toBeUndefined();
  });
});

describe('answers by place', () => {
  it('names the field of an answer and reads it back, for the proposal and for a side', () => {
    expect(answerField({ agencyId: null, key: 'plan' })).toBe('answers.proposal.plan');
    expect(answerField({ agencyId: NSF, key: 'plan' })).toBe(`answers.sides.${NSF}.plan`);
    expect(answerPlaceOf(`answers.sides.${NSF}.plan`)).toEqual({ agencyId: NSF, key: 'plan' });
    expect(answerPlaceOf('answers.proposal.plan')).toEqual({ agencyId: null, key: 'plan' });
    expect(answerPlaceOf('answers.proposal')).toBeUndefined();
    expect(answerPlaceOf('sides[0].budgetPerYear')).toBeUndefined();
  });

  it('links an answer problem to the editor’s input of its question', () => {
    expect(answerFieldId('answers.proposal.plan_summary')).toBe('question-proposal-plan_summary');
    expect(answerFieldId(`answers.sides.${NSF}.ethics`)).toBe(`question-side-${NSF}-ethics`);
    expect(answerFieldId('answers.notes')).toBeUndefined();
  });

  it('sets and clears an answer without touching the others, dropping parts left empty', () => {
    let answers = withAnswer({}, { agencyId: null, key: 'plan' }, 'Tides');
    answers = withAnswer(answers, { agencyId: NSF, key: 'ethics' }, false);
    expect(answers).toEqual({ proposal: { plan: 'Tides' }, sides: { [NSF]: { ethics: false } } });
    expect(answerAt(answers, { agencyId: NSF, key: 'ethics' })).toBe(false);
    answers = withAnswer(answers, { agencyId: NSF, key: 'ethics' }, undefined);
    expect(answers).toEqual({ proposal: { plan: 'Tides' } });
    expect(withAnswer(answers, { agencyId: null, key: 'plan' }, undefined)).toEqual({});
  });

  it('reads the api’s answers object, leaving out what is not answers', () => {
    expect(answersOf({ proposal: { a: 1 }, sides: { [NSF]: { b: true }, bad: 3 }, other: 1 })).toEqual({
      proposal: { a: 1 },
      sides: { [NSF]: { b: true } },
    });
    expect(answersOf(null)).toEqual({});
    expect(answersOf({ proposal: [] })).toEqual({});
  });
});

describe('saving answers beside a co-investigator’s', () => {
  const base = { proposal: { plan: 'Tides', size: 3 } };

  it('puts in only what this page changed, over what the server holds now', () => {
    const mine = { proposal: { plan: 'Tidal models', size: 3 } };
    const theirs = { proposal: { plan: 'Tides', size: 3, website: 'https://example.org' } };
    expect(answersToSave(mine, base, theirs, new Set())).toEqual({
      proposal: { plan: 'Tidal models', size: 3, website: 'https://example.org' },
    });
  });

  it('removes an answer this page cleared, and keeps one with a problem as the server has it', () => {
    const mine = { proposal: { size: 'three' } };
    expect(answersToSave(mine, base, base, new Set(['answers.proposal.size']))).toEqual({ proposal: { size: 3 } });
  });

  it('takes the server’s new answers where the page changed nothing, and keeps what is typed meanwhile', () => {
    const typed = { proposal: { plan: 'Tidal mo', size: 3 } };
    const after = { proposal: { plan: 'Tidal m', size: 4 }, sides: { [NSF]: { ethics: true } } };
    expect(rebaseAnswers(typed, base, after)).toEqual({ proposal: { plan: 'Tidal mo', size: 4 }, sides: { [NSF]: { ethics: true } } });
    expect(changedPlaces(base, after).map(answerField)).toEqual([
      'answers.proposal.plan',
      'answers.proposal.size',
      `answers.sides.${NSF}.ethics`,
    ]);
    expect(sameAnswers({ proposal: {} }, {})).toBe(true);
  });
});

describe('problems at their fields', () => {
  it('takes the api’s refusal by field, in both languages, while the refused answer stands', () => {
    const sent = { proposal: { size: 'many' } };
    const refusals = refusedAnswers(
      [
        {
          field: 'answers.proposal.size',
          message: 'Enter a whole number.',
          messageJa: '整数を入力してください。',
          code: 'ANSWER_INVALID',
          key: 'size',
        },
        { field: 'title', message: 'title is required' },
      ],
      sent,
    );
    expect(refusals).toEqual([
      { field: 'answers.proposal.size', message: { en: 'Enter a whole number.', ja: '整数を入力してください。' }, value: 'many' },
    ]);
    expect(standingRefusals(refusals, sent)).toHaveLength(1);
    expect(standingRefusals(refusals, { proposal: { size: 4 } })).toHaveLength(0);
  });

  it('keeps the first problem of each field and counts the missing answers', () => {
    const problems = [
      { key: 'a', agencyId: null, field: 'answers.proposal.a', code: 'ANSWER_MISSING' as const, message: { en: '1', ja: '1' } },
      { key: 'a', agencyId: null, field: 'answers.proposal.a', code: 'ANSWER_INVALID' as const, message: { en: '2', ja: '2' } },
      { key: '', agencyId: null, field: 'answers.proposal', code: 'ANSWER_MISSING' as const, message: { en: '3', ja: '3' } },
    ];
    expect(problemsByField(problems).get('answers.proposal.a')?.message.en).toBe('1');
    expect(missingCount(problems)).toBe(1);
  });
});

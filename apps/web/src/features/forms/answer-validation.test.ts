import { describe, expect, it } from 'vitest';
import { type AnswersSchema, validateAnswers } from './answer-validation';

const notBlank = { not: { type: 'string', pattern: '^\\s*$' } } as const;
const side: AnswersSchema = {
  type: 'object',
  properties: {
    topics: { type: 'array', items: { type: 'string', enum: ['ai', 'bio'] }, uniqueItems: true, minItems: 1 },
    ethics: { type: 'boolean' },
  },
  required: ['topics'],
  additionalProperties: false,
};

/** A form's answers schema at submit, as the api compiles it. */
const schema: AnswersSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    proposal: {
      type: 'object',
      properties: {
        title: { type: 'string', maxLength: 10, ...notBlank },
        summary: { type: 'string', maxLength: 100000, pattern: '^\\s*(?:\\S+(?:\\s+|$)){0,3}$' },
        budget: { type: 'integer', minimum: 0, maximum: 100 },
        ratio: { type: 'number', minimum: 0.5 },
        start: { type: 'string', format: 'date' },
        field: { type: 'string', enum: ['ai', 'bio'] },
        website: { type: 'string', maxLength: 2000, format: 'uri', pattern: '^https?://[^/?#]' },
      },
      required: ['title'],
      additionalProperties: false,
    },
    sides: { type: 'object', properties: { jst: side, nsf: side }, required: ['jst', 'nsf'], additionalProperties: false },
  },
  required: ['proposal', 'sides'],
  additionalProperties: false,
};

const complete = {
  proposal: {
    title: 'Tides',
    summary: 'Ocean tide models',
    budget: 100,
    start: '2028-02-29',
    field: 'bio',
    website: 'https://example.org/tides',
  },
  sides: { jst: { topics: ['ai'], ethics: true }, nsf: { topics: ['ai', 'bio'] } },
};
const codes = (problems: readonly { field: string; code: string }[]) => problems.map(({ field, code }) => `${field} ${code}`);

describe('answer validation (pages)', () => {
  it('takes complete, valid answers', () => {
    expect(validateAnswers(schema, complete)).toEqual([]);
  });

  it('names each required answer missing, once per side, with the question and the agency', () => {
    expect(validateAnswers(schema, { proposal: { title: '  ' }, sides: { jst: { topics: [] }, nsf: {} } })).toEqual([
      {
        key: 'title',
        agencyId: null,
        field: 'answers.proposal.title',
        code: 'ANSWER_MISSING',
        message: { en: 'Answer this question.', ja: 'この質問に回答してください。' },
      },
      {
        key: 'topics',
        agencyId: 'jst',
        field: 'answers.sides.jst.topics',
        code: 'ANSWER_MISSING',
        message: { en: 'Answer this question.', ja: 'この質問に回答してください。' },
      },
      {
        key: 'topics',
        agencyId: 'nsf',
        field: 'answers.sides.nsf.topics',
        code: 'ANSWER_MISSING',
        message: { en: 'Answer this question.', ja: 'この質問に回答してください。' },
      },
    ]);
  });

  it('says plainly what is wrong with each invalid answer, in English and Japanese', () => {
    const answers = {
      proposal: {
        title: 'A title far too long',
        summary: 'one two three four',
        budget: 7.5,
        ratio: 0.25,
        start: '2027-02-30',
        field: 'chem',
        website: 'ftp://example.org',
      },
      sides: { jst: { topics: ['ai', 'ai'], ethics: 'yes' }, nsf: { topics: ['ai'] } },
    };
    expect(validateAnswers(schema, answers).map(({ field, code, message }) => [field, code, message.en, message.ja])).toEqual([
      ['answers.proposal.budget', 'ANSWER_INVALID', 'Enter a whole number.', '整数を入力してください。'],
      ['answers.proposal.field', 'ANSWER_INVALID', 'Choose from the options.', '選択肢から選んでください。'],
      ['answers.proposal.ratio', 'ANSWER_INVALID', 'Enter 0.5 or more.', '0.5以上の値を入力してください。'],
      [
        'answers.proposal.start',
        'ANSWER_INVALID',
        'Enter a real date as YYYY-MM-DD.',
        '実在する日付を YYYY-MM-DD の形で入力してください。',
      ],
      ['answers.proposal.summary', 'ANSWER_INVALID', 'Use at most 3 words.', '3語以内で入力してください。'],
      ['answers.proposal.title', 'ANSWER_INVALID', 'Use at most 10 characters.', '10文字以内で入力してください。'],
      [
        'answers.proposal.website',
        'ANSWER_INVALID',
        'Enter a web address starting with http:// or https://.',
        'http:// か https:// で始まるURLを入力してください。',
      ],
      ['answers.sides.jst.ethics', 'ANSWER_INVALID', 'Answer yes or no.', '「はい」か「いいえ」で回答してください。'],
      ['answers.sides.jst.topics', 'ANSWER_INVALID', 'Choose each option only once.', '同じ選択肢は一度だけ選んでください。'],
    ]);
  });

  it('one problem per question: the first rule its answer breaks', () => {
    const problems = validateAnswers(schema, { ...complete, sides: { ...complete.sides, jst: { topics: ['ai', 'ai', 'chem', 3] } } });
    expect(problems.map(({ field, message }) => [field, message.en])).toEqual([['answers.sides.jst.topics', 'Choose from the options.']]);
  });

  it('counts an emoji as one character, as the server does', () => {
    expect(validateAnswers(schema, { ...complete, proposal: { title: '😀'.repeat(10) } })).toEqual([]);
    expect(codes(validateAnswers(schema, { ...complete, proposal: { title: '😀'.repeat(11) } }))).toEqual([
      'answers.proposal.title ANSWER_INVALID',
    ]);
  });

  it('names unknown answers and agencies where they are, whatever their keys are spelled with', () => {
    const answers = {
      ...complete,
      proposal: { ...complete.proposal, 'a/b~%#é': 1, plan: 'x' },
      sides: { ...complete.sides, dfg: {} },
      notes: '',
    };
    expect(validateAnswers(schema, answers).map(({ key, agencyId, field, code }) => [key, agencyId, field, code])).toEqual([
      ['', null, 'answers.notes', 'ANSWER_UNKNOWN'],
      ['a/b~%#é', null, 'answers.proposal.a/b~%#é', 'ANSWER_UNKNOWN'],
      ['plan', null, 'answers.proposal.plan', 'ANSWER_UNKNOWN'],
      ['', 'dfg', 'answers.sides.dfg', 'ANSWER_UNKNOWN'],
    ]);
  });

  it('reads the answers as the server receives them: a field left undefined is not given', () => {
    const answers = { ...complete, proposal: { ...complete.proposal, website: undefined, budget: Number.NaN } };
    expect(codes(validateAnswers(schema, answers))).toEqual(['answers.proposal.budget ANSWER_INVALID']);
    expect(codes(validateAnswers(schema, undefined))).toEqual(['answers ANSWER_INVALID']);
  });

  it('reads a missing part of the answers as an empty one, naming each required question in it', () => {
    const missing = validateAnswers(schema, { proposal: complete.proposal });
    expect(missing.map((p) => `${p.field} ${p.code}`)).toEqual([
      'answers.sides.jst.topics ANSWER_MISSING',
      'answers.sides.nsf.topics ANSWER_MISSING',
    ]);
    expect(missing[0]!.message).toEqual({ en: 'Answer this question.', ja: 'この質問に回答してください。' });
  });
});

import { describe, expect, it } from 'vitest';
import type { FormDefinition, Question } from './form-definition.js';
import { BLANK_PATTERN, compileAnswersSchema, DRAFT_2020_12, WEB_ADDRESS_PATTERN, wordLimitOf, wordLimitPattern } from './form-schema.js';

const texts = { label: { en: 'Q', ja: '質問' }, help: null, visibility: 'reviewers' } as const;
const question = (q: Pick<Question, 'key' | 'type'> & Partial<Question>): Question => ({
  required: true,
  scope: 'proposal',
  ...texts,
  ...q,
});
const choices = [
  { value: 'ai', label: { en: 'AI', ja: '人工知能' } },
  { value: 'bio', label: { en: 'Biology', ja: '生物学' } },
];

const form: FormDefinition = {
  questions: [
    question({ key: 'title', type: 'short_text' }),
    question({ key: 'summary', type: 'long_text', maxWords: 300 }),
    question({ key: 'abstract', type: 'long_text', maxChars: 2000, required: false }),
    question({ key: 'budget', type: 'number', min: 0, max: 1_000_000, integer: true }),
    question({ key: 'ratio', type: 'number', required: false }),
    question({ key: 'start', type: 'date', required: false }),
    question({ key: 'field', type: 'single_choice', choices, required: false }),
    question({ key: 'website', type: 'url', required: false }),
    question({ key: 'plan', type: 'document', documentRequirementId: 'r1' }),
    question({ key: 'topics', type: 'multiple_choice', choices, scope: 'side' }),
    question({ key: 'ethics', type: 'yes_no', scope: 'side', required: false }),
    question({ key: 'cv', type: 'document', scope: 'side', documentRequirementId: 'r2' }),
  ],
};

describe('answers schema', () => {
  it('at submit: each answer typed and bounded, required ones present and not blank, documents left to uploads', () => {
    const notBlank = { not: { type: 'string', pattern: BLANK_PATTERN } };
    const topics = { type: 'array', items: { type: 'string', enum: ['ai', 'bio'] }, uniqueItems: true, minItems: 1 };
    const side = {
      type: 'object',
      properties: { topics, ethics: { type: 'boolean' } },
      required: ['topics'],
      additionalProperties: false,
    };
    expect(compileAnswersSchema(form, ['jst', 'nsf'], 'submit')).toEqual({
      $schema: DRAFT_2020_12,
      type: 'object',
      properties: {
        proposal: {
          type: 'object',
          properties: {
            title: { type: 'string', maxLength: 200, ...notBlank },
            summary: { type: 'string', maxLength: 100_000, pattern: wordLimitPattern(300), ...notBlank },
            abstract: { type: 'string', maxLength: 2000 },
            budget: { type: 'integer', minimum: 0, maximum: 1_000_000 },
            ratio: { type: 'number' },
            start: { type: 'string', format: 'date' },
            field: { type: 'string', enum: ['ai', 'bio'] },
            website: { type: 'string', maxLength: 2000, format: 'uri', pattern: WEB_ADDRESS_PATTERN },
          },
          required: ['title', 'summary', 'budget'],
          additionalProperties: false,
        },
        sides: { type: 'object', properties: { jst: side, nsf: side }, required: ['jst', 'nsf'], additionalProperties: false },
      },
      required: ['proposal', 'sides'],
      additionalProperties: false,
    });
  });

  it('in a draft: any answer may be left out or blank, but none may be unknown or of the wrong kind', () => {
    const schema = compileAnswersSchema(form, ['jst'], 'draft');
    expect(schema.required).toBeUndefined();
    expect(schema.additionalProperties).toBe(false);
    const proposal = schema.properties?.proposal;
    expect(proposal?.required).toBeUndefined();
    expect(proposal?.additionalProperties).toBe(false);
    expect(proposal?.properties?.title).toEqual({ type: 'string', maxLength: 200 });
    const side = schema.properties?.sides?.properties?.jst;
    expect(side?.properties?.topics).toEqual({ type: 'array', items: { type: 'string', enum: ['ai', 'bio'] }, uniqueItems: true });
    expect(schema.properties?.sides?.required).toBeUndefined();
  });

  it('requires a part of the answers at submit only when it holds a required question', () => {
    const optional: FormDefinition = { questions: [question({ key: 'note', type: 'short_text', required: false, scope: 'side' })] };
    expect(compileAnswersSchema(optional, ['jst'], 'submit').required).toBeUndefined();
    const proposalOnly: FormDefinition = { questions: [question({ key: 'title', type: 'short_text' })] };
    expect(compileAnswersSchema(proposalOnly, ['jst'], 'submit').required).toEqual(['proposal']);
    const sideOnly: FormDefinition = { questions: [question({ key: 'cv_link', type: 'url', scope: 'side' })] };
    expect(compileAnswersSchema(sideOnly, ['jst'], 'submit').required).toEqual(['sides']);
    expect(compileAnswersSchema(sideOnly, [], 'submit').required).toBeUndefined();
  });

  it('asks side questions once per agency, each agency once', () => {
    const schema = compileAnswersSchema(form, ['jst', 'nsf', 'jst'], 'draft');
    expect(Object.keys(schema.properties?.sides?.properties ?? {})).toEqual(['jst', 'nsf']);
    expect(compileAnswersSchema({ questions: [] }, [], 'submit')).toEqual({
      $schema: DRAFT_2020_12,
      type: 'object',
      properties: {
        proposal: { type: 'object', properties: {}, additionalProperties: false },
        sides: { type: 'object', properties: {}, additionalProperties: false },
      },
      additionalProperties: false,
    });
  });

  it('gives each agency a schema of its own, so that changing one cannot change another', () => {
    const sides = compileAnswersSchema(form, ['jst', 'nsf'], 'draft').properties?.sides?.properties;
    expect(sides?.jst).not.toBe(sides?.nsf);
  });
});

describe('word limit pattern', () => {
  const within = (text: string, words: number) => new RegExp(wordLimitPattern(words), 'u').test(text);

  it('counts runs of non-space characters, whatever the space between and around them', () => {
    expect(within('', 2)).toBe(true);
    expect(within('   ', 2)).toBe(true);
    expect(within('one', 1)).toBe(true);
    expect(within(' one two ', 2)).toBe(true);
    expect(within('one two three', 2)).toBe(false);
    expect(within('one\ntwo\tthree', 2)).toBe(false);
    expect(within('一語\u3000二語', 2)).toBe(true);
    expect(within('一語\u3000二語\u3000三語', 2)).toBe(false);
    expect(within('😀 😀', 2)).toBe(true);
    expect(within('don’t-stop, now!', 2)).toBe(true);
  });

  it('answers at once on 20,000 characters, within or far over the limit', () => {
    const inputs = [
      'word '.repeat(4_000),
      'a '.repeat(10_000),
      'x'.repeat(20_000),
      ' '.repeat(20_000),
      `${'a'.repeat(10_000)}${' '.repeat(9_999)}b`,
      'a \t\n\u3000'.repeat(5_000),
      `${'ab '.repeat(6_666)}!!`,
    ];
    for (const words of [1, 5, 300, 5_000, 20_000]) {
      const pattern = new RegExp(wordLimitPattern(words), 'u');
      for (const input of inputs) {
        const started = performance.now();
        pattern.test(input);
        expect(performance.now() - started).toBeLessThan(50);
      }
    }
  });

  it('reads its limit back', () => {
    expect(wordLimitOf(wordLimitPattern(300))).toBe(300);
    expect(wordLimitOf(WEB_ADDRESS_PATTERN)).toBeNull();
    expect(wordLimitOf(BLANK_PATTERN)).toBeNull();
  });
});

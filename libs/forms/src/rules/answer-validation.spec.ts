import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it, vi } from 'vitest';
import { validateAnswers } from './answer-validation.js';
import type { FormDefinition, Question } from './form-definition.js';
import { compileAnswersSchema } from './form-schema.js';

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
    question({ key: 'title', type: 'short_text', maxChars: 10 }),
    question({ key: 'summary', type: 'long_text', maxWords: 3, required: false }),
    question({ key: 'budget', type: 'number', min: 0, max: 100, integer: true, required: false }),
    question({ key: 'start', type: 'date', required: false }),
    question({ key: 'field', type: 'single_choice', choices, required: false }),
    question({ key: 'website', type: 'url', required: false }),
    question({ key: 'plan', type: 'document', documentRequirementId: 'r1' }),
    question({ key: 'topics', type: 'multiple_choice', choices, scope: 'side' }),
    question({ key: 'ethics', type: 'yes_no', scope: 'side', required: false }),
  ],
};
const submit = compileAnswersSchema(form, ['jst', 'nsf'], 'submit');
const draft = compileAnswersSchema(form, ['jst', 'nsf'], 'draft');

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

describe('answer validation (server)', () => {
  it('takes complete, valid answers, and an empty draft', () => {
    expect(validateAnswers(submit, complete)).toEqual([]);
    expect(validateAnswers(draft, complete)).toEqual([]);
    expect(validateAnswers(draft, {})).toEqual([]);
    expect(validateAnswers(draft, { proposal: {}, sides: { jst: {} } })).toEqual([]);
  });

  it('at submit, names each required answer missing, once per side for a side question', () => {
    const answers = { proposal: {}, sides: { jst: { topics: [] }, nsf: {} } };
    expect(validateAnswers(submit, answers)).toEqual([
      {
        key: 'title',
        agencyId: null,
        field: 'answers.proposal.title',
        code: 'ANSWER_MISSING',
        message: {
          en: "answers.proposal must have required property 'title'",
          ja: 'answers.proposal 必要なプロパティtitleがなければいけない',
        },
      },
      {
        key: 'topics',
        agencyId: 'jst',
        field: 'answers.sides.jst.topics',
        code: 'ANSWER_MISSING',
        message: {
          en: 'answers.sides.jst.topics must have at least 1 choice selected',
          ja: 'answers.sides.jst.topics は1個以上選ばなければいけない',
        },
      },
      {
        key: 'topics',
        agencyId: 'nsf',
        field: 'answers.sides.nsf.topics',
        code: 'ANSWER_MISSING',
        message: {
          en: "answers.sides.nsf must have required property 'topics'",
          ja: 'answers.sides.nsf 必要なプロパティtopicsがなければいけない',
        },
      },
    ]);
    expect(validateAnswers(draft, answers)).toEqual([]);
  });

  it('a required text of white space only is missing at submit, and may stay blank in a draft', () => {
    const answers = { ...complete, proposal: { ...complete.proposal, title: ' \n\u3000' } };
    expect(validateAnswers(submit, answers)).toEqual([
      {
        key: 'title',
        agencyId: null,
        field: 'answers.proposal.title',
        code: 'ANSWER_MISSING',
        message: { en: 'answers.proposal.title must not be blank', ja: 'answers.proposal.title は空欄であってはいけない' },
      },
    ]);
    expect(validateAnswers(draft, answers)).toEqual([]);
  });

  it('names what is wrong with each invalid answer, in English and Japanese', () => {
    const answers = {
      proposal: {
        title: 'A title far too long',
        summary: 'one two three four',
        budget: 7.5,
        start: '2027-02-30',
        field: 'chem',
        website: 'ftp://example.org',
      },
      sides: { jst: { topics: ['ai'], ethics: 'yes' }, nsf: { topics: ['ai'] } },
    };
    expect(validateAnswers(draft, answers).map(({ field, message }) => [field, message.en, message.ja])).toEqual([
      ['answers.proposal.budget', 'answers.proposal.budget must be integer', 'answers.proposal.budget integerでなければいけない'],
      [
        'answers.proposal.field',
        'answers.proposal.field must be equal to one of the allowed values',
        'answers.proposal.field 事前に定義された値のいずれかに等しくなければいけない',
      ],
      [
        'answers.proposal.start',
        'answers.proposal.start must match format "date"',
        'answers.proposal.start "date"形式に揃えなければいけない',
      ],
      [
        'answers.proposal.summary',
        'answers.proposal.summary must have at most 3 words',
        'answers.proposal.summary は3語以内でなければいけない',
      ],
      [
        'answers.proposal.title',
        'answers.proposal.title must NOT have more than 10 characters',
        'answers.proposal.title は10文字以内でなければいけない',
      ],
      [
        'answers.proposal.website',
        'answers.proposal.website must be a web address starting with http:// or https://',
        'answers.proposal.website は http:// または https:// で始まるURLでなければいけない',
      ],
      ['answers.sides.jst.ethics', 'answers.sides.jst.ethics must be boolean', 'answers.sides.jst.ethics booleanでなければいけない'],
    ]);
    expect(new Set(validateAnswers(draft, answers).map((problem) => problem.code))).toEqual(new Set(['ANSWER_INVALID']));
  });

  it('reports one problem per question however many rules its answer breaks', () => {
    const answers = { ...complete, sides: { ...complete.sides, jst: { topics: ['ai', 'ai', 'chem', 3] } } };
    const problems = validateAnswers(submit, answers);
    expect(codes(problems)).toEqual(['answers.sides.jst.topics ANSWER_INVALID']);
    expect(problems[0]?.message.en).toBe('answers.sides.jst.topics.3 must be string');
  });

  it('an answer both blank and too long is invalid rather than missing', () => {
    const answers = { ...complete, proposal: { ...complete.proposal, title: ' '.repeat(11) } };
    expect(codes(validateAnswers(submit, answers))).toEqual(['answers.proposal.title ANSWER_INVALID']);
  });

  it('counts characters as code points: an emoji is one', () => {
    expect(validateAnswers(submit, { ...complete, proposal: { ...complete.proposal, title: '😀'.repeat(10) } })).toEqual([]);
    expect(codes(validateAnswers(submit, { ...complete, proposal: { ...complete.proposal, title: '😀'.repeat(11) } }))).toEqual([
      'answers.proposal.title ANSWER_INVALID',
    ]);
  });

  it('takes only web addresses, and only real dates', () => {
    const check = (website: string, start: string) => codes(validateAnswers(draft, { proposal: { website, start } }));
    expect(check('http://example.org', '2024-02-29')).toEqual([]);
    for (const website of [
      'mailto:a@example.org',
      'javascript:alert(1)',
      'https://',
      'HTTP://EXAMPLE.ORG',
      'https://exa mple.org',
      '//example.org',
    ]) {
      expect(check(website, '2024-02-29')).toEqual(['answers.proposal.website ANSWER_INVALID']);
    }
    for (const start of ['2023-02-29', '2027-13-01', '2027-1-1', '2027-01-01T00:00:00Z', '']) {
      expect(check('http://example.org', start)).toEqual(['answers.proposal.start ANSWER_INVALID']);
    }
  });

  it('names unknown answers: keys no question has, a document question (answered by upload), an agency without a side', () => {
    const answers = {
      ...complete,
      proposal: { ...complete.proposal, plan: 'plan.pdf', extra: 1 },
      sides: { ...complete.sides, dfg: {} },
      notes: '',
    };
    expect(validateAnswers(submit, answers)).toEqual([
      {
        key: '',
        agencyId: null,
        field: 'answers.notes',
        code: 'ANSWER_UNKNOWN',
        message: { en: 'answers.notes is not part of this form', ja: 'answers.notes はこのフォームにない項目です' },
      },
      {
        key: 'extra',
        agencyId: null,
        field: 'answers.proposal.extra',
        code: 'ANSWER_UNKNOWN',
        message: { en: 'answers.proposal.extra is not part of this form', ja: 'answers.proposal.extra はこのフォームにない項目です' },
      },
      {
        key: 'plan',
        agencyId: null,
        field: 'answers.proposal.plan',
        code: 'ANSWER_UNKNOWN',
        message: { en: 'answers.proposal.plan is not part of this form', ja: 'answers.proposal.plan はこのフォームにない項目です' },
      },
      {
        key: '',
        agencyId: 'dfg',
        field: 'answers.sides.dfg',
        code: 'ANSWER_UNKNOWN',
        message: { en: 'answers.sides.dfg is not part of this form', ja: 'answers.sides.dfg はこのフォームにない項目です' },
      },
    ]);
  });

  it('names a broken shape where it is', () => {
    expect(codes(validateAnswers(draft, null))).toEqual(['answers ANSWER_INVALID']);
    expect(codes(validateAnswers(draft, { proposal: [], sides: { jst: 'x' } }))).toEqual([
      'answers.proposal ANSWER_INVALID',
      'answers.sides.jst ANSWER_INVALID',
    ]);
    // A missing part reads as an empty one: each of its required questions is named by its key.
    expect(codes(validateAnswers(submit, { proposal: complete.proposal }))).toEqual([
      'answers.sides.jst.topics ANSWER_MISSING',
      'answers.sides.nsf.topics ANSWER_MISSING',
    ]);
    expect(codes(validateAnswers(submit, {}))).toEqual(codes(validateAnswers(submit, { proposal: {}, sides: { jst: {}, nsf: {} } })));
  });

  it('reads only the answers own keys: a question keyed constructor is not answered by every object', () => {
    const schema = compileAnswersSchema({ questions: [question({ key: 'constructor', type: 'short_text' })] }, [], 'submit');
    expect(codes(validateAnswers(schema, { proposal: {} }))).toEqual(['answers.proposal.constructor ANSWER_MISSING']);
    expect(validateAnswers(schema, { proposal: { constructor: 'x' } })).toEqual([]);
    expect(codes(validateAnswers(schema, JSON.parse('{"proposal":{"constructor":"x","__proto__":"y"}}')))).toEqual([
      'answers.proposal.__proto__ ANSWER_UNKNOWN',
    ]);
  });

  it('compiles a schema once, however often it is built again from the same form', () => {
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    const form = { questions: [question({ key: 'cached_once', type: 'yes_no' })] };
    for (let n = 0; n < 5; n++) validateAnswers(compileAnswersSchema(form, ['jst'], 'submit'), { proposal: { cached_once: n > 2 } });
    expect(compile).toHaveBeenCalledTimes(1);
    compile.mockRestore();
  });

  it('keeps the hundred schemas used last, and compiles an older one again', () => {
    const schemaOf = (n: number) => compileAnswersSchema({ questions: [question({ key: `q${n}`, type: 'yes_no' })] }, [], 'draft');
    for (let n = 0; n <= 100; n++) validateAnswers(schemaOf(n), {});
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    validateAnswers(schemaOf(100), {});
    validateAnswers(schemaOf(1), {});
    expect(compile).not.toHaveBeenCalled();
    expect(validateAnswers(schemaOf(0), { proposal: { q0: 'yes' } }).map((problem) => problem.code)).toEqual(['ANSWER_INVALID']);
    expect(compile).toHaveBeenCalledTimes(1);
    compile.mockRestore();
  });
});

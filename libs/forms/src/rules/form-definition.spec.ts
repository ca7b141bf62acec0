import { describe, expect, it } from 'vitest';
import { answerField, checkFormDefinition, type FormDefinition, type Question } from './form-definition.js';

const label = { en: 'Title', ja: '題目' };
const base = { label, help: null, required: true, scope: 'proposal', visibility: 'reviewers' } as const;
const choices = [
  { value: 'ai', label: { en: 'AI', ja: '人工知能' } },
  { value: 'bio', label: { en: 'Biology', ja: '生物学' } },
];

/** One question of every type, as an officer could define them. */
const sound: FormDefinition = {
  questions: [
    { ...base, key: 'title', type: 'short_text' },
    { ...base, key: 'summary', type: 'long_text', maxWords: 300, help: { en: 'Plain words.', ja: '平易に。' } },
    { ...base, key: 'abstract_ja', type: 'long_text', maxChars: 2000, required: false },
    { ...base, key: 'budget', type: 'number', min: 0, max: 1_000_000, integer: true },
    { ...base, key: 'start', type: 'date' },
    { ...base, key: 'field', type: 'single_choice', choices },
    { ...base, key: 'topics', type: 'multiple_choice', choices, scope: 'side' },
    { ...base, key: 'ethics', type: 'yes_no', visibility: 'office_agency' },
    { ...base, key: 'website', type: 'url', required: false },
    { ...base, key: 'plan', type: 'document', documentRequirementId: '3f1c8f5e-5d7b-4c38-9d7e-0a1b2c3d4e5f' },
  ],
};

const withQuestion = (question: Record<string, unknown>) => ({ questions: [question] });
const paths = (definition: unknown) => checkFormDefinition(definition).map((problem) => problem.path);

describe('form definition', () => {
  it('takes a form with a question of every type', () => {
    expect(checkFormDefinition(sound)).toEqual([]);
    expect(checkFormDefinition({ questions: [] })).toEqual([]);
  });

  it('refuses what is not a form at all', () => {
    for (const definition of [null, 'form', [], {}, { questions: {} }]) {
      expect(checkFormDefinition(definition)).toEqual([{ path: 'questions', message: 'must be a list of questions' }]);
    }
    expect(paths({ questions: [], title: 'x' })).toEqual(['title']);
    expect(paths({ questions: [null] })).toEqual(['questions[0]']);
  });

  it('keys: lower-case letters, digits and _, starting with a letter, at most 64, each once', () => {
    for (const key of ['Title', '1st', '_x', 'a-b', 'a.b', '', 'a'.repeat(65), 42]) {
      expect(paths(withQuestion({ ...base, key, type: 'yes_no' }))).toEqual(['questions[0].key']);
    }
    expect(paths(withQuestion({ ...base, key: 'a'.repeat(64), type: 'yes_no' }))).toEqual([]);
    const repeated = { questions: [sound.questions[0], sound.questions[4], { ...sound.questions[4], type: 'yes_no' }] };
    expect(checkFormDefinition(repeated)).toEqual([{ path: 'questions[2].key', message: 'repeats the key start of questions[1]' }]);
  });

  it('names every problem of a question, each at its path', () => {
    const question = {
      key: 'q',
      type: 'essay',
      label: { en: ' ', fr: 'x' },
      help: 'help',
      required: 'yes',
      scope: 'team',
      visibility: 'all',
      hint: 1,
    };
    expect(paths(withQuestion(question))).toEqual([
      'questions[0].type',
      'questions[0].label.en',
      'questions[0].label.ja',
      'questions[0].label.fr',
      'questions[0].help',
      'questions[0].required',
      'questions[0].scope',
      'questions[0].visibility',
      'questions[0].hint',
    ]);
  });

  it('limits the length of labels and help', () => {
    expect(paths(withQuestion({ ...base, key: 'q', type: 'yes_no', label: { en: 'x'.repeat(501), ja: '題' } }))).toEqual([
      'questions[0].label.en',
    ]);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'yes_no', help: { en: 'x', ja: '字'.repeat(2001) } }))).toEqual([
      'questions[0].help.ja',
    ]);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'yes_no', label: { en: '😀'.repeat(500), ja: '題' } }))).toEqual([]);
  });

  it('takes only the constraints of its type', () => {
    expect(checkFormDefinition(withQuestion({ ...base, key: 'q', type: 'short_text', maxWords: 10 }))).toEqual([
      { path: 'questions[0].maxWords', message: 'does not apply to a short_text question' },
    ]);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'date', min: 1, choices }))).toEqual(['questions[0].min', 'questions[0].choices']);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'yes_no', documentRequirementId: 'x' }))).toEqual([
      'questions[0].documentRequirementId',
    ]);
  });

  it('text limits: a short text up to 1,000 characters; a long text has either a character or a word limit', () => {
    expect(paths(withQuestion({ ...base, key: 'q', type: 'short_text', maxChars: 1001 }))).toEqual(['questions[0].maxChars']);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'short_text', maxChars: 2.5 }))).toEqual(['questions[0].maxChars']);
    expect(checkFormDefinition(withQuestion({ ...base, key: 'q', type: 'long_text' }))).toEqual([
      { path: 'questions[0]', message: 'a long text needs either a character limit (maxChars) or a word limit (maxWords), not both' },
    ]);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'long_text', maxChars: 100, maxWords: 10 }))).toEqual(['questions[0]']);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'long_text', maxWords: 0 }))).toEqual(['questions[0].maxWords']);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'long_text', maxChars: 100_001 }))).toEqual(['questions[0].maxChars']);
  });

  it('numbers: finite bounds, min not above max, and a whole number between them when whole numbers are asked for', () => {
    expect(checkFormDefinition(withQuestion({ ...base, key: 'q', type: 'number', min: 10, max: 1 }))).toEqual([
      { path: 'questions[0].min', message: 'must not exceed max (1)' },
    ]);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'number', min: '1', max: Infinity }))).toEqual([
      'questions[0].min',
      'questions[0].max',
    ]);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'number', min: 0.2, max: 0.8, integer: true }))).toEqual(['questions[0]']);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'number', min: 0.2, max: 0.8 }))).toEqual([]);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'number', integer: 'yes' }))).toEqual(['questions[0].integer']);
  });

  it('choices: 2 to 50, each value a key and used once, each labelled in both languages', () => {
    const question = (list: unknown): Record<string, unknown> => ({ ...base, key: 'q', type: 'single_choice', choices: list });
    expect(paths(withQuestion({ ...base, key: 'q', type: 'multiple_choice' }))).toEqual(['questions[0].choices']);
    expect(paths(withQuestion(question([choices[0]])))).toEqual(['questions[0].choices']);
    const many = Array.from({ length: 51 }, (_, n) => ({ value: `c${n}`, label }));
    expect(paths(withQuestion(question(many)))).toEqual(['questions[0].choices']);
    expect(paths(withQuestion(question(many.slice(0, 50))))).toEqual([]);
    expect(checkFormDefinition(withQuestion(question([...choices, { value: 'ai', label }])))).toEqual([
      { path: 'questions[0].choices[2].value', message: 'repeats the value ai' },
    ]);
    expect(paths(withQuestion(question([{ value: 'A', label: { en: 'A' } }, 'b', { value: 'c', label, colour: 'red' }])))).toEqual([
      'questions[0].choices[0].value',
      'questions[0].choices[0].label.ja',
      'questions[0].choices[1]',
      'questions[0].choices[2].colour',
    ]);
  });

  it('a document question names its document requirement', () => {
    expect(paths(withQuestion({ ...base, key: 'q', type: 'document' }))).toEqual(['questions[0].documentRequirementId']);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'document', documentRequirementId: ' ' }))).toEqual([
      'questions[0].documentRequirementId',
    ]);
    expect(paths(withQuestion({ ...base, key: 'q', type: 'document', documentRequirementId: 'research-plan' }))).toEqual([
      'questions[0].documentRequirementId',
    ]);
  });

  it('at most 100 questions', () => {
    const questions = (n: number): Question[] => Array.from({ length: n }, (_, i) => ({ ...base, key: `q${i}`, type: 'yes_no' }));
    expect(checkFormDefinition({ questions: questions(100) })).toEqual([]);
    expect(checkFormDefinition({ questions: questions(101) })).toEqual([{ path: 'questions', message: 'must have at most 100 questions' }]);
  });

  it('names the field of an answer', () => {
    expect(answerField('budget_note', null)).toBe('answers.proposal.budget_note');
    expect(answerField('cv_link', 'jst')).toBe('answers.sides.jst.cv_link');
  });
});

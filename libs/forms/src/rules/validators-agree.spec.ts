import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as pages from '../../../../apps/web/src/features/forms/answer-validation.js';
import { validateAnswers } from './answer-validation.js';
import {
  checkFormDefinition,
  type Choice,
  type FormDefinition,
  type Question,
  QUESTION_TYPES,
  type QuestionType,
} from './form-definition.js';
import { type AnswersMode, compileAnswersSchema, type JSONSchema } from './form-schema.js';

/**
 * The pages check answers with @cfworker/json-schema, the server with AJV, both against the same
 * compiled schema. Over generated forms and answers (valid ones, and wrong in every way an
 * applicant or a broken page could make them), both must name the same problems.
 */
const RUNS = Number(process.env.FORMS_PROPERTY_RUNS ?? 500);

const label = { en: 'Question', ja: '質問' };
const keyArb = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/) },
  { weight: 1, arbitrary: fc.constant('constructor') },
);

const choicesArb: fc.Arbitrary<Choice[]> = fc
  .uniqueArray(keyArb, { minLength: 2, maxLength: 5 })
  .map((values) => values.map((value) => ({ value, label: { en: value, ja: value } })));

const boundArb = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true }));

function constraintsArb(type: QuestionType): fc.Arbitrary<Partial<Question>> {
  switch (type) {
    case 'short_text':
      return fc.record({ maxChars: fc.integer({ min: 1, max: 30 }) }, { requiredKeys: [] });
    case 'long_text':
      return fc.oneof(fc.record({ maxChars: fc.integer({ min: 1, max: 40 }) }), fc.record({ maxWords: fc.integer({ min: 1, max: 6 }) }));
    case 'number':
      return fc.record({ min: boundArb, max: boundArb, integer: fc.boolean() }, { requiredKeys: [] }).map(({ min, max, integer }) => {
        const [low, high] = min !== undefined && max !== undefined && min > max ? [max, min] : [min, max];
        const wholeBetween = low === undefined || high === undefined || Math.ceil(low) <= Math.floor(high);
        return {
          ...(low === undefined ? {} : { min: low }),
          ...(high === undefined ? {} : { max: high }),
          ...(integer === undefined || (integer && !wholeBetween) ? {} : { integer }),
        };
      });
    case 'single_choice':
    case 'multiple_choice':
      return fc.record({ choices: choicesArb });
    case 'document':
      return fc.record({ documentRequirementId: fc.uuid() });
    default:
      return fc.constant({});
  }
}

const questionArb: fc.Arbitrary<Question> = fc
  .record({
    key: keyArb,
    type: fc.constantFrom(...QUESTION_TYPES),
    required: fc.boolean(),
    scope: fc.constantFrom('proposal' as const, 'side' as const),
    visibility: fc.constantFrom('reviewers' as const, 'office_agency' as const),
    help: fc.constantFrom(null, { en: 'Help', ja: 'ヘルプ' }),
  })
  .chain((base) => constraintsArb(base.type).map((constraints) => ({ ...base, label, ...constraints })));

const formArb: fc.Arbitrary<FormDefinition> = fc
  .uniqueArray(questionArb, { selector: (question) => question.key, maxLength: 8 })
  .map((questions) => ({ questions }));

const agenciesArb = fc.uniqueArray(fc.oneof(fc.constantFrom('jst', 'nsf', 'dfg', 'anr'), fc.uuid()), { maxLength: 3 });
const modeArb = fc.constantFrom<AnswersMode>('draft', 'submit');

/** Values of the wrong kind for any question. */
const wrongTypeArb = fc.constantFrom(null, 0, -1, 1.5, true, false, 'text', '', [], ['a'], [1], {}, { a: 1 });

const spaceArb = fc.constantFrom(' ', '  ', '\n', '\t', '\u3000', '\u00a0', '\r\n');
const wordArb = fc.constantFrom('a', 'word', '研究', '😀', 'x-y', 'e\u0301', '\uD83D', '.');
/** Texts of a few words, spaced in all the ways white space comes, with or without space around. */
const wordsArb = (fewest: number, most: number) =>
  fc
    .tuple(
      fc.array(fc.tuple(wordArb, spaceArb), { minLength: fewest, maxLength: most }),
      fc.option(spaceArb, { nil: '' }),
      fc.option(spaceArb, { nil: '' }),
    )
    .map(([words, before, after]) => before + words.map(([word, space]) => word + space).join('') + after);

function textArb(question: Question): fc.Arbitrary<unknown> {
  const limit = question.maxChars ?? (question.type === 'short_text' ? 200 : null);
  const words = question.maxWords;
  const nearLimit =
    limit === null
      ? ['x'.repeat(100_001)]
      : ['x'.repeat(limit), 'x'.repeat(limit + 1), '😀'.repeat(limit), '😀'.repeat(limit + 1), `${'x'.repeat(limit - 1)}\uD83D`];
  return fc.oneof(
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    // Around the word limit: one word under it to two over.
    { weight: words === undefined ? 1 : 4, arbitrary: words === undefined ? wordsArb(0, 4) : wordsArb(Math.max(0, words - 1), words + 2) },
    { weight: 2, arbitrary: fc.constantFrom('', ' ', '\u3000', '\n\t', 'ok', ...nearLimit) },
    { weight: 1, arbitrary: wrongTypeArb },
  );
}

function numberArb(question: Question): fc.Arbitrary<unknown> {
  const edges = [question.min, question.max].flatMap((bound) =>
    bound === undefined ? [] : [bound, bound - 1, bound + 1, bound - 0.5, bound + 1e-9],
  );
  return fc.oneof(
    fc.integer({ min: -60, max: 60 }),
    fc.double({ min: -60, max: 60, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 1e300, -1e300, 2 ** 53 + 2, 0.1 + 0.2, ...edges),
    fc.constantFrom('5', '', null, true, [5]),
  );
}

const dateArb = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.stringMatching(/^\d{4}-[01]\d-[0-3]\d$/),
  fc.constantFrom(
    '2027-02-30',
    '2023-02-29',
    '2024-02-29',
    '2100-02-29',
    '2000-02-29',
    '2027-13-01',
    '2027-00-10',
    '2027-04-31',
    '2027-1-1',
    '2027-01-01T00:00:00Z',
    '27-01-01',
    ' 2027-01-01',
    '2027-01-01\n',
    '２０２７-01-01',
    '',
  ),
  wrongTypeArb,
);

const urlArb = fc.oneof(
  fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }),
  fc.webUrl({
    validSchemes: ['ftp', 'mailto', 'HTTP', 'https'],
    authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true },
  }),
  fc.string({ maxLength: 12 }).map((rest) => `https://${rest}`),
  fc.constantFrom(
    'https://example.org/',
    'http://example.org/path?q=1#top',
    'ftp://example.org/',
    'mailto:a@example.org',
    'javascript:alert(1)',
    'http://',
    'https://',
    'http:///path',
    'HTTP://EXAMPLE.ORG',
    'https://exa mple.org',
    'https://例え.jp/',
    '//example.org',
    'https://example.org/%zz',
    'https://example.org/%20',
    'http://[::1]:8080/',
    'https://user:pw@example.org:8443/a?b#c',
    `https://example.org/${'a'.repeat(2_000)}`,
    '',
  ),
  wrongTypeArb,
);

function choiceArb(question: Question): fc.Arbitrary<unknown> {
  const values = (question.choices ?? []).map((choice) => choice.value);
  const anyValue = fc.oneof(fc.constantFrom(...values), keyArb, fc.constantFrom('', values[0]?.toUpperCase() ?? 'A'));
  if (question.type === 'single_choice') return fc.oneof(fc.constantFrom(...values), anyValue, wrongTypeArb);
  return fc.oneof(
    fc.subarray(values),
    fc.array(fc.constantFrom(...values), { maxLength: 4 }),
    fc.array(anyValue, { maxLength: 4 }),
    fc.constantFrom([], [1], [null], values[0]),
    wrongTypeArb,
  );
}

function answerArb(question: Question): fc.Arbitrary<unknown> {
  switch (question.type) {
    case 'short_text':
    case 'long_text':
      return textArb(question);
    case 'number':
      return numberArb(question);
    case 'date':
      return dateArb;
    case 'single_choice':
    case 'multiple_choice':
      return choiceArb(question);
    case 'yes_no':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 'yes', 0, 1, null));
    case 'url':
      return urlArb;
    case 'document':
      // A document is answered by an upload: any value given for it is an unknown answer.
      return fc.constantFrom('file.pdf', true);
  }
}

/** Keys no question has (mostly), spelled in ways that test how each validator names the place. */
const strayKeyArb = fc.oneof(
  keyArb,
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('', '__proto__', 'a.b', 'a/b', '~0', '~1', '%', '%25', '#', ' ', 'Title', '研究'),
);
const strayArb = fc.array(fc.tuple(strayKeyArb, wrongTypeArb), { maxLength: 2 });

/** Answers to some of the questions (others left out), with stray keys now and then. */
function partArb(questions: readonly Question[]): fc.Arbitrary<Record<string, unknown>> {
  const answered = questions.map((question) =>
    fc.oneof(
      // Left out now and then; a document question (answered by upload) seldom given a value.
      { weight: question.type === 'document' ? 12 : 1, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: answerArb(question).map((value) => [question.key, value] as const) },
    ),
  );
  return fc
    .tuple(fc.tuple(...answered), fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: strayArb }))
    .map(([entries, stray]) => Object.fromEntries([...stray, ...entries.filter((entry) => entry !== undefined)]));
}

/** Now and then a part of the answers that is not an object at all. */
const brokenArb = fc.constantFrom(null, [], 'answers', 1);

function answersArb(definition: FormDefinition, agencyIds: readonly string[]): fc.Arbitrary<unknown> {
  const proposal = definition.questions.filter((question) => question.scope === 'proposal');
  const side = definition.questions.filter((question) => question.scope === 'side');
  const sideArb = fc.oneof({ weight: 12, arbitrary: partArb(side) }, { weight: 1, arbitrary: brokenArb });
  const sidesArb = fc
    .tuple(
      fc.tuple(
        ...agencyIds.map((agencyId) =>
          fc.option(
            sideArb.map((answers) => [agencyId, answers] as const),
            { nil: undefined, freq: 10 },
          ),
        ),
      ),
      fc.oneof({ weight: 6, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: strayArb }),
    )
    .map(([entries, stray]) => Object.fromEntries([...stray, ...entries.filter((entry) => entry !== undefined)]));
  /** A part of the answers: mostly there, now and then left out or broken. */
  const entryArb = (name: string, arbitrary: fc.Arbitrary<unknown>) =>
    fc.oneof(
      { weight: 12, arbitrary: arbitrary.map((value) => [[name, value] as const]) },
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: brokenArb.map((value) => [[name, value] as const]) },
    );
  const wholeArb = fc
    .tuple(
      entryArb('proposal', partArb(proposal)),
      entryArb('sides', sidesArb),
      fc.oneof({ weight: 6, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: strayArb }),
    )
    .map(([proposalEntry, sidesEntry, stray]) => Object.fromEntries([...stray, ...proposalEntry, ...sidesEntry]));
  return fc.oneof({ weight: 30, arbitrary: wholeArb }, { weight: 1, arbitrary: brokenArb });
}

const caseArb = fc
  .tuple(formArb, agenciesArb, modeArb)
  .chain(([definition, agencyIds, mode]) => answersArb(definition, agencyIds).map((answers) => ({ definition, agencyIds, mode, answers })));

const pairs = (problems: readonly { field: string; code: string }[]) => problems.map(({ field, code }) => `${field} ${code}`).sort();

/** An answer every question of its type takes. */
function validAnswer(question: Question): unknown {
  switch (question.type) {
    case 'short_text':
    case 'long_text':
      return 'x';
    case 'number':
      if (question.min !== undefined) return question.integer ? Math.ceil(question.min) : question.min;
      if (question.max !== undefined) return question.integer ? Math.floor(question.max) : question.max;
      return 0;
    case 'date':
      return '2028-02-29';
    case 'single_choice':
      return question.choices?.[0]?.value;
    case 'multiple_choice':
      return [question.choices?.[0]?.value];
    case 'yes_no':
      return false;
    case 'url':
      return 'https://example.org/plan?lang=ja#aims';
    case 'document':
      return undefined;
  }
}

function validAnswers(definition: FormDefinition, agencyIds: readonly string[]): unknown {
  const part = (scope: Question['scope']) =>
    Object.fromEntries(
      definition.questions
        .filter((q) => q.scope === scope && q.type !== 'document')
        .map((question) => [question.key, validAnswer(question)]),
    );
  return { proposal: part('proposal'), sides: Object.fromEntries(agencyIds.map((agencyId) => [agencyId, part('side')])) };
}

describe('the pages and the server validate answers alike', () => {
  it('generated forms are sound', () => {
    fc.assert(
      fc.property(formArb, (definition) => {
        expect(checkFormDefinition(definition)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('both accept complete, valid answers in either mode', () => {
    fc.assert(
      fc.property(formArb, agenciesArb, modeArb, (definition, agencyIds, mode) => {
        const schema = compileAnswersSchema(definition, agencyIds, mode);
        const answers = validAnswers(definition, agencyIds);
        expect(validateAnswers(schema, answers)).toEqual([]);
        expect(pages.validateAnswers(schema, answers)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it(
    'both name the same (field, code) pairs on any answers, one problem per field',
    () => {
      fc.assert(
        fc.property(caseArb, ({ definition, agencyIds, mode, answers }) => {
          const schema: JSONSchema = compileAnswersSchema(definition, agencyIds, mode);
          const server = validateAnswers(schema, answers);
          const web = pages.validateAnswers(schema, answers);
          expect(pairs(web)).toEqual(pairs(server));
          expect(new Set(server.map((problem) => problem.field)).size).toBe(server.length);
          for (const problem of [...server, ...web]) {
            expect(problem.message.en).not.toBe('');
            expect(problem.message.ja).not.toBe('');
          }
        }),
        { numRuns: RUNS },
      );
    },
    30_000 + RUNS * 20,
  );
});

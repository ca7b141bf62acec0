import { describe, expect, it } from 'vitest';
import type { Question } from '../forms/form-types';
import {
  addChoice,
  addQuestion,
  buildForm,
  checkForm,
  choicePath,
  draftsOf,
  knownProblem,
  MAX_QUESTIONS,
  moveChoice,
  moveItem,
  newQuestion,
  placeOf,
  previewQuestion,
  type QuestionDraft,
  questionPath,
  readNumber,
  readWholeNumber,
  removeChoice,
  removeQuestion,
  serverField,
  suggestKey,
  updateQuestion,
  withChoiceLabelEn,
  withChoiceValue,
  withKey,
  withLabelEn,
  withType,
} from './form-builder';

const UNTITLED = { en: '(no label yet)', ja: '（ラベル未入力）' };

/** A question filled in as an officer would: both labels, the key following the English one. */
function filled(type: Question['type'], labelEn: string, labelJa: string, drafts: readonly QuestionDraft[] = []): QuestionDraft {
  return { ...withLabelEn(newQuestion(type), labelEn, drafts), labelJa };
}

const saved: Question[] = [
  {
    key: 'plan_summary',
    type: 'long_text',
    label: { en: 'Plan summary', ja: '計画の概要' },
    help: { en: 'In plain words.', ja: '平易な言葉で。' },
    required: true,
    scope: 'proposal',
    visibility: 'reviewers',
    maxWords: 300,
  },
  {
    key: 'young_researchers',
    type: 'number',
    label: { en: 'Young researchers', ja: '若手研究者の数' },
    help: null,
    required: false,
    scope: 'side',
    visibility: 'office_agency',
    min: 0,
    max: 50,
    integer: true,
  },
  {
    key: 'ethics',
    type: 'single_choice',
    label: { en: 'Ethics review', ja: '倫理審査' },
    help: null,
    required: true,
    scope: 'proposal',
    visibility: 'reviewers',
    choices: [
      { value: 'approved', label: { en: 'Approved', ja: '承認済み' } },
      { value: 'pending', label: { en: 'Pending', ja: '審査中' } },
    ],
  },
];

describe('keys suggested from the English label', () => {
  it('joins the words in lower case with _, drops accents and signs, starts with a letter', () => {
    expect(suggestKey('Summary of the plan')).toBe('summary_of_the_plan');
    expect(suggestKey('  Données & résumé (FR)! ')).toBe('donnees_resume_fr');
    expect(suggestKey('2nd partner')).toBe('q_2nd_partner');
    expect(suggestKey('計画の概要')).toBe('');
    expect(suggestKey('')).toBe('');
  });

  it('stays short, cut between words, and is unique among the other questions', () => {
    const long = suggestKey('How will the exchange of early career researchers between the two sides be organised');
    expect(long).toBe('how_will_the_exchange_of_early_career');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(suggestKey('Budget', new Set(['budget']))).toBe('budget_2');
    expect(suggestKey('Budget', new Set(['budget', 'budget_2']))).toBe('budget_3');
  });

  it('follows the label until the key is typed; emptied, it follows again', () => {
    const first = filled('short_text', 'Budget', '予算');
    let second = withLabelEn(newQuestion('short_text'), 'Budget', [first]);
    expect(second.key).toBe('budget_2');
    second = withLabelEn(second, 'Budget plan', [first]);
    expect(second.key).toBe('budget_plan');
    second = withKey(second, 'costs');
    expect(withLabelEn(second, 'Budget plan in detail', [first]).key).toBe('costs');
    second = withKey(second, '');
    expect(second.key).toBe('');
    expect(withLabelEn(second, 'Costs per year', [first]).key).toBe('costs_per_year');
  });

  it('saved questions keep their key whatever the label becomes', () => {
    const [summary] = draftsOf(saved);
    expect(withLabelEn(summary!, 'A new wording', []).key).toBe('plan_summary');
  });
});

describe('questions and choices', () => {
  it('adds, updates, moves and removes questions', () => {
    let drafts = addQuestion([], 'short_text');
    drafts = addQuestion(drafts, 'number');
    drafts = addQuestion(drafts, 'yes_no');
    const [a, b, c] = drafts.map((d) => d.id);
    expect(drafts.map((d) => d.type)).toEqual(['short_text', 'number', 'yes_no']);
    drafts = updateQuestion(drafts, b!, (d) => ({ ...d, min: '1' }));
    expect(drafts[1]!.min).toBe('1');
    expect(moveItem(drafts, c!, -1).map((d) => d.id)).toEqual([a, c, b]);
    expect(moveItem(drafts, a!, 1).map((d) => d.id)).toEqual([b, a, c]);
    expect(moveItem(drafts, a!, -1)).toBe(drafts);
    expect(moveItem(drafts, c!, 1)).toBe(drafts);
    expect(removeQuestion(drafts, b!).map((d) => d.id)).toEqual([a, c]);
  });

  it('adds no question beyond the most a form takes', () => {
    let drafts: readonly QuestionDraft[] = [];
    for (let i = 0; i < MAX_QUESTIONS + 3; i += 1) drafts = addQuestion(drafts, 'yes_no');
    expect(drafts).toHaveLength(MAX_QUESTIONS);
  });

  it('a choice question starts with two empty choices; a long text with a character limit', () => {
    expect(newQuestion('single_choice').choices).toHaveLength(2);
    expect(newQuestion('multiple_choice').choices.map((c) => c.value)).toEqual(['', '']);
    expect(newQuestion('long_text')).toMatchObject({ limitBy: 'chars', maxChars: '2000' });
    // Switching back and forth keeps what was typed.
    const typed = { ...newQuestion('long_text'), limitBy: 'words' as const, maxWords: '500', maxChars: '' };
    expect(withType(withType(typed, 'short_text'), 'long_text')).toMatchObject({ limitBy: 'words', maxWords: '500' });
  });

  it('adds, labels, moves and removes choices; a value follows its English label until typed', () => {
    let q = newQuestion('single_choice');
    q = addChoice(q);
    const [x, y, z] = q.choices.map((c) => c.id);
    q = withChoiceLabelEn(q, x!, 'Yes, approved');
    q = withChoiceLabelEn(q, y!, 'Yes, approved');
    expect(q.choices.map((c) => c.value)).toEqual(['yes_approved', 'yes_approved_2', '']);
    q = withChoiceValue(q, z!, 'not_needed');
    q = withChoiceLabelEn(q, z!, 'Not needed at all');
    expect(q.choices[2]!.value).toBe('not_needed');
    expect(moveChoice(q, z!, -1).choices.map((c) => c.id)).toEqual([x, z, y]);
    expect(removeChoice(q, x!).choices.map((c) => c.id)).toEqual([y, z]);
  });

  it('reads saved questions and keeps the editor’s ids across a save', () => {
    const before = draftsOf(saved);
    expect(before[0]).toMatchObject({ key: 'plan_summary', limitBy: 'words', maxWords: '300', maxChars: '', helpJa: '平易な言葉で。' });
    expect(before[1]).toMatchObject({
      min: '0',
      max: '50',
      integer: true,
      scope: 'side',
      visibility: 'office_agency',
      savedKey: 'young_researchers',
    });
    const after = draftsOf([saved[2]!, saved[0]!], before);
    expect(after.map((d) => d.id)).toEqual([before[2]!.id, before[0]!.id]);
    expect(after[0]!.choices.map((c) => c.id)).toEqual(before[2]!.choices.map((c) => c.id));
  });
});

describe('the body sent and the problems seen before sending', () => {
  it('turns the saved questions back into the same questions', () => {
    const built = buildForm(draftsOf(saved));
    expect(built.problems).toEqual([]);
    expect('body' in built && built.body.questions).toEqual(saved);
  });

  it('sends only the constraints the type takes, numbers as numbers, no help when both are empty', () => {
    let q = filled('long_text', 'Plan', '計画');
    q = { ...q, limitBy: 'words', maxWords: '５００', maxChars: '2000', min: '3', integer: true, documentRequirementId: 'x' };
    let n = filled('number', 'Members', '人数', [q]);
    n = { ...n, min: '－1.5', max: '1,000', maxChars: '20', choices: q.choices };
    const choice = withType(filled('short_text', 'Kind', '種類', [q, n]), 'multiple_choice');
    const [c1, c2] = choice.choices;
    const withChoices = {
      ...choice,
      maxChars: '30',
      choices: [
        { ...c1!, value: 'a', labelEn: 'A', labelJa: 'ア' },
        { ...c2!, value: 'b', labelEn: 'B', labelJa: 'イ' },
      ],
    };
    const built = buildForm([q, n, withChoices]);
    expect(built.problems).toEqual([]);
    if (!('body' in built)) throw new Error('no body');
    expect(built.body.questions).toEqual([
      {
        key: 'plan',
        type: 'long_text',
        label: { en: 'Plan', ja: '計画' },
        help: null,
        required: true,
        scope: 'proposal',
        visibility: 'reviewers',
        maxWords: 500,
      },
      {
        key: 'members',
        type: 'number',
        label: { en: 'Members', ja: '人数' },
        help: null,
        required: true,
        scope: 'proposal',
        visibility: 'reviewers',
        min: -1.5,
        max: 1000,
      },
      {
        key: 'kind',
        type: 'multiple_choice',
        label: { en: 'Kind', ja: '種類' },
        help: null,
        required: true,
        scope: 'proposal',
        visibility: 'reviewers',
        choices: [
          { value: 'a', label: { en: 'A', ja: 'ア' } },
          { value: 'b', label: { en: 'B', ja: 'イ' } },
        ],
      },
    ]);
    expect(built.sent).toEqual({ questionIds: [q.id, n.id, choice.id], choiceIds: [[], [], [c1!.id, c2!.id]] });
  });

  it('names the obvious problems at their fields', () => {
    const blank = newQuestion('short_text');
    const bad = { ...filled('yes_no', 'Bad', 'だめ'), key: 'Bad Key' };
    const first = filled('yes_no', 'Ethics', '倫理');
    const again = { ...filled('yes_no', 'Ethics 2', '倫理2'), key: 'ethics' };
    const oneHelp = { ...filled('url', 'Site', 'サイト', [first]), helpEn: 'The project page' };
    const long = { ...filled('long_text', 'Plan', '計画'), limitBy: 'words' as const, maxWords: '' };
    const number = { ...filled('number', 'Count', '数'), min: 'few', max: '10' };
    const short = { ...filled('short_text', 'Title', '題'), maxChars: '12.5' };
    let choice = filled('single_choice', 'Kind', '種類');
    const [c1, c2] = choice.choices;
    choice = { ...choice, choices: [{ ...c1!, value: 'Yes', labelEn: 'Yes', labelJa: 'はい' }] };
    const twice = {
      ...filled('multiple_choice', 'Both', '両方'),
      choices: [
        { ...c1!, value: 'a', labelEn: 'A', labelJa: '' },
        { ...c2!, value: 'a', labelEn: 'A', labelJa: 'ア' },
      ],
    };
    const document = filled('document', 'Letter', '書簡');
    const problems = checkForm([blank, bad, first, again, oneHelp, long, number, short, choice, twice, document]);
    expect(problems).toEqual([
      { field: questionPath(blank.id, 'key'), key: 'required' },
      { field: questionPath(blank.id, 'label.en'), key: 'required' },
      { field: questionPath(blank.id, 'label.ja'), key: 'required' },
      { field: questionPath(bad.id, 'key'), key: 'keyPattern' },
      { field: questionPath(again.id, 'key'), key: 'keyDuplicate', values: { key: 'ethics' } },
      { field: questionPath(oneHelp.id, 'help.ja'), key: 'helpBoth' },
      { field: questionPath(long.id, 'maxWords'), key: 'required' },
      { field: questionPath(number.id, 'min'), key: 'numberInvalid' },
      { field: questionPath(short.id, 'maxChars'), key: 'wholeNumber' },
      { field: questionPath(choice.id, 'choices'), key: 'tooFewChoices', values: { min: 2 } },
      { field: choicePath(choice.id, c1!.id, 'value'), key: 'valuePattern' },
      { field: choicePath(twice.id, c1!.id, 'label.ja'), key: 'required' },
      { field: choicePath(twice.id, c2!.id, 'value'), key: 'valueDuplicate', values: { value: 'a' } },
      { field: questionPath(document.id, 'documentRequirementId'), key: 'documentRequired' },
    ]);
    expect(buildForm([blank])).not.toHaveProperty('body');
  });
});

describe("the api's problems at their fields", () => {
  const drafts = draftsOf(saved);
  const built = buildForm(drafts);
  if (!('sent' in built)) throw new Error('no body');
  const [summary, young, ethics] = drafts;
  const [approved, pending] = ethics!.choices;

  it('reads positions as the questions and choices sent, whatever moved since', () => {
    expect(serverField('questions[0].label.ja', built.sent)).toBe(questionPath(summary!.id, 'label.ja'));
    expect(serverField('questions[1].max', built.sent)).toBe(questionPath(young!.id, 'max'));
    expect(serverField('questions[2].choices[1].value', built.sent)).toBe(choicePath(ethics!.id, pending!.id, 'value'));
    expect(serverField('questions[2].choices[0].label.en', built.sent)).toBe(choicePath(ethics!.id, approved!.id, 'label.en'));
    expect(serverField('questions[2].choices[0].label', built.sent)).toBe(choicePath(ethics!.id, approved!.id, 'label.en'));
    expect(serverField('questions[2].choices[0]', built.sent)).toBe(choicePath(ethics!.id, approved!.id));
    expect(serverField('questions[2].choices', built.sent)).toBe(questionPath(ethics!.id, 'choices'));
    expect(serverField('questions[2].choices[9].value', built.sent)).toBe(questionPath(ethics!.id, 'choices'));
    expect(serverField('questions[0].help', built.sent)).toBe(questionPath(summary!.id, 'help.en'));
    expect(serverField('questions[0]', built.sent)).toBe(questionPath(summary!.id));
    expect(serverField('questions[0].colour', built.sent)).toBe(questionPath(summary!.id));
    expect(serverField('questions[7].key', built.sent)).toBe('questions');
    expect(serverField('questions', built.sent)).toBe('questions');
    expect(serverField('title', built.sent)).toBe('questions');
  });

  it('reads a field path back as its question, choice and part', () => {
    expect(placeOf(choicePath('row-1', 'row-2', 'label.en'))).toEqual({ questionId: 'row-1', choiceId: 'row-2', part: 'label.en' });
    expect(placeOf(choicePath('row-1', 'row-2'))).toEqual({ questionId: 'row-1', choiceId: 'row-2' });
    expect(placeOf(questionPath('row-1', 'help.ja'))).toEqual({ questionId: 'row-1', part: 'help.ja' });
    expect(placeOf(questionPath('row-1'))).toEqual({ questionId: 'row-1' });
    expect(placeOf('questions')).toEqual({});
  });

  it("knows the api's messages, to say them in the reader's language", () => {
    expect(knownProblem('must be a non-blank text')).toEqual({ key: 'required' });
    expect(knownProblem('repeats the key plan of questions[0]')).toEqual({ key: 'keyDuplicate', values: { key: 'plan' } });
    expect(knownProblem('must be a whole number from 1 to 1000')).toEqual({ key: 'wholeFromTo', values: { max: 1000 } });
    expect(knownProblem('must not exceed max (5)')).toEqual({ key: 'minOverMax', values: { max: '5' } });
    expect(knownProblem('no whole number lies between min and max')).toEqual({ key: 'noWholeNumber' });
    expect(knownProblem('must have at most 500 characters')).toEqual({ key: 'atMostChars', values: { max: 500 } });
    expect(knownProblem('is not a property of a question')).toBeUndefined();
  });
});

describe('numbers as typed', () => {
  it('reads full-width digits, signs and thousands separators', () => {
    expect(readNumber('１２．５')).toBe(12.5);
    expect(readNumber('−3')).toBe(-3);
    expect(readNumber('1,000')).toBe(1000);
    expect(readNumber(' ')).toBeNull();
    expect(readNumber('1e3')).toBeUndefined();
    expect(readWholeNumber('５００')).toBe(500);
    expect(readWholeNumber('2.5')).toBeUndefined();
    expect(readWholeNumber('-2')).toBeUndefined();
  });
});

describe('the preview', () => {
  it('shows what is typed so far, with stand-ins where nothing valid is typed yet', () => {
    let q = newQuestion('single_choice');
    const [c1, c2] = q.choices;
    q = {
      ...q,
      labelEn: 'Kind',
      helpJa: '一つ選ぶ',
      choices: [
        { ...c1!, value: 'a', labelEn: 'A' },
        { ...c2!, value: 'a' },
      ],
    };
    expect(previewQuestion(q, UNTITLED)).toEqual({
      key: 'question',
      type: 'single_choice',
      label: { en: 'Kind', ja: '（ラベル未入力）' },
      help: { en: '', ja: '一つ選ぶ' },
      required: true,
      scope: 'proposal',
      visibility: 'reviewers',
      choices: [
        { value: 'a', label: { en: 'A', ja: '（ラベル未入力）' } },
        { value: 'choice_2', label: { en: '(no label yet)', ja: '（ラベル未入力）' } },
      ],
    });
    const long = { ...newQuestion('long_text'), key: 'plan', limitBy: 'words' as const, maxWords: '300' };
    expect(previewQuestion(long, UNTITLED)).toMatchObject({ key: 'plan', maxWords: 300 });
    expect(previewQuestion(long, UNTITLED)).not.toHaveProperty('maxChars');
    expect(previewQuestion({ ...newQuestion('short_text'), maxChars: 'x' }, UNTITLED).maxChars).toBe(200);
    expect(previewQuestion({ ...newQuestion('number'), min: '1', max: 'lots', integer: true }, UNTITLED)).toMatchObject({
      min: 1,
      integer: true,
    });
  });
});

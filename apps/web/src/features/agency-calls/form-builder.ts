import type { Schemas } from '../../api/client';
import type { AnswerVisibility, Choice, Question, QuestionScope, QuestionType } from '../forms/form-types';
import { newKey } from './call-form';

export type CallFormAnswer = Schemas['CallFormDto'];
export type PutCallForm = Schemas['PutCallFormDto'];

/*
 * The rules of a form definition as the api checks them (the api is the authority and says every
 * problem by path); the pages use them to check the obvious before sending and to show the limits.
 */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
export const MAX_KEY_CHARS = 64;
export const MAX_QUESTIONS = 100;
export const MIN_CHOICES = 2;
export const MAX_CHOICES = 50;
export const DEFAULT_SHORT_TEXT_CHARS = 200;
export const MAX_SHORT_TEXT_CHARS = 1_000;
export const MAX_LONG_TEXT_CHARS = 100_000;
export const MAX_WORDS = 20_000;
export const MAX_LABEL_CHARS = 500;
export const MAX_HELP_CHARS = 2_000;
/** What a new long text allows until the officer says otherwise. */
export const DEFAULT_LONG_TEXT_CHARS = 2_000;

export const SCOPES = ['proposal', 'side'] as const satisfies readonly QuestionScope[];
export const VISIBILITIES = ['reviewers', 'office_agency'] as const satisfies readonly AnswerVisibility[];
const CHOICE_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice'];
export const isChoiceType = (type: QuestionType): boolean => CHOICE_TYPES.includes(type);

/** A long text is limited in characters or in words, never both. */
export type TextLimit = 'chars' | 'words';

/** One choice as its inputs hold it. */
export interface ChoiceDraft {
  /** Stable across edits, for React, focus and the fields' ids. */
  readonly id: string;
  readonly value: string;
  /** The officer typed the value; until then it follows the English label. */
  readonly valueTyped: boolean;
  readonly labelEn: string;
  readonly labelJa: string;
}

/**
 * One question as its inputs hold it: texts and numbers as typed, and every type's constraints
 * (switching the type back and forth keeps what was typed; the body sends only the type's own).
 */
export interface QuestionDraft {
  /** Stable across edits, for React, focus and the fields' ids (the key may change as it is typed). */
  readonly id: string;
  readonly key: string;
  /** The officer typed the key; until then it follows the English label. */
  readonly keyTyped: boolean;
  /** The key this question was saved under (answers are stored under it); null for a new question. */
  readonly savedKey: string | null;
  readonly type: QuestionType;
  readonly labelEn: string;
  readonly labelJa: string;
  readonly helpEn: string;
  readonly helpJa: string;
  readonly required: boolean;
  readonly scope: QuestionScope;
  readonly visibility: AnswerVisibility;
  /** short_text (optional) and long_text (when limited in characters). */
  readonly maxChars: string;
  readonly limitBy: TextLimit;
  readonly maxWords: string;
  readonly min: string;
  readonly max: string;
  readonly integer: boolean;
  readonly choices: readonly ChoiceDraft[];
  readonly documentRequirementId: string;
}

/*
 * Field paths. The inputs are named by the question's and the choice's stable ids
 * (`questions.row-3.choices.row-7.label.en`), so that a problem stays with its question when the
 * questions are moved; the api names them by position (`questions[2].choices[0].label.en`).
 */
export const FORM_PATH = 'questions';
export const questionPath = (questionId: string, part?: string): string =>
  part === undefined ? `questions.${questionId}` : `questions.${questionId}.${part}`;
export const choicePath = (questionId: string, choiceId: string, part?: string): string =>
  questionPath(questionId, part === undefined ? `choices.${choiceId}` : `choices.${choiceId}.${part}`);

/** What a field path names: the whole form, a question (and its part), a choice of it (and its part). */
export interface FieldPlace {
  readonly questionId?: string;
  readonly choiceId?: string;
  /** `label.en`, `maxChars`, `choices` ...; undefined for the question or choice itself. */
  readonly part?: string;
}

export function placeOf(path: string): FieldPlace {
  const match = /^questions(?:\.([^.]+)(?:\.choices\.([^.]+)(?:\.(.+))?|\.(.+))?)?$/.exec(path);
  if (!match) return {};
  const [, questionId, choiceId, choicePart, part] = match;
  return {
    ...(questionId !== undefined ? { questionId } : {}),
    ...(choiceId !== undefined ? { choiceId } : {}),
    ...(choicePart !== undefined ? { part: choicePart } : part !== undefined ? { part } : {}),
  };
}

/** A problem found in the page, at its field path, with a message key of the catalogue (and its numbers). */
export interface BuilderProblem {
  readonly field: string;
  readonly key: ProblemKey;
  readonly values?: Readonly<Record<string, string | number>>;
}

export type ProblemKey =
  | 'required'
  | 'keyPattern'
  | 'keyDuplicate'
  | 'valuePattern'
  | 'valueDuplicate'
  | 'helpBoth'
  | 'tooFewChoices'
  | 'tooManyChoices'
  | 'tooManyQuestions'
  | 'numberInvalid'
  | 'wholeNumber'
  | 'wholeFromTo'
  | 'atMostChars'
  | 'oneTextLimit'
  | 'minOverMax'
  | 'noWholeNumber'
  | 'documentRequired';

/** Full-width digits, signs and separators (typed with a Japanese input method) read as their ASCII forms. */
function asciiNumber(text: string): string {
  return text
    .replace(/[０-９．，＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－−ー]/g, '-')
    .replace(/,/g, '')
    .trim();
}

/** A number as typed ("1,000", "-2.5", "１０"); undefined when it is none, null when nothing is typed. */
export function readNumber(text: string): number | null | undefined {
  const typed = asciiNumber(text);
  if (typed === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(typed) ? Number(typed) : undefined;
}

/** A whole number as typed; undefined when it is none (or has a fraction), null when nothing is typed. */
export function readWholeNumber(text: string): number | null | undefined {
  const typed = asciiNumber(text);
  if (typed === '') return null;
  return /^\d+$/.test(typed) ? Number(typed) : undefined;
}

const numberText = (value: number | undefined): string => (value === undefined ? '' : String(value));

/**
 * A key made of an English text: lower case, words joined by _, accents dropped, at most 40
 * characters (cut between words where it can), starting with a letter; `_2`, `_3` ... added when
 * another question has it. Empty when the text has no Latin letter or digit.
 */
export function suggestKey(text: string, taken: ReadonlySet<string> = new Set()): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let base = '';
  for (const word of words) {
    const next = base === '' ? word : `${base}_${word}`;
    if (next.length > 40) {
      if (base === '') base = word.slice(0, 40);
      break;
    }
    base = next;
  }
  if (base === '') return '';
  if (!/^[a-z]/.test(base)) base = `q_${base}`.slice(0, 40);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base.slice(0, MAX_KEY_CHARS - String(n).length - 1)}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function choiceDraftOf(choice: Choice): ChoiceDraft {
  return { id: newKey(), value: choice.value, valueTyped: true, labelEn: choice.label.en, labelJa: choice.label.ja };
}

/** A saved question as the editor holds it; `id` reuses the id of the question it was before a save. */
export function draftOf(question: Question, id: string = newKey()): QuestionDraft {
  const longByWords = question.type === 'long_text' && question.maxWords !== undefined;
  return {
    id,
    key: question.key,
    keyTyped: true,
    savedKey: question.key,
    type: question.type,
    labelEn: question.label.en,
    labelJa: question.label.ja,
    helpEn: question.help?.en ?? '',
    helpJa: question.help?.ja ?? '',
    required: question.required,
    scope: question.scope,
    visibility: question.visibility,
    maxChars: numberText(question.maxChars),
    limitBy: longByWords ? 'words' : 'chars',
    maxWords: numberText(question.maxWords),
    min: numberText(question.min),
    max: numberText(question.max),
    integer: question.integer ?? false,
    choices: (question.choices ?? []).map(choiceDraftOf),
    documentRequirementId: question.documentRequirementId ?? '',
  };
}

/**
 * The saved questions as drafts. After a save, a question keeps the id it had in the editor (found
 * by its key), so that the focus and the preview's answers stay where they were.
 */
export function draftsOf(questions: readonly Question[], before: readonly QuestionDraft[] = []): QuestionDraft[] {
  const idOf = new Map(before.map((d) => [d.key, d.id]));
  return questions.map((question) => {
    const draft = draftOf(question, idOf.get(question.key));
    const old = before.find((d) => d.id === draft.id);
    if (!old) return draft;
    // Choices keep their ids too (by value), for the same reason.
    const choiceIds = new Map(old.choices.map((c) => [c.value, c.id]));
    return { ...draft, choices: draft.choices.map((c) => ({ ...c, id: choiceIds.get(c.value) ?? c.id })) };
  });
}

export function emptyChoice(): ChoiceDraft {
  return { id: newKey(), value: '', valueTyped: false, labelEn: '', labelJa: '' };
}

/** A new question of a type: required, for the whole proposal, read by reviewers; its key follows its English label. */
export function newQuestion(type: QuestionType): QuestionDraft {
  const blank: QuestionDraft = {
    id: newKey(),
    key: '',
    keyTyped: false,
    savedKey: null,
    type: 'short_text',
    labelEn: '',
    labelJa: '',
    helpEn: '',
    helpJa: '',
    required: true,
    scope: 'proposal',
    visibility: 'reviewers',
    maxChars: '',
    limitBy: 'chars',
    maxWords: '',
    min: '',
    max: '',
    integer: false,
    choices: [],
    documentRequirementId: '',
  };
  return withType(blank, type);
}

/**
 * The question with another type. What the new type needs and has not got yet is filled in: a
 * choice question starts with two empty choices, a long text with a limit of 2,000 characters.
 */
export function withType(draft: QuestionDraft, type: QuestionType): QuestionDraft {
  const next = { ...draft, type };
  if (isChoiceType(type) && draft.choices.length < MIN_CHOICES) {
    return { ...next, choices: [...draft.choices, ...Array.from({ length: MIN_CHOICES - draft.choices.length }, emptyChoice)] };
  }
  if (type === 'long_text' && draft.maxChars.trim() === '' && draft.maxWords.trim() === '') {
    return { ...next, limitBy: 'chars', maxChars: String(DEFAULT_LONG_TEXT_CHARS) };
  }
  return next;
}

const otherKeys = (drafts: readonly QuestionDraft[], id: string): Set<string> =>
  new Set(drafts.filter((d) => d.id !== id).map((d) => d.key));

/** The English label changed: a key not typed by the officer follows it. */
export function withLabelEn(draft: QuestionDraft, labelEn: string, drafts: readonly QuestionDraft[]): QuestionDraft {
  return { ...draft, labelEn, key: draft.keyTyped ? draft.key : suggestKey(labelEn, otherKeys(drafts, draft.id)) };
}

/** The key as typed. Emptied, it follows the English label again from the label's next change. */
export function withKey(draft: QuestionDraft, key: string): QuestionDraft {
  return { ...draft, key, keyTyped: key !== '' };
}

/** A choice's English label changed: a value not typed by the officer follows it. */
export function withChoiceLabelEn(draft: QuestionDraft, choiceId: string, labelEn: string): QuestionDraft {
  const taken = new Set(draft.choices.filter((c) => c.id !== choiceId).map((c) => c.value));
  return updateChoice(draft, choiceId, (c) => ({ ...c, labelEn, value: c.valueTyped ? c.value : suggestKey(labelEn, taken) }));
}

export function withChoiceValue(draft: QuestionDraft, choiceId: string, value: string): QuestionDraft {
  return updateChoice(draft, choiceId, (c) => ({ ...c, value, valueTyped: value !== '' }));
}

export function updateChoice(draft: QuestionDraft, choiceId: string, change: (choice: ChoiceDraft) => ChoiceDraft): QuestionDraft {
  return { ...draft, choices: draft.choices.map((c) => (c.id === choiceId ? change(c) : c)) };
}

export function addChoice(draft: QuestionDraft): QuestionDraft {
  return draft.choices.length >= MAX_CHOICES ? draft : { ...draft, choices: [...draft.choices, emptyChoice()] };
}

export function removeChoice(draft: QuestionDraft, choiceId: string): QuestionDraft {
  return { ...draft, choices: draft.choices.filter((c) => c.id !== choiceId) };
}

export function moveChoice(draft: QuestionDraft, choiceId: string, by: -1 | 1): QuestionDraft {
  return { ...draft, choices: moveItem(draft.choices, choiceId, by) };
}

/** The list with one item moved up (-1) or down (+1); unchanged at either end. */
export function moveItem<T extends { readonly id: string }>(items: readonly T[], id: string, by: -1 | 1): readonly T[] {
  const index = items.findIndex((item) => item.id === id);
  const to = index + by;
  if (index < 0 || to < 0 || to >= items.length) return items;
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function addQuestion(drafts: readonly QuestionDraft[], type: QuestionType): readonly QuestionDraft[] {
  return drafts.length >= MAX_QUESTIONS ? drafts : [...drafts, newQuestion(type)];
}

export function removeQuestion(drafts: readonly QuestionDraft[], id: string): readonly QuestionDraft[] {
  return drafts.filter((d) => d.id !== id);
}

export function updateQuestion(
  drafts: readonly QuestionDraft[],
  id: string,
  change: (draft: QuestionDraft) => QuestionDraft,
): readonly QuestionDraft[] {
  return drafts.map((d) => (d.id === id ? change(d) : d));
}

/** The positions as sent, to read the api's paths (`questions[2].choices[0]`) back as the fields they name. */
export interface SentForm {
  readonly questionIds: readonly string[];
  /** Per question, its choices' ids as sent (none for a question that takes no choices). */
  readonly choiceIds: readonly (readonly string[])[];
}

export type BuiltForm =
  | { readonly body: PutCallForm; readonly questions: readonly Question[]; readonly sent: SentForm; readonly problems: readonly [] }
  | { readonly problems: readonly BuilderProblem[] };

/**
 * The body of PUT /calls/:id/form, in the editor's order, each question with only the constraints
 * its type takes; or the problems seen before sending: blank texts, keys and choice values that
 * break the pattern or repeat, too few choices, numbers that are none, a long text without its
 * limit, a document question without its document. Ranges are the api's to check (it says which).
 */
export function buildForm(drafts: readonly QuestionDraft[]): BuiltForm {
  const problems: BuilderProblem[] = [];
  const seenKeys = new Set<string>();
  const questions = drafts.map((draft) => questionOf(draft, seenKeys, problems));
  if (drafts.length > MAX_QUESTIONS) problems.push({ field: FORM_PATH, key: 'tooManyQuestions', values: { max: MAX_QUESTIONS } });
  if (problems.length > 0) return { problems };
  return {
    body: { questions: questions as unknown as PutCallForm['questions'] },
    questions,
    sent: {
      questionIds: drafts.map((d) => d.id),
      choiceIds: drafts.map((d) => (isChoiceType(d.type) ? d.choices.map((c) => c.id) : [])),
    },
    problems: [],
  };
}

/** The problems seen before sending (none when the form can be sent). */
export function checkForm(drafts: readonly QuestionDraft[]): readonly BuilderProblem[] {
  return buildForm(drafts).problems;
}

function text(draft: QuestionDraft, en: string, ja: string, path: string, problems: BuilderProblem[]): { en: string; ja: string } {
  const result = { en: en.trim(), ja: ja.trim() };
  if (result.en === '') problems.push({ field: questionPath(draft.id, `${path}.en`), key: 'required' });
  if (result.ja === '') problems.push({ field: questionPath(draft.id, `${path}.ja`), key: 'required' });
  return result;
}

function questionOf(draft: QuestionDraft, seenKeys: Set<string>, problems: BuilderProblem[]): Question {
  const at = (part: string) => questionPath(draft.id, part);
  const key = draft.key.trim();
  if (key === '') problems.push({ field: at('key'), key: 'required' });
  else if (!KEY_PATTERN.test(key)) problems.push({ field: at('key'), key: 'keyPattern' });
  else if (seenKeys.has(key)) problems.push({ field: at('key'), key: 'keyDuplicate', values: { key } });
  seenKeys.add(key);
  const label = text(draft, draft.labelEn, draft.labelJa, 'label', problems);
  const help = { en: draft.helpEn.trim(), ja: draft.helpJa.trim() };
  if ((help.en === '') !== (help.ja === '')) {
    problems.push({ field: at(help.en === '' ? 'help.en' : 'help.ja'), key: 'helpBoth' });
  }
  const base: Question = {
    key,
    type: draft.type,
    label,
    help: help.en === '' && help.ja === '' ? null : help,
    required: draft.required,
    scope: draft.scope,
    visibility: draft.visibility,
  };
  const whole = (part: 'maxChars' | 'maxWords', typed: string, required: boolean): number | undefined => {
    const value = readWholeNumber(typed);
    if (value === null) {
      if (required) problems.push({ field: at(part), key: 'required' });
      return undefined;
    }
    if (value === undefined) problems.push({ field: at(part), key: 'wholeNumber' });
    return value;
  };
  switch (draft.type) {
    case 'short_text': {
      const maxChars = whole('maxChars', draft.maxChars, false);
      return maxChars === undefined ? base : { ...base, maxChars };
    }
    case 'long_text': {
      if (draft.limitBy === 'words') {
        const maxWords = whole('maxWords', draft.maxWords, true);
        return maxWords === undefined ? base : { ...base, maxWords };
      }
      const maxChars = whole('maxChars', draft.maxChars, true);
      return maxChars === undefined ? base : { ...base, maxChars };
    }
    case 'number': {
      const bound = (part: 'min' | 'max', typed: string): number | undefined => {
        const value = readNumber(typed);
        if (value === undefined) problems.push({ field: at(part), key: 'numberInvalid' });
        return value ?? undefined;
      };
      const min = bound('min', draft.min);
      const max = bound('max', draft.max);
      return {
        ...base,
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(draft.integer ? { integer: true } : {}),
      };
    }
    case 'single_choice':
    case 'multiple_choice':
      return { ...base, choices: choicesOf(draft, problems) };
    case 'document': {
      if (draft.documentRequirementId === '') problems.push({ field: at('documentRequirementId'), key: 'documentRequired' });
      return { ...base, documentRequirementId: draft.documentRequirementId };
    }
    default:
      return base;
  }
}

function choicesOf(draft: QuestionDraft, problems: BuilderProblem[]): Choice[] {
  if (draft.choices.length < MIN_CHOICES) {
    problems.push({ field: questionPath(draft.id, 'choices'), key: 'tooFewChoices', values: { min: MIN_CHOICES } });
  }
  if (draft.choices.length > MAX_CHOICES) {
    problems.push({ field: questionPath(draft.id, 'choices'), key: 'tooManyChoices', values: { max: MAX_CHOICES } });
  }
  const seen = new Set<string>();
  return draft.choices.map((choice) => {
    const at = (part: string) => choicePath(draft.id, choice.id, part);
    const value = choice.value.trim();
    if (value === '') problems.push({ field: at('value'), key: 'required' });
    else if (!KEY_PATTERN.test(value)) problems.push({ field: at('value'), key: 'valuePattern' });
    else if (seen.has(value)) problems.push({ field: at('value'), key: 'valueDuplicate', values: { value } });
    seen.add(value);
    const label = { en: choice.labelEn.trim(), ja: choice.labelJa.trim() };
    if (label.en === '') problems.push({ field: at('label.en'), key: 'required' });
    if (label.ja === '') problems.push({ field: at('label.ja'), key: 'required' });
    return { value, label };
  });
}

/** The parts of a question that have an input of their own; any other part of the api's path is shown with the question. */
const QUESTION_FIELDS = new Set([
  'key',
  'type',
  'label.en',
  'label.ja',
  'help.en',
  'help.ja',
  'required',
  'scope',
  'visibility',
  'maxChars',
  'maxWords',
  'min',
  'max',
  'integer',
  'choices',
  'documentRequirementId',
]);

/**
 * The field an api path names, by the positions as sent: `questions[2].choices[0].value` → the
 * value input of that choice; `questions[2].label` → its English label; a path with no input of its
 * own → the question (or the whole form).
 */
export function serverField(path: string, sent: SentForm): string {
  const match = /^questions\[(\d+)\](?:\.(.*))?$/.exec(path);
  const questionId = match ? sent.questionIds[Number(match[1])] : undefined;
  if (!match || questionId === undefined) return FORM_PATH;
  const rest = match[2] ?? '';
  const choice = /^choices\[(\d+)\](?:\.(.*))?$/.exec(rest);
  if (choice) {
    const choiceId = sent.choiceIds[Number(match[1])]?.[Number(choice[1])];
    if (choiceId === undefined) return questionPath(questionId, 'choices');
    const part = choice[2] ?? '';
    if (part === 'value' || part === 'label.en' || part === 'label.ja') return choicePath(questionId, choiceId, part);
    if (part === 'label') return choicePath(questionId, choiceId, 'label.en');
    return choicePath(questionId, choiceId);
  }
  if (rest === 'label' || rest === 'help') return questionPath(questionId, `${rest}.en`);
  if (QUESTION_FIELDS.has(rest)) return questionPath(questionId, rest);
  return questionPath(questionId);
}

/**
 * The api's message (English) as a problem of the catalogue, when it is one the pages know, so
 * that it is shown in the reader's language; undefined for any other.
 */
export function knownProblem(message: string): { readonly key: ProblemKey; readonly values?: Record<string, string | number> } | undefined {
  let m: RegExpExecArray | null;
  if (message === 'must be a non-blank text') return { key: 'required' };
  if (message.startsWith('must be lower-case letters, digits and _')) return { key: 'keyPattern' };
  if ((m = /^repeats the key (\S+)/.exec(message))) return { key: 'keyDuplicate', values: { key: m[1]! } };
  if ((m = /^repeats the value (\S+)/.exec(message))) return { key: 'valueDuplicate', values: { value: m[1]! } };
  if ((m = /^must have at most (\d+) characters$/.exec(message))) return { key: 'atMostChars', values: { max: Number(m[1]) } };
  if ((m = /^must have (\d+) to (\d+) choices$/.exec(message))) return { key: 'tooFewChoices', values: { min: Number(m[1]) } };
  if ((m = /^must be a whole number from 1 to (\d+)$/.exec(message))) return { key: 'wholeFromTo', values: { max: Number(m[1]) } };
  if (message.startsWith('a long text needs either')) return { key: 'oneTextLimit' };
  if (message === 'must be a finite number') return { key: 'numberInvalid' };
  if ((m = /^must not exceed max \((.+)\)$/.exec(message))) return { key: 'minOverMax', values: { max: m[1]! } };
  if (message === 'no whole number lies between min and max') return { key: 'noWholeNumber' };
  if (message.startsWith('a document question names')) return { key: 'documentRequired' };
  if ((m = /^must have at most (\d+) questions$/.exec(message))) return { key: 'tooManyQuestions', values: { max: Number(m[1]) } };
  return undefined;
}

/**
 * A question as the preview shows it, built from what is typed so far: a blank label reads
 * `untitled`, a key or choice value not yet valid is replaced by a stand-in (they name the
 * preview's inputs), limits not yet numbers are left out.
 */
export function previewQuestion(draft: QuestionDraft, untitled: { readonly en: string; readonly ja: string }): Question {
  const orUntitled = (typed: string, language: 'en' | 'ja') => (typed.trim() === '' ? untitled[language] : typed);
  const helpEn = draft.helpEn.trim();
  const helpJa = draft.helpJa.trim();
  const base: Question = {
    key: KEY_PATTERN.test(draft.key) ? draft.key : 'question',
    type: draft.type,
    label: { en: orUntitled(draft.labelEn, 'en'), ja: orUntitled(draft.labelJa, 'ja') },
    help: helpEn === '' && helpJa === '' ? null : { en: helpEn, ja: helpJa },
    required: draft.required,
    scope: draft.scope,
    visibility: draft.visibility,
  };
  const positive = (typed: string) => {
    const value = readWholeNumber(typed);
    return typeof value === 'number' && value > 0 ? value : undefined;
  };
  switch (draft.type) {
    case 'short_text': {
      const maxChars = positive(draft.maxChars) ?? DEFAULT_SHORT_TEXT_CHARS;
      return { ...base, maxChars };
    }
    case 'long_text': {
      const limit = positive(draft.limitBy === 'words' ? draft.maxWords : draft.maxChars);
      if (limit === undefined) return base;
      return draft.limitBy === 'words' ? { ...base, maxWords: limit } : { ...base, maxChars: limit };
    }
    case 'number': {
      const min = readNumber(draft.min);
      const max = readNumber(draft.max);
      return {
        ...base,
        ...(typeof min === 'number' ? { min } : {}),
        ...(typeof max === 'number' ? { max } : {}),
        ...(draft.integer ? { integer: true } : {}),
      };
    }
    case 'single_choice':
    case 'multiple_choice': {
      const seen = new Set<string>();
      const choices = draft.choices.map((choice, i): Choice => {
        let value = choice.value;
        for (let n = i + 1; !KEY_PATTERN.test(value) || seen.has(value); n += 1) value = `choice_${n}`;
        seen.add(value);
        return { value, label: { en: orUntitled(choice.labelEn, 'en'), ja: orUntitled(choice.labelJa, 'ja') } };
      });
      return { ...base, choices };
    }
    case 'document':
      return draft.documentRequirementId === '' ? base : { ...base, documentRequirementId: draft.documentRequirementId };
    default:
      return base;
  }
}

/**
 * A call's application form as officers define it: an ordered list of questions, each with a key
 * that stays the same across versions of the form (answers are stored under it), a type, bilingual
 * texts and its constraints. The definition is data (stored as JSON with the call); these rules say
 * which definitions are sound, so that a form that cannot be answered is refused when it is saved
 * rather than discovered by applicants.
 */

export const QUESTION_TYPES = [
  'short_text',
  'long_text',
  'number',
  'date',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'url',
  'document',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_SCOPES = ['proposal', 'side'] as const;
/** `proposal`: answered once for the whole proposal; `side`: answered once by each agency's side. */
export type QuestionScope = (typeof QUESTION_SCOPES)[number];

export const ANSWER_VISIBILITIES = ['reviewers', 'office_agency'] as const;
/** `reviewers`: reviewers read the answer; `office_agency`: only the office and the agencies do (personal data). */
export type AnswerVisibility = (typeof ANSWER_VISIBILITIES)[number];

/** A document requirement's id. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Question keys and choice values: safe in field paths (`answers.proposal.<key>`) and in JSON pointers. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

export const MAX_QUESTIONS = 100;
export const MIN_CHOICES = 2;
export const MAX_CHOICES = 50;
/** What a short text allows when the officer sets no limit. */
export const DEFAULT_SHORT_TEXT_CHARS = 200;
export const MAX_SHORT_TEXT_CHARS = 1_000;
/** The ceiling of any text answer, in characters (code points); a word limit alone would let one endless word through. */
export const MAX_LONG_TEXT_CHARS = 100_000;
export const MAX_WORDS = 20_000;
export const MAX_LABEL_CHARS = 500;
export const MAX_HELP_CHARS = 2_000;

export interface LocalizedText {
  readonly en: string;
  readonly ja: string;
}

export interface Choice {
  readonly value: string;
  readonly label: LocalizedText;
}

export interface Question {
  readonly key: string;
  readonly type: QuestionType;
  readonly label: LocalizedText;
  readonly help: LocalizedText | null;
  readonly required: boolean;
  readonly scope: QuestionScope;
  readonly visibility: AnswerVisibility;
  /** short_text (default 200) and long_text: the most characters, counted in code points. */
  readonly maxChars?: number;
  /** long_text only, instead of maxChars: the most whitespace-separated words. */
  readonly maxWords?: number;
  /** number only: inclusive bounds. */
  readonly min?: number;
  readonly max?: number;
  /** number only: whole numbers only. */
  readonly integer?: boolean;
  /** single_choice and multiple_choice only. */
  readonly choices?: readonly Choice[];
  /** document only: the document requirement whose upload answers the question. */
  readonly documentRequirementId?: string;
}

export interface FormDefinition {
  readonly questions: readonly Question[];
}

export interface FormDefinitionProblem {
  /** Where, as `questions[2].choices[0].value`. */
  readonly path: string;
  readonly message: string;
}

/** Which of the optional constraints each type takes; any other is a mistake in the definition. */
const CONSTRAINTS_OF: Record<QuestionType, readonly string[]> = {
  short_text: ['maxChars'],
  long_text: ['maxChars', 'maxWords'],
  number: ['min', 'max', 'integer'],
  date: [],
  single_choice: ['choices'],
  multiple_choice: ['choices'],
  yes_no: [],
  url: [],
  document: ['documentRequirementId'],
};
const ALL_CONSTRAINTS = ['maxChars', 'maxWords', 'min', 'max', 'integer', 'choices', 'documentRequirementId'];
const BASE_PROPERTIES = ['key', 'type', 'label', 'help', 'required', 'scope', 'visibility'];

type Problems = FormDefinitionProblem[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

function isWholeNumberIn(value: unknown, low: number, high: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high;
}

function checkText(value: unknown, path: string, maxChars: number, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push({ path, message: 'must be an object with en and ja texts' });
    return;
  }
  for (const language of ['en', 'ja'] as const) {
    const text = value[language];
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push({ path: `${path}.${language}`, message: 'must be a non-blank text' });
    } else if ([...text].length > maxChars) {
      problems.push({ path: `${path}.${language}`, message: `must have at most ${maxChars} characters` });
    }
  }
  for (const name of Object.keys(value)) {
    if (name !== 'en' && name !== 'ja') problems.push({ path: `${path}.${name}`, message: 'is not a language of the form' });
  }
}

function checkChoices(value: unknown, path: string, problems: Problems): void {
  if (!Array.isArray(value)) {
    problems.push({ path, message: `a choice question needs a list of ${MIN_CHOICES} to ${MAX_CHOICES} choices` });
    return;
  }
  if (value.length < MIN_CHOICES || value.length > MAX_CHOICES) {
    problems.push({ path, message: `must have ${MIN_CHOICES} to ${MAX_CHOICES} choices` });
  }
  const seen = new Set<string>();
  value.forEach((choice: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(choice)) {
      problems.push({ path: at, message: 'must be an object with a value and a label' });
      return;
    }
    if (typeof choice.value !== 'string' || !KEY_PATTERN.test(choice.value)) {
      problems.push({ path: `${at}.value`, message: 'must be lower-case letters, digits and _, starting with a letter (at most 64)' });
    } else if (seen.has(choice.value)) {
      problems.push({ path: `${at}.value`, message: `repeats the value ${choice.value}` });
    } else {
      seen.add(choice.value);
    }
    checkText(choice.label, `${at}.label`, MAX_LABEL_CHARS, problems);
    for (const name of Object.keys(choice)) {
      if (name !== 'value' && name !== 'label') problems.push({ path: `${at}.${name}`, message: 'is not a property of a choice' });
    }
  });
}

function checkConstraints(question: Record<string, unknown>, type: QuestionType, path: string, problems: Problems): void {
  const allowed = CONSTRAINTS_OF[type];
  for (const name of ALL_CONSTRAINTS) {
    if (question[name] !== undefined && !allowed.includes(name)) {
      problems.push({ path: `${path}.${name}`, message: `does not apply to a ${type} question` });
    }
  }
  const { maxChars, maxWords, min, max, integer } = question;
  if (type === 'short_text' && maxChars !== undefined && !isWholeNumberIn(maxChars, 1, MAX_SHORT_TEXT_CHARS)) {
    problems.push({ path: `${path}.maxChars`, message: `must be a whole number from 1 to ${MAX_SHORT_TEXT_CHARS}` });
  }
  if (type === 'long_text') {
    if ((maxChars === undefined) === (maxWords === undefined)) {
      problems.push({ path, message: 'a long text needs either a character limit (maxChars) or a word limit (maxWords), not both' });
    }
    if (maxChars !== undefined && !isWholeNumberIn(maxChars, 1, MAX_LONG_TEXT_CHARS)) {
      problems.push({ path: `${path}.maxChars`, message: `must be a whole number from 1 to ${MAX_LONG_TEXT_CHARS}` });
    }
    if (maxWords !== undefined && !isWholeNumberIn(maxWords, 1, MAX_WORDS)) {
      problems.push({ path: `${path}.maxWords`, message: `must be a whole number from 1 to ${MAX_WORDS}` });
    }
  }
  if (type === 'number') {
    for (const [name, bound] of [
      ['min', min],
      ['max', max],
    ] as const) {
      if (bound !== undefined && (typeof bound !== 'number' || !Number.isFinite(bound))) {
        problems.push({ path: `${path}.${name}`, message: 'must be a finite number' });
      }
    }
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      problems.push({ path: `${path}.min`, message: `must not exceed max (${max})` });
    }
    if (integer !== undefined && typeof integer !== 'boolean') {
      problems.push({ path: `${path}.integer`, message: 'must be true or false' });
    }
    if (integer === true && typeof min === 'number' && typeof max === 'number' && Math.ceil(min) > Math.floor(max)) {
      problems.push({ path, message: 'no whole number lies between min and max' });
    }
  }
  if (type === 'single_choice' || type === 'multiple_choice') checkChoices(question.choices, `${path}.choices`, problems);
  if (type === 'document') {
    const id = question.documentRequirementId;
    if (typeof id !== 'string' || !UUID_PATTERN.test(id)) {
      problems.push({
        path: `${path}.documentRequirementId`,
        message: 'a document question names the document requirement it is answered by',
      });
    }
  }
}

function checkQuestion(question: unknown, path: string, problems: Problems): string | null {
  if (!isRecord(question)) {
    problems.push({ path, message: 'must be an object' });
    return null;
  }
  const { key, type } = question;
  const validKey = typeof key === 'string' && KEY_PATTERN.test(key);
  if (!validKey) {
    problems.push({ path: `${path}.key`, message: 'must be lower-case letters, digits and _, starting with a letter (at most 64)' });
  }
  if (!isOneOf(QUESTION_TYPES, type)) {
    problems.push({ path: `${path}.type`, message: `must be one of ${QUESTION_TYPES.join(', ')}` });
  }
  checkText(question.label, `${path}.label`, MAX_LABEL_CHARS, problems);
  if (question.help !== null) checkText(question.help, `${path}.help`, MAX_HELP_CHARS, problems);
  if (typeof question.required !== 'boolean') problems.push({ path: `${path}.required`, message: 'must be true or false' });
  if (!isOneOf(QUESTION_SCOPES, question.scope)) {
    problems.push({ path: `${path}.scope`, message: `must be one of ${QUESTION_SCOPES.join(', ')}` });
  }
  if (!isOneOf(ANSWER_VISIBILITIES, question.visibility)) {
    problems.push({ path: `${path}.visibility`, message: `must be one of ${ANSWER_VISIBILITIES.join(', ')}` });
  }
  for (const name of Object.keys(question)) {
    if (!BASE_PROPERTIES.includes(name) && !ALL_CONSTRAINTS.includes(name)) {
      problems.push({ path: `${path}.${name}`, message: 'is not a property of a question' });
    }
  }
  if (isOneOf(QUESTION_TYPES, type)) checkConstraints(question, type, path, problems);
  return validKey ? key : null;
}

/**
 * Every problem of a definition as received (hence `unknown`), each at its path; an empty list
 * means the definition is a sound {@link FormDefinition} that compiles to an answers schema.
 */
export function checkFormDefinition(definition: unknown): FormDefinitionProblem[] {
  const problems: Problems = [];
  if (!isRecord(definition) || !Array.isArray(definition.questions)) {
    return [{ path: 'questions', message: 'must be a list of questions' }];
  }
  for (const name of Object.keys(definition)) {
    if (name !== 'questions') problems.push({ path: name, message: 'is not a property of a form' });
  }
  const questions: unknown[] = definition.questions;
  if (questions.length > MAX_QUESTIONS) problems.push({ path: 'questions', message: `must have at most ${MAX_QUESTIONS} questions` });
  const firstAt = new Map<string, number>();
  questions.forEach((question, index) => {
    const path = `questions[${index}]`;
    const key = checkQuestion(question, path, problems);
    if (key === null) return;
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, index);
    else problems.push({ path: `${path}.key`, message: `repeats the key ${key} of questions[${first}]` });
  });
  return problems;
}

/** The answer field of a question: `answers.proposal.<key>`, or `answers.sides.<agencyId>.<key>` for a side's answer. */
export function answerField(key: string, agencyId: string | null): string {
  return agencyId === null ? `answers.proposal.${key}` : `answers.sides.${agencyId}.${key}`;
}

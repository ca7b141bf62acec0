import { type OutputUnit, type Schema, Validator } from '@cfworker/json-schema';

/**
 * The pages' check of a proposal's answers against the form's JSON Schema, the very schema the
 * server checks them with, so that the pages point at each problem before the server is asked and
 * the server never refuses what the pages let through. AJV cannot run here (it compiles schemas
 * with eval, which the pages' content security policy forbids); @cfworker/json-schema interprets
 * the schema instead. The problems have the server's shape: one per question (and side), sorted by field.
 */

/** A form's answers schema as the api sends it (JSON Schema, draft 2020-12). */
export type AnswersSchema = Schema;

export type AnswerProblemCode = 'ANSWER_MISSING' | 'ANSWER_INVALID' | 'ANSWER_UNKNOWN';

export interface AnswerProblem {
  /** The question's key; '' for a problem with the shape of the answers rather than one question. */
  readonly key: string;
  /** The side's agency for a side question's answer; null for the proposal's. */
  readonly agencyId: string | null;
  /** `answers.proposal.<key>` or `answers.sides.<agencyId>.<key>`. */
  readonly field: string;
  readonly code: AnswerProblemCode;
  readonly message: { readonly en: string; readonly ja: string };
}

/** Errors that only say a part below them failed; the failing part has its own error. */
const WRAPPERS = new Set(['properties', 'additionalProperties', 'items', 'prefixItems', 'allOf', 'anyOf', 'oneOf', '$ref', 'if']);

/** As the server: the first of a question's errors names its problem, and those of a missing answer come last. */
const KEYWORD_ORDER = ['required', 'false', 'type', 'enum', 'format', 'pattern', 'minimum', 'maximum', 'maxLength'];
const LAST_KEYWORDS = ['uniqueItems', 'not', 'minItems'];
const rankOf = (keyword: string): number => {
  const at = KEYWORD_ORDER.indexOf(keyword);
  if (at >= 0) return at;
  const last = LAST_KEYWORDS.indexOf(keyword);
  return last >= 0 ? KEYWORD_ORDER.length + 1 + last : KEYWORD_ORDER.length;
};

function codeOf(keyword: string): AnswerProblemCode {
  if (keyword === 'required' || keyword === 'not' || keyword === 'minItems') return 'ANSWER_MISSING';
  // A property the schema does not name meets `additionalProperties: false`.
  if (keyword === 'false') return 'ANSWER_UNKNOWN';
  return 'ANSWER_INVALID';
}

interface Place {
  readonly key: string;
  readonly agencyId: string | null;
  readonly field: string;
}

const fieldOf = (segments: readonly string[]): string => ['answers', ...segments].join('.');

function placeOf(segments: readonly string[]): Place {
  const [part, first, second] = segments;
  if (part === 'proposal' && first !== undefined) return { key: first, agencyId: null, field: fieldOf(['proposal', first]) };
  if (part === 'sides' && first !== undefined) {
    if (second !== undefined) return { key: second, agencyId: first, field: fieldOf(['sides', first, second]) };
    return { key: '', agencyId: first, field: fieldOf(['sides', first]) };
  }
  return { key: '', agencyId: null, field: fieldOf(part === undefined ? [] : [part]) };
}

/** The segments of a location as the validator writes it: `#/sides/jst/topics/0`, each segment URI-encoded. */
function segmentsOf(location: string): string[] {
  const pointer = location.startsWith('#') ? location.slice(1) : location;
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~'));
}

const REQUIRED_MESSAGE = /^Instance does not have required property "(.*)"\.$/s;

function segmentsOfError(error: OutputUnit): string[] {
  const segments = segmentsOf(error.instanceLocation);
  const missing = error.keyword === 'required' ? REQUIRED_MESSAGE.exec(error.error)?.[1] : undefined;
  return missing === undefined ? segments : [...segments, missing];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The value of the keyword an error is about (a limit, a pattern, a type), read from the schema. */
function keywordValue(schema: AnswersSchema, error: OutputUnit): unknown {
  let node: unknown = schema;
  for (const segment of segmentsOf(error.keywordLocation)) {
    node = isRecord(node) ? node[segment] : undefined;
  }
  return node;
}

/** At most N words: the pattern the form schema writes for a word limit. */
const WORD_LIMIT = /\{0,(\d+)\}\$$/;

type Message = AnswerProblem['message'];

const MESSAGES = {
  missing: { en: 'Answer this question.', ja: 'この質問に回答してください。' },
  unknown: { en: 'This answer is not part of the form.', ja: 'このフォームにない回答です。' },
  wholeNumber: { en: 'Enter a whole number.', ja: '整数を入力してください。' },
  number: { en: 'Enter a number.', ja: '数値を入力してください。' },
  yesNo: { en: 'Answer yes or no.', ja: '「はい」か「いいえ」で回答してください。' },
  text: { en: 'Enter text.', ja: '文字で入力してください。' },
  choice: { en: 'Choose from the options.', ja: '選択肢から選んでください。' },
  once: { en: 'Choose each option only once.', ja: '同じ選択肢は一度だけ選んでください。' },
  date: { en: 'Enter a real date as YYYY-MM-DD.', ja: '実在する日付を YYYY-MM-DD の形で入力してください。' },
  webAddress: { en: 'Enter a web address starting with http:// or https://.', ja: 'http:// か https:// で始まるURLを入力してください。' },
  invalid: { en: 'This answer is not valid.', ja: 'この回答は正しくありません。' },
} satisfies Record<string, Message>;

function typeMessage(expected: unknown): Message {
  if (expected === 'integer') return MESSAGES.wholeNumber;
  if (expected === 'number') return MESSAGES.number;
  if (expected === 'boolean') return MESSAGES.yesNo;
  if (expected === 'string') return MESSAGES.text;
  if (expected === 'array') return MESSAGES.choice;
  return MESSAGES.invalid;
}

function messageOf(schema: AnswersSchema, error: OutputUnit): Message {
  const value = keywordValue(schema, error);
  const n = typeof value === 'number' ? value : 0;
  switch (error.keyword) {
    case 'required':
    case 'not':
    case 'minItems':
      return MESSAGES.missing;
    case 'false':
      return MESSAGES.unknown;
    case 'type':
      // An item of a multiple choice that is not one of its values.
      return error.keywordLocation.includes('/items/') ? MESSAGES.choice : typeMessage(value);
    case 'enum':
      return MESSAGES.choice;
    case 'uniqueItems':
      return MESSAGES.once;
    case 'format':
      return value === 'date' ? MESSAGES.date : MESSAGES.webAddress;
    case 'minimum':
      return { en: `Enter ${n} or more.`, ja: `${n}以上の値を入力してください。` };
    case 'maximum':
      return { en: `Enter ${n} or less.`, ja: `${n}以下の値を入力してください。` };
    case 'maxLength':
      return { en: `Use at most ${n} characters.`, ja: `${n}文字以内で入力してください。` };
    case 'pattern': {
      const words = typeof value === 'string' ? WORD_LIMIT.exec(value)?.[1] : undefined;
      return words === undefined ? MESSAGES.webAddress : { en: `Use at most ${words} words.`, ja: `${words}語以内で入力してください。` };
    }
    default:
      return MESSAGES.invalid;
  }
}

/** Validators by schema: the pages hold a form's schema as one object for as long as they show the form. */
const validators = new WeakMap<AnswersSchema, Validator>();

function validatorOf(schema: AnswersSchema): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    // Not short-circuited: every question's problem is wanted, not only the first.
    validator = new Validator(schema, '2020-12', false);
    validators.set(schema, validator);
  }
  return validator;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The answers with every part the schema knows present: a missing `proposal`, `sides` or side is
 * read as an empty one, so that each required question in it is named by its key rather than the
 * part as a whole. Parts of the wrong type are left for the schema to refuse.
 */
function withEveryPart(schema: AnswersSchema, answers: unknown): unknown {
  if (!isPlainObject(answers)) return answers;
  const properties: unknown = (schema as Record<string, unknown>)['properties'];
  const parts = isPlainObject(properties) ? properties : {};
  const sides =
    isPlainObject(parts['sides']) && isPlainObject(parts['sides']['properties']) ? Object.keys(parts['sides']['properties']) : [];
  const complete: Record<string, unknown> = { ...answers };
  if ('proposal' in parts && !Object.hasOwn(answers, 'proposal')) complete['proposal'] = {};
  if ('sides' in parts && !Object.hasOwn(answers, 'sides')) complete['sides'] = {};
  const given = complete['sides'];
  if (isPlainObject(given) && sides.some((agency) => !Object.hasOwn(given, agency))) {
    complete['sides'] = { ...Object.fromEntries(sides.map((agency) => [agency, {}])), ...given };
  }
  return complete;
}

/**
 * The problems of the answers, one per question (and side), sorted by field. The answers are read
 * as the server will receive them, through JSON: a field left `undefined` is an answer not given.
 */
export function validateAnswers(schema: AnswersSchema, answers: unknown): AnswerProblem[] {
  const sent: unknown = answers === undefined ? null : JSON.parse(JSON.stringify(answers));
  const result = validatorOf(schema).validate(withEveryPart(schema, sent));
  if (result.valid) return [];
  const firstErrors = new Map<string, { place: Place; error: OutputUnit }>();
  for (const error of result.errors) {
    if (WRAPPERS.has(error.keyword)) continue;
    const place = placeOf(segmentsOfError(error));
    const held = firstErrors.get(place.field);
    if (!held || rankOf(error.keyword) < rankOf(held.error.keyword)) firstErrors.set(place.field, { place, error });
  }
  return [...firstErrors.values()]
    .map(({ place, error }) => ({ ...place, code: codeOf(error.keyword), message: messageOf(schema, error) }))
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

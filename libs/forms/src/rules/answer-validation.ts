import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import jaModule from 'ajv-i18n/localize/ja/index.js';
import type { Localize } from 'ajv-i18n/localize/types.js';
import type { LocalizedText } from './form-definition.js';
import { type JSONSchema, WEB_ADDRESS_PATTERN, wordLimitOf } from './form-schema.js';

/*
 * Node hands a CommonJS module's `module.exports` to an `import` as its default, while these
 * packages' type declarations describe an ES module with a `default` export: take whichever is the function.
 */
const addFormats: FormatsPlugin = typeof formatsModule === 'function' ? formatsModule : formatsModule.default;
const localizeJa: Localize = typeof jaModule === 'function' ? jaModule : jaModule.default;

export const ANSWER_PROBLEM_CODES = ['ANSWER_MISSING', 'ANSWER_INVALID', 'ANSWER_UNKNOWN'] as const;
export type AnswerProblemCode = (typeof ANSWER_PROBLEM_CODES)[number];

/** One problem of the answers, at most one per question (and side), reported in problem+json. */
export interface AnswerProblem {
  /** The question's key; '' for a problem with the shape of the answers rather than one question. */
  readonly key: string;
  /** The side's agency for a side question's answer; null for the proposal's. */
  readonly agencyId: string | null;
  /** `answers.proposal.<key>` or `answers.sides.<agencyId>.<key>` (`answers`, `answers.sides.<agencyId>`, ... for the shape). */
  readonly field: string;
  readonly code: AnswerProblemCode;
  readonly message: LocalizedText;
}

/**
 * The order in which a question's errors are told: the first names the problem. An answer that is
 * both blank and too long is invalid (it is there, only wrong), so the keywords of a missing
 * answer (`not` a blank text, `minItems` of a required multiple choice) come last.
 */
const KEYWORD_ORDER = ['required', 'additionalProperties', 'type', 'enum', 'format', 'pattern', 'minimum', 'maximum', 'maxLength'];
const LAST_KEYWORDS = ['uniqueItems', 'not', 'minItems'];
const rankOf = (keyword: string): number => {
  const at = KEYWORD_ORDER.indexOf(keyword);
  if (at >= 0) return at;
  const last = LAST_KEYWORDS.indexOf(keyword);
  return last >= 0 ? KEYWORD_ORDER.length + 1 + last : KEYWORD_ORDER.length;
};

function codeOf(keyword: string): AnswerProblemCode {
  if (keyword === 'required' || keyword === 'not' || keyword === 'minItems') return 'ANSWER_MISSING';
  if (keyword === 'additionalProperties') return 'ANSWER_UNKNOWN';
  return 'ANSWER_INVALID';
}

interface Place {
  readonly key: string;
  readonly agencyId: string | null;
  readonly field: string;
}

const fieldOf = (segments: readonly string[]): string => ['answers', ...segments].join('.');

/** Which question (or which part of the answers) a location in the answers belongs to. */
function placeOf(segments: readonly string[]): Place {
  const [part, first, second] = segments;
  if (part === 'proposal' && first !== undefined) return { key: first, agencyId: null, field: fieldOf(['proposal', first]) };
  if (part === 'sides' && first !== undefined) {
    if (second !== undefined) return { key: second, agencyId: first, field: fieldOf(['sides', first, second]) };
    return { key: '', agencyId: first, field: fieldOf(['sides', first]) };
  }
  return { key: '', agencyId: null, field: fieldOf(part === undefined ? [] : [part]) };
}

/** The segments of a JSON pointer as AJV writes instance paths (`/sides/jst/topics/0`). */
function segmentsOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function param(error: ErrorObject, name: string): unknown {
  const value: unknown = error.params[name];
  return value;
}

/** Where an error is: the answer itself, or for `required` and `additionalProperties` the named property of the object. */
function segmentsOfError(error: ErrorObject): string[] {
  const segments = segmentsOf(error.instancePath);
  const named =
    error.keyword === 'required'
      ? param(error, 'missingProperty')
      : error.keyword === 'additionalProperties'
        ? param(error, 'additionalProperty')
        : null;
  return typeof named === 'string' ? [...segments, named] : segments;
}

/**
 * AJV's own English message and ajv-i18n's Japanese one, except where those would show the
 * schema's workings (a regular expression, "must NOT be valid") or, in Japanese, state the limit
 * off by one ("200文字以上であってはいけない" for at most 200).
 */
function messageOf(error: ErrorObject, field: string): LocalizedText {
  const at = fieldOf(segmentsOf(error.instancePath));
  const limit = param(error, 'limit');
  switch (error.keyword) {
    case 'additionalProperties':
      return { en: `${field} is not part of this form`, ja: `${field} はこのフォームにない項目です` };
    case 'not':
      return { en: `${field} must not be blank`, ja: `${field} は空欄であってはいけない` };
    case 'minItems':
      return {
        en: `${field} must have at least ${String(limit)} choice selected`,
        ja: `${field} は${String(limit)}個以上選ばなければいけない`,
      };
    case 'maxLength':
      return {
        en: `${field} must NOT have more than ${String(limit)} characters`,
        ja: `${field} は${String(limit)}文字以内でなければいけない`,
      };
    case 'pattern': {
      const pattern = param(error, 'pattern');
      const words = typeof pattern === 'string' ? wordLimitOf(pattern) : null;
      if (words !== null) return { en: `${field} must have at most ${words} words`, ja: `${field} は${words}語以内でなければいけない` };
      if (pattern === WEB_ADDRESS_PATTERN) {
        return {
          en: `${field} must be a web address starting with http:// or https://`,
          ja: `${field} は http:// または https:// で始まるURLでなければいけない`,
        };
      }
      return { en: `${field} does not have the expected form`, ja: `${field} の形式が正しくない` };
    }
    default: {
      const japanese = { ...error };
      localizeJa([japanese]);
      return { en: `${at} ${error.message ?? 'is invalid'}`, ja: `${at} ${japanese.message ?? '正しくない'}` };
    }
  }
}

const ajv = new Ajv2020({ allErrors: true, strict: true, ownProperties: true, logger: false });
addFormats(ajv, ['date', 'uri']);

/**
 * Compiled validators by the schema's JSON, the most recently used kept: a schema compiled afresh
 * from the form for each request is still compiled once, and one changed in place is compiled again.
 */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 100;

function validatorOf(schema: JSONSchema): ValidateFunction {
  const text = JSON.stringify(schema);
  const validate = compiled.get(text) ?? ajv.compile(structuredClone(schema));
  compiled.delete(text);
  compiled.set(text, validate);
  for (const [oldest, dropped] of compiled) {
    if (compiled.size <= MAX_COMPILED) break;
    compiled.delete(oldest);
    // AJV keeps every schema it compiled; one no longer cached here is let go there too.
    ajv.removeSchema(dropped.schema);
  }
  return validate;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The answers with every part the schema knows present: a missing `proposal`, `sides` or side is
 * read as an empty one, so that each required question in it is named by its key rather than the
 * part as a whole. Parts of the wrong type are left for the schema to refuse.
 */
function withEveryPart(schema: JSONSchema, answers: unknown): unknown {
  if (!isPlainObject(answers)) return answers;
  const parts = isPlainObject(schema['properties']) ? schema['properties'] : {};
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
 * The server's (authoritative) check of answers against a compiled form schema: one problem per
 * question and side however many rules its answer breaks, sorted by field.
 */
export function validateAnswers(schema: JSONSchema, answers: unknown): AnswerProblem[] {
  const validate = validatorOf(schema);
  if (validate(withEveryPart(schema, answers))) return [];
  const firstErrors = new Map<string, { place: Place; error: ErrorObject }>();
  for (const error of validate.errors ?? []) {
    const place = placeOf(segmentsOfError(error));
    const held = firstErrors.get(place.field);
    if (!held || rankOf(error.keyword) < rankOf(held.error.keyword)) firstErrors.set(place.field, { place, error });
  }
  return [...firstErrors.values()]
    .map(({ place, error }) => ({ ...place, code: codeOf(error.keyword), message: messageOf(error, place.field) }))
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

import { DEFAULT_SHORT_TEXT_CHARS, type FormDefinition, MAX_LONG_TEXT_CHARS, type Question } from './form-definition.js';

/**
 * The subset of JSON Schema (draft 2020-12) a form compiles to: only keywords that both the
 * server's validator (AJV) and the pages' (@cfworker/json-schema) implement the same way, so that
 * an answer is accepted by the pages exactly when the server accepts it.
 */
export interface JSONSchema {
  $schema?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  properties?: Record<string, JSONSchema>;
  required?: string[];
  additionalProperties?: boolean;
  maxLength?: number;
  pattern?: string;
  format?: 'date' | 'uri';
  minimum?: number;
  maximum?: number;
  enum?: string[];
  items?: JSONSchema;
  uniqueItems?: boolean;
  minItems?: number;
  not?: JSONSchema;
}

export type AnswersMode = 'draft' | 'submit';

/** An answer as stored: texts, dates and URLs as strings, numbers, yes/no as a boolean, a multiple choice as its values. */
export type AnswerValue = string | number | boolean | string[];

/** All answers of a proposal, stored with it: the proposal's, and each side's under its agency id. */
export interface Answers {
  proposal: Record<string, AnswerValue>;
  sides: Record<string, Record<string, AnswerValue>>;
}

export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** A text of white space only; a required text must not be one (checked with `not`, so that it reads as missing). */
export const BLANK_PATTERN = '^\\s*$';
/** A web page's address: `uri` alone would also take mailto:, javascript: or urn:. */
export const WEB_ADDRESS_PATTERN = '^https?://[^/?#]';
export const MAX_URL_CHARS = 2_000;

/**
 * At most `maxWords` words, a word being a run of non-space characters. Each repetition takes a
 * whole word and the space after it; as a word can only be followed by space or the end, a failed
 * match backs off one character at a time and never tries the words in other groupings, so the
 * time stays linear in the length of the text.
 */
export function wordLimitPattern(maxWords: number): string {
  return `^\\s*(?:\\S+(?:\\s+|$)){0,${maxWords}}$`;
}

/** The word limit a pattern made by {@link wordLimitPattern} holds, or null for any other pattern. */
export function wordLimitOf(pattern: string): number | null {
  const match = /^\^\\s\*\(\?:\\S\+\(\?:\\s\+\|\$\)\)\{0,(\d+)\}\$$/.exec(pattern);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function textSchema(maxLength: number, maxWords: number | undefined, mustNotBeBlank: boolean): JSONSchema {
  return {
    type: 'string',
    maxLength,
    ...(maxWords === undefined ? {} : { pattern: wordLimitPattern(maxWords) }),
    ...(mustNotBeBlank ? { not: { type: 'string', pattern: BLANK_PATTERN } } : {}),
  };
}

/** The schema of one answer; `mustBeGiven` adds what a required answer needs beyond being present. */
function valueSchema(question: Question, mustBeGiven: boolean): JSONSchema {
  switch (question.type) {
    case 'short_text':
      return textSchema(question.maxChars ?? DEFAULT_SHORT_TEXT_CHARS, undefined, mustBeGiven);
    case 'long_text':
      return textSchema(question.maxChars ?? MAX_LONG_TEXT_CHARS, question.maxWords, mustBeGiven);
    case 'number':
      return {
        type: question.integer === true ? 'integer' : 'number',
        ...(question.min === undefined ? {} : { minimum: question.min }),
        ...(question.max === undefined ? {} : { maximum: question.max }),
      };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'single_choice':
      return { type: 'string', enum: (question.choices ?? []).map((choice) => choice.value) };
    case 'multiple_choice':
      return {
        type: 'array',
        items: { type: 'string', enum: (question.choices ?? []).map((choice) => choice.value) },
        uniqueItems: true,
        ...(mustBeGiven ? { minItems: 1 } : {}),
      };
    case 'yes_no':
      return { type: 'boolean' };
    case 'url':
      return { type: 'string', maxLength: MAX_URL_CHARS, format: 'uri', pattern: WEB_ADDRESS_PATTERN };
    case 'document':
      throw new Error('a document question is answered by an upload, not by a value');
  }
}

function objectSchema(properties: Record<string, JSONSchema>, required: string[]): JSONSchema {
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

function answersOf(questions: readonly Question[], mode: AnswersMode): { schema: JSONSchema; hasRequired: boolean } {
  const properties: Record<string, JSONSchema> = {};
  const required: string[] = [];
  for (const question of questions) {
    const mustBeGiven = mode === 'submit' && question.required;
    properties[question.key] = valueSchema(question, mustBeGiven);
    if (mustBeGiven) required.push(question.key);
  }
  return { schema: objectSchema(properties, required), hasRequired: required.length > 0 };
}

/**
 * The JSON Schema of a proposal's answers to a form: `{ proposal: {...}, sides: { <agencyId>: {...} } }`,
 * side questions asked once per agency. In a draft every answer may be left out (and a text left
 * blank), but whatever is given must be valid; at submit every required answer is there, a required
 * text holds more than white space and a required multiple choice at least one value. Document
 * questions are answered by uploads and have no place in the answers. Unknown keys are errors
 * everywhere. A part of the answers is required at submit only when it holds a required question.
 */
export function compileAnswersSchema(definition: FormDefinition, agencyIds: readonly string[], mode: AnswersMode): JSONSchema {
  const answerable = definition.questions.filter((question) => question.type !== 'document');
  const proposal = answersOf(
    answerable.filter((question) => question.scope === 'proposal'),
    mode,
  );
  const side = answersOf(
    answerable.filter((question) => question.scope === 'side'),
    mode,
  );
  const agencies = [...new Set(agencyIds)];
  const sides = objectSchema(
    Object.fromEntries(agencies.map((agencyId) => [agencyId, structuredClone(side.schema)])),
    side.hasRequired ? agencies : [],
  );
  const required = [...(proposal.hasRequired ? ['proposal'] : []), ...(side.hasRequired && agencies.length > 0 ? ['sides'] : [])];
  return { $schema: DRAFT_2020_12, ...objectSchema({ proposal: proposal.schema, sides }, required) };
}

import type { AnswerProblem } from './answer-validation';
import type { Answers, Language, Question } from './form-types';

/**
 * The pages' plain rules for a call's questions and a proposal's answers: how a text is counted
 * (as the server counts it), how a typed number is read, where an answer sits in the answers object
 * and how it is set or cleared there, how two editors' answers are brought together, and which field
 * a problem belongs to.
 */

/** The page's language as a form's language. */
export function formLanguage(language: string): Language {
  return language === 'ja' ? 'ja' : 'en';
}

/** What a short text allows when the call sets no limit, and the ceiling of any text (the server's). */
export const DEFAULT_SHORT_TEXT_CHARS = 200;
export const MAX_LONG_TEXT_CHARS = 100_000;

/** Characters as the server counts them: code points (an emoji or a rare kanji is one). */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Words as the server counts them: runs of non-space characters (the ideographic space separates too). */
export function countWords(text: string): number {
  return text.match(/\S+/gu)?.length ?? 0;
}

export interface TextLimit {
  readonly unit: 'characters' | 'words';
  readonly max: number;
}

/** The limit a text question counts against; null for a question that is not a text. */
export function textLimit(question: Question): TextLimit | null {
  if (question.type === 'short_text') return { unit: 'characters', max: question.maxChars ?? DEFAULT_SHORT_TEXT_CHARS };
  if (question.type !== 'long_text') return null;
  if (question.maxWords !== undefined) return { unit: 'words', max: question.maxWords };
  return { unit: 'characters', max: question.maxChars ?? MAX_LONG_TEXT_CHARS };
}

export interface TextCount extends TextLimit {
  readonly count: number;
  /** How many characters or words past the limit; 0 within it. */
  readonly over: number;
}

export function textCount(limit: TextLimit, text: string): TextCount {
  const count = limit.unit === 'words' ? countWords(text) : countCharacters(text);
  return { ...limit, count, over: Math.max(0, count - limit.max) };
}

export type ReadNumber = { readonly kind: 'empty' } | { readonly kind: 'number'; readonly value: number } | { readonly kind: 'unreadable' };

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER_TEXT = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * A number as typed: full-width digits and signs (a Japanese input method's) read as their ASCII
 * forms, commas only as thousands separators ("1,000"), white space around ignored.
 */
export function readNumber(typed: string): ReadNumber {
  const text = typed
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\uFE63]/g, '-')
    .trim();
  if (text === '') return { kind: 'empty' };
  const plain = GROUPED_NUMBER_TEXT.test(text) ? text.replaceAll(',', '') : text;
  if (!NUMBER_TEXT.test(plain)) return { kind: 'unreadable' };
  const value = Number(plain);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'unreadable' };
}

/**
 * The answer of a number field: the number typed, undefined for an empty field, and the text itself
 * when it is not a number, so that the check names the problem (an answer that fails the check is
 * never sent).
 */
export function numberAnswer(typed: string): unknown {
  const read = readNumber(typed);
  if (read.kind === 'empty') return undefined;
  return read.kind === 'number' ? read.value : typed;
}

/** What a number field shows for an answer it did not type itself (one saved, or set elsewhere). */
export function numberText(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return typeof value === 'string' ? value : '';
}

export type NumberHintKey = 'any' | 'between' | 'atLeast' | 'atMost' | 'whole' | 'wholeBetween' | 'wholeAtLeast' | 'wholeAtMost';

/** Which hint a number question shows (its catalogue key under forms.field.number), with its bounds. */
export function numberHint(question: Question): { readonly key: NumberHintKey; readonly min?: number; readonly max?: number } {
  const whole = question.integer === true;
  const { min, max } = question;
  const bounds = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  if (min !== undefined && max !== undefined) return { key: whole ? 'wholeBetween' : 'between', ...bounds };
  if (min !== undefined) return { key: whole ? 'wholeAtLeast' : 'atLeast', ...bounds };
  if (max !== undefined) return { key: whole ? 'wholeAtMost' : 'atMost', ...bounds };
  return { key: whole ? 'whole' : 'any' };
}

/** The answer of a text field: undefined for an empty text, which clears the answer. */
export function textAnswer(text: string): string | undefined {
  return text === '' ? undefined : text;
}

/** The values of a multiple choice after one is ticked or unticked, in the order of the choices; undefined when none is left. */
export function toggleChoice(question: Question, current: unknown, value: string, checked: boolean): readonly string[] | undefined {
  const chosen = new Set(Array.isArray(current) ? current.filter((v): v is string => typeof v === 'string') : []);
  if (checked) chosen.add(value);
  else chosen.delete(value);
  const ordered = (question.choices ?? []).map((choice) => choice.value).filter((v) => chosen.has(v));
  // Values the form does not know are kept after the known ones, so that the check names them.
  const unknown = [...chosen].filter((v) => !ordered.includes(v));
  const all = [...ordered, ...unknown];
  return all.length === 0 ? undefined : all;
}

/** The id of the question's input (or its fieldset), for links from lists of problems. */
export function questionFieldId(idPrefix: string, key: string): string {
  return `${idPrefix}-${key}`;
}

/**
 * The id of a document requirement's place in the proposal's Documents section (its first slot: one
 * per side for a side's document), where a document question sends the applicant to upload.
 */
export function documentRequirementAnchor(requirementId: string): string {
  return `document-requirement-${requirementId}`;
}

/** The id prefix of the proposal editor's questions: the proposal's, or one side's. */
export function answersIdPrefix(agencyId: string | null): string {
  return agencyId === null ? 'question-proposal' : `question-side-${agencyId}`;
}

/** Where an answer sits: the proposal's answers (agencyId null) or one side's. */
export interface AnswerPlace {
  readonly agencyId: string | null;
  readonly key: string;
}

/** `answers.proposal.<key>` or `answers.sides.<agencyId>.<key>`: the field the api and the check name. */
export function answerField(place: AnswerPlace): string {
  return place.agencyId === null ? `answers.proposal.${place.key}` : `answers.sides.${place.agencyId}.${place.key}`;
}

/** The answer a field names; undefined for a field that names no single answer. */
export function answerPlaceOf(field: string): AnswerPlace | undefined {
  const proposal = /^answers\.proposal\.([^.]+)$/.exec(field);
  if (proposal?.[1]) return { agencyId: null, key: proposal[1] };
  const side = /^answers\.sides\.([^.]+)\.([^.]+)$/.exec(field);
  if (side?.[1] && side[2]) return { agencyId: side[1], key: side[2] };
  return undefined;
}

/** The id of the proposal editor's input for an answers field, if it names one answer. */
export function answerFieldId(field: string): string | undefined {
  const place = answerPlaceOf(field);
  return place && questionFieldId(answersIdPrefix(place.agencyId), place.key);
}

type Part = Readonly<Record<string, unknown>>;

function isPart(value: unknown): value is Part {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function partOf(answers: Answers, agencyId: string | null): Part {
  const part = agencyId === null ? answers.proposal : answers.sides?.[agencyId];
  return isPart(part) ? part : {};
}

/** The answers in an api object (`{ proposal, sides }`), whatever else it holds left out. */
export function answersOf(value: unknown): Answers {
  if (!isPart(value)) return {};
  const proposal = value['proposal'];
  const sides = value['sides'];
  const sideParts = isPart(sides) ? Object.entries(sides).filter((entry): entry is [string, Part] => isPart(entry[1])) : [];
  return {
    ...(isPart(proposal) && Object.keys(proposal).length > 0 ? { proposal } : {}),
    ...(sideParts.length > 0 ? { sides: Object.fromEntries(sideParts) } : {}),
  };
}

export function answerAt(answers: Answers, place: AnswerPlace): unknown {
  return partOf(answers, place.agencyId)[place.key];
}

/** The answers with one answer set, or removed when `value` is undefined; parts left empty are dropped. */
export function withAnswer(answers: Answers, place: AnswerPlace, value: unknown): Answers {
  const { [place.key]: _old, ...rest } = partOf(answers, place.agencyId);
  const part: Part = value === undefined ? rest : { ...rest, [place.key]: value };
  const empty = Object.keys(part).length === 0;
  if (place.agencyId === null) {
    const { proposal: _proposal, ...others } = answers;
    return empty ? others : { ...others, proposal: part };
  }
  const { [place.agencyId]: _side, ...otherSides } = answers.sides ?? {};
  const sides = empty ? otherSides : { ...otherSides, [place.agencyId]: part };
  const { sides: _sides, ...others } = answers;
  return Object.keys(sides).length === 0 ? others : { ...others, sides };
}

/** Every answer given, by place. */
export function answerPlaces(answers: Answers): AnswerPlace[] {
  return [
    ...Object.keys(partOf(answers, null)).map((key) => ({ agencyId: null, key })),
    ...Object.keys(answers.sides ?? {}).flatMap((agencyId) => Object.keys(partOf(answers, agencyId)).map((key) => ({ agencyId, key }))),
  ];
}

/** Two answers are the same when they read the same as JSON (a multiple choice compared value by value, in order). */
export function sameAnswer(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function placesOfEither(a: Answers, b: Answers): AnswerPlace[] {
  const seen = new Map<string, AnswerPlace>();
  for (const place of [...answerPlaces(a), ...answerPlaces(b)]) seen.set(answerField(place), place);
  return [...seen.values()];
}

/** The answers that differ between two sets of answers. */
export function changedPlaces(before: Answers, after: Answers): AnswerPlace[] {
  return placesOfEither(before, after).filter((place) => !sameAnswer(answerAt(before, place), answerAt(after, place)));
}

export function sameAnswers(a: Answers, b: Answers): boolean {
  return changedPlaces(a, b).length === 0;
}

/**
 * What to save: the answers the server holds now (`theirs`, perhaps changed by a co-investigator
 * since this page last saved), with each answer this page changed since then (`mine` against
 * `base`) put in, except the answers whose fields have a problem, which stay as the server has them
 * until they are fixed. An answer both changed is this page's.
 */
export function answersToSave(mine: Answers, base: Answers, theirs: Answers, blockedFields: ReadonlySet<string>): Answers {
  return changedPlaces(base, mine)
    .filter((place) => !blockedFields.has(answerField(place)))
    .reduce((answers, place) => withAnswer(answers, place, answerAt(mine, place)), theirs);
}

/**
 * The page's answers after the server answered a save: each answer not changed on the page since
 * `before` (what the server held when the save was sent) takes the server's value (a co-investigator's
 * answer appears), each changed one stays as typed, to be sent by the next save.
 */
export function rebaseAnswers(mine: Answers, before: Answers, after: Answers): Answers {
  return placesOfEither(before, after)
    .filter((place) => sameAnswer(answerAt(mine, place), answerAt(before, place)))
    .reduce((answers, place) => withAnswer(answers, place, answerAt(after, place)), mine);
}

/** The problems by the field they concern (the first one of each field). */
export function problemsByField(problems: readonly AnswerProblem[]): ReadonlyMap<string, AnswerProblem> {
  const byField = new Map<string, AnswerProblem>();
  for (const problem of problems) if (!byField.has(problem.field)) byField.set(problem.field, problem);
  return byField;
}

/** A problem the api reported for an answer it refused, with the answer it refused. */
export interface RefusedAnswer {
  readonly field: string;
  readonly message: { readonly en: string; readonly ja: string };
  readonly value: unknown;
}

/**
 * The api's refusal of a save (400 problem+json), as problems at the answers it names: each error
 * with an answers field, in English (`message`) and Japanese (`messageJa`), with the value sent.
 */
export function refusedAnswers(
  errors: readonly { readonly field: string; readonly message: string; readonly [extension: string]: unknown }[],
  sent: Answers,
): RefusedAnswer[] {
  return errors.flatMap((error) => {
    const place = answerPlaceOf(error.field);
    if (!place) return [];
    const ja = typeof error['messageJa'] === 'string' ? error['messageJa'] : error.message;
    return [{ field: error.field, message: { en: error.message, ja }, value: answerAt(sent, place) }];
  });
}

/** The refusals that still hold: those whose answer is still the one refused. */
export function standingRefusals(refusals: readonly RefusedAnswer[], answers: Answers): RefusedAnswer[] {
  return refusals.filter((refusal) => {
    const place = answerPlaceOf(refusal.field);
    return place !== undefined && sameAnswer(answerAt(answers, place), refusal.value);
  });
}

/** The questions asked once for the proposal, and those asked of each side. */
export function questionsOfScope(questions: readonly Question[], scope: Question['scope']): readonly Question[] {
  return questions.filter((question) => question.scope === scope);
}

/**
 * The required answers still missing for submission, counted as the check at submit counts them
 * (once for each side for a side's question); document questions are answered by uploads and not
 * counted here.
 */
export function missingCount(submitProblems: readonly AnswerProblem[]): number {
  return submitProblems.filter((problem) => problem.code === 'ANSWER_MISSING' && problem.key !== '').length;
}

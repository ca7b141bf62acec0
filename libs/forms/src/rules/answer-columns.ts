import { KEY_PATTERN, type Question } from './form-definition.js';

/**
 * The answers to a call's form as columns of a CSV export: one column per question key, headed by
 * the question's label in the CSV's language and its key in brackets (`Budget plan [budget_plan]`),
 * so that the header stays unique and a program reading the file maps it back to its key. A cell
 * holds the answer as a reader of that language writes it: text as is, numbers plain, dates
 * YYYY-MM-DD, yes/no as words, choices by their labels.
 */

export type CellLanguage = 'en' | 'ja';

/** One version of a call's form. */
export interface FormVersionQuestions {
  readonly version: number;
  readonly questions: readonly Question[];
}

/** The answers a submission froze, on the form version they answer. */
export interface SubmittedAnswers {
  readonly formVersion: number;
  readonly answers: Readonly<Record<string, unknown>>;
}

const YES_NO: Readonly<Record<CellLanguage, readonly [string, string]>> = { en: ['Yes', 'No'], ja: ['はい', 'いいえ'] };

/** Several choices in one cell, one per line. */
export const CHOICE_SEPARATOR = '\n';

/**
 * The question of each column, in order: every question of the latest version in its order, then
 * the keys only older versions asked (newest version first), each as the latest version that asks it
 * words it. Document questions are answered by an upload, not by a value: they get no column.
 */
export function questionColumns(versions: readonly FormVersionQuestions[]): Question[] {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const columns = new Map<string, Question>();
  for (const { questions } of newestFirst) {
    for (const question of questions) {
      if (question.type !== 'document' && !columns.has(question.key)) columns.set(question.key, question);
    }
  }
  return [...columns.values()];
}

/** The header of a question's column: its label in the language, then its key in brackets. */
export function questionHeader(question: Pick<Question, 'key' | 'label'>, language: CellLanguage): string {
  return `${question.label[language]} [${question.key}]`;
}

/** The question key a header made by {@link questionHeader} names, or null for any other header. */
export function keyOfHeader(header: string): string | null {
  const match = / \[([^\]]+)\]$/.exec(header);
  return match?.[1] !== undefined && KEY_PATTERN.test(match[1]) ? match[1] : null;
}

/**
 * A number as plain digits: no grouping, no exponent (1e21 reads 1000000000000000000000, 1e-7 reads
 * 0.0000001), and the shortest digits that read back as the same number.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, first, rest = '', exponentText] = match;
  const digits = `${first}${rest}`;
  const exponent = Number(exponentText);
  // The decimal point sits after the first digit; move it by the exponent.
  const point = 1 + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A stored value of an unexpected shape (a form changed by hand, say), as plain text rather than dropped. */
function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

function choiceLabel(question: Question, value: unknown, language: CellLanguage): string {
  const choice = question.choices?.find((c) => c.value === value);
  return choice ? choice.label[language] : asText(value);
}

/** One answer as a cell of the question's column; null (a blank cell) when there is no answer. */
export function answerCell(question: Question, value: unknown, language: CellLanguage): string | null {
  if (value === undefined || value === null) return null;
  switch (question.type) {
    case 'short_text':
    case 'long_text':
    case 'url':
      return asText(value);
    case 'number':
      return typeof value === 'number' ? plainNumber(value) : asText(value);
    case 'date':
      // Stored as a full date (format: date); an instant, should one be there, keeps its day as written.
      return typeof value === 'string' ? value.slice(0, 10) : asText(value);
    case 'yes_no':
      return typeof value === 'boolean' ? YES_NO[language][value ? 0 : 1] : asText(value);
    case 'single_choice':
      return choiceLabel(question, value, language);
    case 'multiple_choice':
      return (Array.isArray(value) ? value : [value]).map((v) => choiceLabel(question, v, language)).join(CHOICE_SEPARATOR);
    case 'document':
      return null;
  }
}

function part(answers: Readonly<Record<string, unknown>>, name: string): Readonly<Record<string, unknown>> {
  const value = answers[name];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The cell of a column on the row of one side: the submitted answer to the column's key, read as
 * the form version the submission answered asks it (its scope, type and choices; the column's own
 * question when that version did not ask it). A proposal question's answer shows on every side's
 * row; a side question's answer on its own side's row.
 */
export function submittedAnswerCell(
  column: Question,
  versions: ReadonlyMap<number, readonly Question[]>,
  submitted: SubmittedAnswers,
  agencyId: string,
  language: CellLanguage,
): string | null {
  const asked = versions.get(submitted.formVersion)?.find((q) => q.key === column.key) ?? column;
  if (asked.type === 'document') return null;
  const answers = asked.scope === 'side' ? part(part(submitted.answers, 'sides'), agencyId) : part(submitted.answers, 'proposal');
  return answerCell(asked, answers[column.key], language);
}

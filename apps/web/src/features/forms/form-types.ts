/**
 * A call's questions as the api sends them (getCallForm, getApplicationAnswers,
 * getSubmittedAnswers): the api types them as free objects, these are their shape (libs/forms
 * rules/form-definition.ts is the authority; putCallForm refuses anything else by path).
 */

export type Language = 'en' | 'ja';

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

export type QuestionScope = 'proposal' | 'side';
export type AnswerVisibility = 'reviewers' | 'office_agency';

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
  readonly maxChars?: number;
  readonly maxWords?: number;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly choices?: readonly Choice[];
  readonly documentRequirementId?: string;
}

/** `{ proposal: { key: value }, sides: { agencyId: { key: value } } }`; a draft's may be incomplete. */
export interface Answers {
  readonly proposal?: Readonly<Record<string, unknown>>;
  readonly sides?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** The api's free objects, read as questions. */
export const asQuestions = (items: readonly Record<string, unknown>[]): readonly Question[] => items as unknown as readonly Question[];

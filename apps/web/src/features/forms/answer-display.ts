import type { Choice, LocalizedText, Question } from './form-types';

/** What a submitted answer shows, by what it is; the page puts it in words in the reader's language. */
export type AnswerDisplay =
  | { readonly kind: 'none' }
  /** A document question: the files submitted for it, when the reader knows them (else none listed). */
  | { readonly kind: 'document'; readonly files: readonly string[] }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly day: string }
  | { readonly kind: 'yesNo'; readonly value: boolean }
  | { readonly kind: 'link'; readonly href: string }
  | { readonly kind: 'choices'; readonly choices: readonly { readonly value: string; readonly label: LocalizedText | null }[] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WEB_ADDRESS = /^https?:\/\/[^/?#\s]/i;

function choiceOf(choices: readonly Choice[] | undefined, value: string) {
  return { value, label: choices?.find((choice) => choice.value === value)?.label ?? null };
}

/**
 * A submitted answer as the pages show it. Whatever the answer holds is shown as text when it is not
 * of its question's type (never dropped), a web address is a link only when it is an http(s) one, and
 * a text of white space only is no answer. A document question has no answer value: its "value" is
 * the names of the files submitted for its document requirement when the reader knows them (none
 * submitted is no answer), undefined when not.
 */
export function answerDisplay(question: Question, value: unknown): AnswerDisplay {
  if (question.type === 'document') {
    if (!Array.isArray(value)) return { kind: 'document', files: [] };
    return value.length === 0 ? { kind: 'none' } : { kind: 'document', files: value.map(String) };
  }
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return { kind: 'none' };
  if (Array.isArray(value) && value.length === 0) return { kind: 'none' };
  switch (question.type) {
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'number', value };
      break;
    case 'date':
      if (typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
        return { kind: 'date', day: value };
      break;
    case 'yes_no':
      if (typeof value === 'boolean') return { kind: 'yesNo', value };
      break;
    case 'url':
      if (typeof value === 'string' && WEB_ADDRESS.test(value.trim())) return { kind: 'link', href: value.trim() };
      break;
    case 'single_choice':
      if (typeof value === 'string') return { kind: 'choices', choices: [choiceOf(question.choices, value)] };
      break;
    case 'multiple_choice':
      if (Array.isArray(value)) return { kind: 'choices', choices: value.map((v) => choiceOf(question.choices, String(v))) };
      break;
    default:
      break;
  }
  return { kind: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) };
}

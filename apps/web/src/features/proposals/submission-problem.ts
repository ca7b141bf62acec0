import type { TFunction } from 'i18next';
import { formatMoney } from '../../lib/format';
import { answerFieldId, answerPlaceOf } from '../forms/answers-model';
import type { SubmissionProblem } from './proposal-queries';

/**
 * The id of the element a problem's field path points to: `sides[0].budgetPerYear` →
 * `field-sides-0-budgetPerYear`, `documents.<requirement>.<agency>` → `field-documents-<requirement>-<agency>`
 * (the file input of that document's slot). The editor gives its inputs these ids, so a problem links to its input.
 */
export function fieldAnchor(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`;
}

/**
 * Where a problem's link goes: the input of the question an answer problem names (the editor's
 * question fields, by questionFieldId), else the element of its field path.
 */
export function problemAnchor(field: string): string {
  return answerFieldId(field) ?? fieldAnchor(field);
}

/** The call's questions as a problem of their answers names them, in the reader's language. */
export interface AnswerNames {
  /** The question's label. */
  readonly label: (key: string) => string | undefined;
  /** What is wrong with the answer of a field, as the page's own check says it. */
  readonly reason: (field: string) => string | undefined;
}

const NO_ANSWER_NAMES: AnswerNames = { label: () => undefined, reason: () => undefined };

/** The document a problem's field names (`documents.<requirement>` or `documents.<requirement>.<agency>`), if it names one. */
export function documentOfField(field: string): { readonly requirementId: string; readonly agencyId: string | null } | undefined {
  const match = /^documents\.([^.]+)(?:\.([^.]+))?$/.exec(field);
  if (!match?.[1]) return undefined;
  return { requirementId: match[1], agencyId: match[2] ?? null };
}

/** The part of a field path that names the thing itself: `sides[1].budgetPerYear` → `budgetPerYear`. */
function leaf(path: string): string {
  return path.replace(/^sides\[\d+\]\.?/, '') || path;
}

/**
 * A submission problem in the reader's language: the message of its code, naming the field (or the
 * document, by the label the call gives it) and, for one side, its agency; the server's own English
 * sentence is never shown.
 */
export function describeSubmissionProblem(
  problem: SubmissionProblem,
  agencyName: (agencyId: string) => string,
  t: TFunction,
  language: string,
  documentLabel: (requirementId: string) => string | undefined = () => undefined,
  answerNames: AnswerNames = NO_ANSWER_NAMES,
): string {
  const agency = problem.agencyId === undefined ? '' : agencyName(problem.agencyId);
  const text = problemText(problem, t, language, documentLabel, answerNames);
  return agency === '' ? text : t('check.ofSide', { agency, text });
}

function problemText(
  problem: SubmissionProblem,
  t: TFunction,
  language: string,
  documentLabel: (requirementId: string) => string | undefined,
  answerNames: AnswerNames,
): string {
  if (problem.code.startsWith('ANSWER_')) {
    const place = answerPlaceOf(problem.field);
    const question = (place && answerNames.label(place.key)) || place?.key || t('forms.check.aQuestion');
    const reason = answerNames.reason(problem.field) ?? t('forms.check.notValid');
    return t(`forms.check.${problem.code}`, { question, reason, defaultValue: t('forms.check.ANSWER_INVALID', { question, reason }) });
  }
  const document = documentOfField(problem.field);
  if (problem.code.startsWith('DOCUMENT_') || document) {
    const label = (document && documentLabel(document.requirementId)) || t('proposalDocuments.check.aDocument');
    return t(`proposalDocuments.check.${problem.code}`, {
      document: label,
      defaultValue: t('proposalDocuments.check.OTHER', { document: label }),
    });
  }
  const field = t(`check.fields.${leaf(problem.field)}`, { defaultValue: leaf(problem.field) });
  const caps = (problem.caps ?? [])
    .map((cap) => t(`check.caps.${cap.cap}`, { amount: formatMoney(cap.amount, cap.currency, language) }))
    .join(t('check.capsJoin'));
  return t(`check.codes.${problem.code}`, { field, caps, defaultValue: t('check.codes.OTHER', { field }) });
}

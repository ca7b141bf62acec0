import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Localized } from '../../ui/Localized';
import { AnswerView } from './AnswerView';
import { answerAt, questionsOfScope } from './answers-model';
import type { Answers, Question } from './form-types';
import './forms.css';

/**
 * The answers of a submission to the call's questions, read-only: the proposal's, then each side's
 * under its agency. Only the questions given are shown: the api gives a reviewer only those meant
 * for reviewers, and the rest are marked as kept from reviewers for the readers who see them.
 */
export function SubmittedAnswers({
  questions,
  answers,
  agencies,
  level,
  idPrefix,
  documents,
}: {
  readonly questions: readonly Question[];
  readonly answers: Answers;
  /** The proposal's sides, in order, to name each side's answers. */
  readonly agencies: readonly { readonly id: string; readonly shortName: string }[];
  /** The level of the heading over the answers; each side's heading is one below. */
  readonly level: 3 | 4;
  readonly idPrefix: string;
  /** The submission's documents: a document question's answer is the file submitted for its requirement. */
  readonly documents: readonly SubmittedFile[];
}): JSX.Element | null {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  const proposal = questionsOfScope(questions, 'proposal');
  const side = questionsOfScope(questions, 'side');
  const Heading = level === 3 ? 'h3' : 'h4';
  const SideHeading = level === 3 ? 'h4' : 'h5';
  const headingId = `${idPrefix}-heading`;
  return (
    <section className="submitted-answers" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('forms.submitted.heading')}</Heading>
      {proposal.length > 0 && <AnswerList questions={proposal} answers={answers} agencyId={null} documents={documents} />}
      {side.length > 0 &&
        agencies.map((agency) => (
          <section key={agency.id} aria-labelledby={`${idPrefix}-side-${agency.id}`}>
            <SideHeading id={`${idPrefix}-side-${agency.id}`}>{t('forms.submitted.ofSide', { agency: agency.shortName })}</SideHeading>
            <AnswerList questions={side} answers={answers} agencyId={agency.id} documents={documents} />
          </section>
        ))}
    </section>
  );
}

export interface SubmittedFile {
  readonly requirementId: string;
  readonly agencyId: string | null;
  readonly fileName: string;
}

/** What a document question shows: the files submitted for its requirement (a side's question: that side's). */
function filesOf(question: Question, agencyId: string | null, documents: readonly SubmittedFile[]): readonly string[] {
  return documents
    .filter((d) => d.requirementId === question.documentRequirementId && (agencyId === null || d.agencyId === agencyId))
    .map((d) => d.fileName);
}

function AnswerList({
  questions,
  answers,
  agencyId,
  documents,
}: {
  readonly questions: readonly Question[];
  readonly answers: Answers;
  readonly agencyId: string | null;
  readonly documents: readonly SubmittedFile[];
}) {
  const { t } = useTranslation();
  return (
    <dl className="answers">
      {questions.map((question) => (
        <div key={question.key} className="answer">
          <dt>
            <Localized text={question.label} />
            {question.visibility === 'office_agency' && (
              <>
                {' '}
                <span className="badge">{t('forms.submitted.notForReviewers')}</span>
              </>
            )}
          </dt>
          <dd>
            <AnswerView
              question={question}
              value={
                question.type === 'document' ? filesOf(question, agencyId, documents) : answerAt(answers, { agencyId, key: question.key })
              }
            />
          </dd>
        </div>
      ))}
    </dl>
  );
}

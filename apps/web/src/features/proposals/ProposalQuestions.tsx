import type { FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../lib/format';
import { answerAt, type AnswerPlace, answersIdPrefix, formLanguage, questionsOfScope } from '../forms/answers-model';
import { asQuestions, type Question } from '../forms/form-types';
import { QuestionField } from '../forms/QuestionField';
import type { Autosave } from './use-autosave';
import type { DraftAnswers } from './use-draft-answers';
import { type ApplicationAnswers, useCallForm } from './proposal-queries';
import { fieldAnchor } from './submission-problem';

interface QuestionsProps {
  readonly draft: DraftAnswers;
  /** Sets an answer and tells the autosave. */
  readonly onAnswer: (place: AnswerPlace, value: unknown) => void;
  /** Pauses the autosave while an input method composes. */
  readonly composition: Autosave['compositionHandlers'];
}

/**
 * The call's own questions asked once for the whole proposal, with what is still missing for
 * submission and, when the call's form has a newer version than the one this draft answers, what
 * that version changed. Each side's questions are in its part of the Sides section.
 */
export function ProposalQuestions({
  form,
  callId,
  ...props
}: QuestionsProps & { readonly form: ApplicationAnswers; readonly callId: string }) {
  const { t } = useTranslation();
  const { draft } = props;
  if (draft.questions.length === 0) return null;
  const proposal = questionsOfScope(draft.questions, 'proposal');
  const anyRequired = draft.questions.some((question) => question.required && question.type !== 'document');
  return (
    <section className="card" aria-labelledby="questions-heading" id={fieldAnchor('answers')} tabIndex={-1}>
      <h2 id="questions-heading">{t('forms.editor.heading')}</h2>
      <p className="muted">{t('forms.editor.intro')}</p>
      {form.changes.length > 0 && <NewerVersion form={form} callId={callId} questions={draft.questions} />}
      {anyRequired && (
        <p className="small">{draft.missing > 0 ? t('forms.editor.remaining', { count: draft.missing }) : t('forms.editor.allAnswered')}</p>
      )}
      {proposal.length > 0 ? <QuestionList {...props} questions={proposal} agencyId={null} /> : <p>{t('forms.editor.onlySides')}</p>}
    </section>
  );
}

/** One side's questions, in that side's part of the editor. */
export function SideQuestions({ agencyId, ...props }: QuestionsProps & { readonly agencyId: string }) {
  const { t } = useTranslation();
  const side = questionsOfScope(props.draft.questions, 'side');
  if (side.length === 0) return null;
  const headingId = `side-questions-${agencyId}`;
  return (
    <section className="side-questions" aria-labelledby={headingId} id={fieldAnchor(`answers.sides.${agencyId}`)} tabIndex={-1}>
      <h3 id={headingId}>{t('forms.editor.sideHeading')}</h3>
      <QuestionList {...props} questions={side} agencyId={agencyId} />
    </section>
  );
}

function QuestionList({
  questions,
  agencyId,
  draft,
  onAnswer,
  composition,
}: QuestionsProps & { readonly questions: readonly Question[]; readonly agencyId: string | null }) {
  const { i18n } = useTranslation();
  const language = formLanguage(i18n.language);
  return (
    <>
      {questions.map((question) => {
        const place = { agencyId, key: question.key };
        // Focus moving between the radios of one question is not leaving it.
        const left = (event: FocusEvent<HTMLDivElement>) => {
          if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) draft.leave(place);
        };
        return (
          // Only a wrapper: it hears the field lose focus and an input method compose, and means nothing itself.
          <div key={question.key} role="presentation" onBlur={left} {...composition}>
            <QuestionField
              question={question}
              value={answerAt(draft.answers, place)}
              onChange={(value) => onAnswer(place, value)}
              language={language}
              idPrefix={answersIdPrefix(agencyId)}
              problem={draft.problemAt(place, language)}
            />
          </div>
        );
      })}
    </>
  );
}

/** The call's form changed after this draft began: the draft keeps its version; what changed is listed by question. */
function NewerVersion({
  form,
  callId,
  questions,
}: {
  readonly form: ApplicationAnswers;
  readonly callId: string;
  readonly questions: readonly Question[];
}) {
  const { t, i18n } = useTranslation();
  const latest = useCallForm(callId, true);
  const latestQuestions = latest.data ? asQuestions(latest.data.questions) : [];
  const labelOf = (key: string) => {
    const question = latestQuestions.find((q) => q.key === key) ?? questions.find((q) => q.key === key);
    return question ? pick(question.label, i18n.language) : key;
  };
  return (
    <div className="alert alert-info" role="note" aria-labelledby="newer-form-title">
      <p>
        <strong id="newer-form-title">{t('forms.editor.newer.title')}</strong>
      </p>
      <p>{t('forms.editor.newer.text', { own: form.formVersion, latest: form.latestVersion })}</p>
      <ul>
        {form.changes.map((change) => (
          <li key={change.key}>
            {t('forms.editor.newer.item', { question: labelOf(change.key), change: t(`forms.editor.newer.${change.change}`) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

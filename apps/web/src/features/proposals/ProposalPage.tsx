import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { PageFallback } from '../../app/NotFoundPage';
import { pagePath } from '../../app/page-paths';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Loading, Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { useCall } from '../calls/calls-queries';
import { EventTimeline } from './EventTimeline';
import { type EditorHandle, ProposalEditor } from './ProposalEditor';
import {
  type Application,
  type ApplicationAnswers,
  type SubmissionProblem,
  useApplication,
  useApplicationEvents,
  useCheckApplication,
  useReopenApplication,
  useApplicationAnswers,
  useSubmitApplication,
  useWithdrawApplication,
} from './proposal-queries';
import { ReadOnlyProposal } from './ReadOnlyProposal';
import { type AnswerNames, describeSubmissionProblem, fieldAnchor, problemAnchor } from './submission-problem';
import { type AnswerProblem, validateAnswers } from '../forms/answer-validation';
import { answersOf, formLanguage, problemsByField } from '../forms/answers-model';
import { asQuestions } from '../forms/form-types';
import { useApplicationDocuments } from './document-queries';
import { DocumentsSection } from './DocumentsSection';
import { SubmissionsSection } from './SubmissionsSection';
import { pick } from '../../lib/format';
import { Localized } from '../../ui/Localized';
import { ApplicantDecisions } from '../agency-review/OutcomeSummary';

/** A proposal: the editor while it is a draft, else what was submitted; validate, submit, reopen, withdraw, history. */
export function ProposalPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const found = useApplication(id);
  const callId = found.data?.call.id;

  if (found.error || !found.data) return <PageFallback query={found} />;
  if (!callId) return <Loading />;
  return <ProposalView key={found.data.id} application={found.data} language={i18n.language} title={t('proposal.pageTitle')} />;
}

function ProposalView({
  application,
  language,
  title,
}: {
  readonly application: Application;
  readonly language: string;
  readonly title: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const agencyName = (agencyId: string) => application.sides.find((s) => s.agency.id === agencyId)?.agency.shortName ?? agencyId;
  const callQuery = useCall(application.call.id);
  const events = useApplicationEvents(application.id);
  const editor = useRef<EditorHandle>(null);
  const check = useCheckApplication(application.id);
  const submit = useSubmitApplication(application.id);
  const reopen = useReopenApplication(application.id);
  const withdraw = useWithdrawApplication(application.id);
  const submitKey = useRef<string>(undefined);
  const [problems, setProblems] = useState<readonly SubmissionProblem[]>();
  const problemsHeading = useRef<HTMLHeadingElement>(null);
  const may = (action: Application['allowedActions'][number]) => application.allowedActions.includes(action);
  const editable = may('edit');
  const documents = useApplicationDocuments(application.id);
  const documentLabel = (requirementId: string) => {
    const slot = documents.data?.slots.find((s) => s.requirement.id === requirementId);
    return slot && pick(slot.requirement.label, language);
  };
  const form = useApplicationAnswers(application.id, editable);
  const answerProblems = useSubmitAnswerProblems(form.data);
  const answerNames = useAnswerNames(form.data, answerProblems, language);

  useEffect(() => {
    if (problems) problemsHeading.current?.focus();
  }, [problems]);

  const validate = async () => {
    if (editor.current && !(await editor.current.flush())) return;
    const result = await check.mutateAsync();
    setProblems(result.problems);
    editor.current?.revealMissingAnswers();
  };

  const doSubmit = async () => {
    if (submit.isPending) return;
    if (editor.current && !(await editor.current.flush())) return;
    // One key per attempt: a double click or a retry after a network error sends the same one.
    submitKey.current ??= crypto.randomUUID();
    try {
      await submit.mutateAsync(submitKey.current);
      submitKey.current = undefined;
      await navigate(pagePath('proposalReceipt', { id: application.id }));
    } catch (error) {
      if (error instanceof ApiError) {
        submitKey.current = undefined;
        // Submit refuses with the same problems the check lists.
        const listed = error.problem.errors;
        if (listed && listed.length > 0 && listed.every((e) => typeof e['code'] === 'string')) {
          setProblems(listed as unknown as SubmissionProblem[]);
          editor.current?.revealMissingAnswers();
        }
      }
    }
  };

  const returned = events.data
    ?.slice()
    .reverse()
    .find((event) => event.comment && event.to === 'returned');

  return (
    <Page
      title={application.title || title}
      actions={
        <>
          {application.receipts.length > 0 && (
            <Link className="button button-secondary" to={pagePath('proposalReceipt', { id: application.id })}>
              {t('proposal.receipt')}
            </Link>
          )}
          {may('reopen') && (
            <ConfirmButton label={t('proposal.reopen')} question={t('proposal.reopenQuestion')} onConfirm={() => reopen.mutate()} />
          )}
          {may('withdraw') && (
            <ConfirmButton
              label={t('proposal.withdraw')}
              question={t('proposal.withdrawQuestion')}
              danger
              onConfirm={() => withdraw.mutate()}
            />
          )}
        </>
      }
    >
      <p className="muted">
        <Link to={pagePath('researcherCall', { callId: application.call.id })}>
          <Localized text={application.call.title} />
        </Link>{' '}
        · <StatusBadge status={application.status} />
      </p>
      <ProblemAlert error={reopen.error ?? withdraw.error} />
      {returned && application.status === 'returned' && (
        <div className="alert alert-warn" role="note">
          <p>
            <strong>{t('proposal.returnedBy', { agency: returned.agency ?? '' })}</strong>
          </p>
          <p className="pre-line">{returned.comment}</p>
        </div>
      )}

      {editable && <ProblemAlert error={form.error} />}
      {editable && callQuery.data && (form.data || form.error) && (
        <ProposalEditor ref={editor} application={application} call={callQuery.data} form={form.data ?? null} />
      )}
      {!editable && <ApplicantDecisions application={application} />}
      {!editable && <ReadOnlyProposal application={application} />}
      {editable && (!callQuery.data || (!form.data && !form.error)) && <Loading />}
      <DocumentsSection application={application} editable={editable} />

      {editable && (
        <section className="card no-print" aria-labelledby="submit-heading">
          <h2 id="submit-heading">{t('proposal.checkAndSubmit')}</h2>
          <p className="muted">{t('proposal.checkHint')}</p>
          <div className="inline">
            <button type="button" className="button-secondary" onClick={() => void validate()} disabled={check.isPending}>
              {t('proposal.validate')}
            </button>
            {may('submit') && (
              <button type="button" onClick={() => void doSubmit()} aria-disabled={submit.isPending}>
                {t('proposal.submit')}
              </button>
            )}
          </div>
          <ProblemAlert error={check.error ?? (problems ? undefined : submit.error)} />
          {problems && (
            <div role="region" aria-labelledby="problems-heading">
              <h3 id="problems-heading" ref={problemsHeading} tabIndex={-1}>
                {problems.length === 0 ? t('proposal.noProblems') : t('proposal.problems', { count: problems.length })}
              </h3>
              <ul>
                {problems.map((problem) => (
                  <li key={`${problem.code}:${problem.field}:${problem.agencyId ?? ''}`}>
                    <a href={`#${problemAnchor(problem.field)}`} onClick={(event) => focusField(event, problem.field)}>
                      {describeSubmissionProblem(problem, agencyName, t, language, documentLabel, answerNames)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}

      <SubmissionsSection application={application} />

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('proposal.history')}</h2>
        <ProblemAlert error={events.error} />
        {events.data && <EventTimeline events={events.data} />}
      </section>
    </Page>
  );
}

/** The page's own check of the saved answers at submit, question by question (each side's part there, empty or not). */
function useSubmitAnswerProblems(form: ApplicationAnswers | undefined): readonly AnswerProblem[] {
  return useMemo(() => (form && form.formVersion !== null ? validateAnswers(form.submitSchema, answersOf(form.answers)) : []), [form]);
}

/**
 * The call's questions as the problems list names them: by their label, and what is wrong with an
 * answer as the page's own check says it (the api's sentence is English only), in the page's language.
 */
function useAnswerNames(form: ApplicationAnswers | undefined, answerProblems: readonly AnswerProblem[], language: string): AnswerNames {
  return useMemo(() => {
    if (!form) return { label: () => undefined, reason: () => undefined };
    const questions = asQuestions(form.questions);
    const problems = problemsByField(answerProblems);
    const lang = formLanguage(language);
    return {
      label: (key: string) => {
        const question = questions.find((q) => q.key === key);
        return question && pick(question.label, lang);
      },
      reason: (field: string) => problems.get(field)?.message[lang],
    };
  }, [form, answerProblems, language]);
}

/** A problem's link moves focus to the input it concerns (or the nearest section holding it). */
function focusField(event: React.MouseEvent<HTMLAnchorElement>, path: string) {
  const candidates = [problemAnchor(path), fieldAnchor(path.replace(/\.[^.]*$/, '')), fieldAnchor(path.split('.')[0] ?? path)];
  const target = candidates.map((id) => document.getElementById(id)).find((element) => element !== null);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatMoney, pick, viewerTimeZone } from '../../lib/format';
import { QueryState } from '../../ui/ProblemAlert';
import { useCall } from '../calls/calls-queries';
import { answersOf } from '../forms/answers-model';
import { asQuestions } from '../forms/form-types';
import { SubmittedAnswers } from '../forms/SubmittedAnswers';
import { type SubmissionHead, useSubmission, useSubmissions } from './document-queries';
import { useSubmittedAnswers } from '../forms/forms-queries';
import { type Application } from './proposal-queries';
import { SubmissionComparison } from './SubmissionComparison';
import { SubmittedDocuments } from './SubmittedDocuments';
import './documents.css';

/**
 * Every time the proposal was submitted, as it was then (frozen: nothing changes it afterwards),
 * and what changed from one submission to another. Shown once there is a submission.
 */
export function SubmissionsSection({ application }: { readonly application: Application }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const list = useSubmissions(application.id);
  const [viewing, setViewing] = useState<number>();
  const [chosen, setChosen] = useState<{ readonly from: number; readonly to: number }>();
  const heads = list.data ?? [];
  if (list.data?.length === 0) return null;

  const latest = heads.at(-1)?.number;
  const previous = heads.at(-2)?.number;
  const from = chosen?.from ?? previous;
  const to = chosen?.to ?? latest;
  const when = (head: SubmissionHead) => formatInstant(head.submittedAt, language, viewerTimeZone());

  return (
    <section aria-labelledby="submissions-heading">
      <h2 id="submissions-heading">{t('proposalDocuments.submissions.title')}</h2>
      <QueryState query={list} />
      {heads.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('proposalDocuments.submissions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('proposalDocuments.submissions.number')}</th>
                <th scope="col">{t('proposalDocuments.submissions.submittedAt')}</th>
                <th scope="col">{t('proposalDocuments.submissions.submittedBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('proposalDocuments.file.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {heads
                .slice()
                .reverse()
                .map((head) => (
                  <tr key={head.number}>
                    <th scope="row">{t('proposalDocuments.submissions.numbered', { number: head.number })}</th>
                    <td>
                      <time dateTime={head.submittedAt}>{when(head)}</time>
                    </td>
                    <td>{head.submittedBy.name}</td>
                    <td>
                      <button
                        type="button"
                        className="button-secondary"
                        aria-expanded={viewing === head.number}
                        aria-controls="submission-view"
                        onClick={() => setViewing(viewing === head.number ? undefined : head.number)}
                      >
                        {viewing === head.number
                          ? t('proposalDocuments.submissions.hide', { number: head.number })
                          : t('proposalDocuments.submissions.view', { number: head.number })}
                      </button>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      <div id="submission-view">{viewing !== undefined && <SubmissionView application={application} number={viewing} />}</div>

      {heads.length > 1 && from !== undefined && to !== undefined && (
        <section className="card submission-compare" aria-labelledby="compare-heading">
          <h3 id="compare-heading">{t('proposalDocuments.comparison.title')}</h3>
          <div className="inline">
            <div className="field">
              <label htmlFor="compare-from">{t('proposalDocuments.comparison.from')}</label>
              <select id="compare-from" value={from} onChange={(e) => setChosen({ from: Number(e.target.value), to })}>
                {heads.map((head) => (
                  <option key={head.number} value={head.number}>
                    {t('proposalDocuments.submissions.option', { number: head.number, time: when(head) })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="compare-to">{t('proposalDocuments.comparison.to')}</label>
              <select id="compare-to" value={to} onChange={(e) => setChosen({ from, to: Number(e.target.value) })}>
                {heads.map((head) => (
                  <option key={head.number} value={head.number}>
                    {t('proposalDocuments.submissions.option', { number: head.number, time: when(head) })}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {from === to ? (
            <p className="muted">{t('proposalDocuments.comparison.same')}</p>
          ) : (
            <SubmissionComparison application={application} from={Math.min(from, to)} to={Math.max(from, to)} />
          )}
        </section>
      )}
    </section>
  );
}

/**
 * One submission as it was submitted: the proposal, its sides and team, its documents with their
 * SHA-256 and, for the latest, its answers to the call's questions.
 */
export function SubmissionView({ application, number }: { readonly application: Application; readonly number: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const submission = useSubmission(application.id, number);
  const call = useCall(application.call.id).data;
  const answers = useSubmittedAnswers(application.id);
  const data = submission.data;
  const headingId = `submission-${number}-heading`;
  if (!data) {
    return <QueryState query={submission} />;
  }
  const { proposal } = data;
  const field = call?.fieldDetails.find((f) => f.code === proposal.fieldCode);
  const track = call?.tracks.find((tr) => tr.id === proposal.trackId);
  const agencyName = (agencyId: string) => proposal.sides.find((s) => s.agencyId === agencyId)?.agencyShortName ?? agencyId;
  return (
    <section className="card submission-view" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('proposalDocuments.submissions.numbered', { number: data.number })}</h3>
      <p className="muted">
        {t('proposalDocuments.submissions.submittedAtBy', {
          time: formatInstant(data.submittedAt, language, viewerTimeZone()),
          name: data.submittedBy.name,
        })}
      </p>
      <dl className="facts">
        <dt>{t('proposal.title')}</dt>
        <dd>{proposal.title}</dd>
        <dt>{t('proposal.abstract')}</dt>
        <dd className="pre-line">{proposal.abstract || t('common.none')}</dd>
        <dt>{t('proposal.track')}</dt>
        <dd>{track ? pick(track.name, language) : t('common.none')}</dd>
        <dt>{t('proposal.field')}</dt>
        <dd>{field ? pick(field.name, language) : (proposal.fieldCode ?? t('common.none'))}</dd>
        <dt>{t('proposal.keywords')}</dt>
        <dd>{proposal.keywords.join(', ') || t('common.none')}</dd>
        <dt>{t('proposal.duration')}</dt>
        <dd>{proposal.durationMonths ?? t('common.none')}</dd>
      </dl>

      <h4>{t('proposal.sectionSides')}</h4>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('proposal.sectionSides')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calls.agency')}</th>
              <th scope="col">{t('calls.role')}</th>
              <th scope="col">{t('proposal.sidePi')}</th>
              <th scope="col">{t('proposal.institution')}</th>
              <th scope="col">{t('proposal.budgetTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {proposal.sides.map((side) => (
              <tr key={side.agencyId}>
                <th scope="row">{side.agencyShortName}</th>
                <td>{t(`calls.roles.${side.role}`)}</td>
                <td>{side.pi.name ?? t('common.none')}</td>
                <td>{side.institution?.shortName ?? t('common.none')}</td>
                <td>
                  {side.budgetCurrency
                    ? formatMoney(
                        side.budgetPerYear.reduce((sum, amount) => sum + amount, 0),
                        side.budgetCurrency,
                        language,
                      )
                    : t('common.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h4>{t('proposal.sectionTeam')}</h4>
      {proposal.members.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ul>
          {proposal.members.map((member) => (
            <li key={member.id}>
              {member.name} · {t(`roles.${member.role}`, { defaultValue: member.role })}
              {member.earlyCareer && ` · ${t('proposal.earlyCareer')}`}
            </li>
          ))}
        </ul>
      )}

      {answers.data?.submissionNumber === data.number ? (
        <SubmittedAnswers
          questions={asQuestions(answers.data.questions)}
          answers={answersOf(answers.data.answers)}
          agencies={proposal.sides.map((side) => ({ id: side.agencyId, shortName: side.agencyShortName }))}
          level={4}
          idPrefix={`submission-${data.number}-answers`}
          documents={data.documents}
        />
      ) : (
        answers.data && answers.data.questions.length > 0 && <p className="muted">{t('forms.submitted.onlyLatest')}</p>
      )}

      <h4>{t('proposalDocuments.documents.title')}</h4>
      <SubmittedDocuments
        documents={data.documents}
        agencyName={agencyName}
        caption={t('proposalDocuments.submitted.caption', { number: data.number })}
      />
    </section>
  );
}

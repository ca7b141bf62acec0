import { useTranslation } from 'react-i18next';
import { pick } from '../../lib/format';
import { Localized } from '../../ui/Localized';
import { QueryState } from '../../ui/ProblemAlert';
import { useCall } from '../calls/calls-queries';
import { type SubmissionComparison as Comparison, useSubmission, useSubmissionComparison } from './document-queries';
import { formatFileSize, shortHash } from './document-upload';
import type { Application } from './proposal-queries';
import { type ChangeContext, changeLabel, changeValueText } from './submission-comparison';
import './documents.css';

type DocumentBrief = Comparison['documents'][number]['before'];

/** What changed between two submissions: each field with its value before and after, and each document added, removed or replaced. */
export function SubmissionComparison({
  application,
  from,
  to,
}: {
  readonly application: Application;
  readonly from: number;
  readonly to: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const comparison = useSubmissionComparison(application.id, from, to);
  const later = useSubmission(application.id, to).data;
  const call = useCall(application.call.id).data;
  const agencyName = (agencyId: string) => application.sides.find((s) => s.agency.id === agencyId)?.agency.shortName ?? agencyId;

  const context: ChangeContext = {
    t,
    language,
    trackName: (id) => {
      const track = call?.tracks.find((tr) => tr.id === id);
      return track && pick(track.name, language);
    },
    fieldName: (code) => {
      const field = call?.fieldDetails.find((f) => f.code === code);
      return field && pick(field.name, language);
    },
    currencyOf: (agency) => later?.proposal.sides.find((s) => s.agencyShortName === agency)?.budgetCurrency,
  };

  const data = comparison.data;
  return (
    <div className="submission-changes" aria-live="polite" aria-busy={comparison.isFetching}>
      <QueryState query={comparison} />
      {data && data.fields.length === 0 && data.documents.length === 0 && (
        <p>{t('proposalDocuments.comparison.noChanges', { from: data.from, to: data.to })}</p>
      )}
      {data && data.fields.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t('proposalDocuments.comparison.fieldsCaption', { from: data.from, to: data.to })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('proposalDocuments.comparison.field')}</th>
                <th scope="col">{t('proposalDocuments.comparison.before', { number: data.from })}</th>
                <th scope="col">{t('proposalDocuments.comparison.after', { number: data.to })}</th>
              </tr>
            </thead>
            <tbody>
              {data.fields.map((change) => (
                <tr key={change.path}>
                  <th scope="row">{changeLabel(change.path, t)}</th>
                  <td className="pre-line">{changeValueText(change.path, change.before, context)}</td>
                  <td className="pre-line">{changeValueText(change.path, change.after, context)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.documents.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t('proposalDocuments.comparison.documentsCaption', { from: data.from, to: data.to })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('proposalDocuments.file.document')}</th>
                <th scope="col">{t('proposalDocuments.comparison.change')}</th>
                <th scope="col">{t('proposalDocuments.comparison.before', { number: data.from })}</th>
                <th scope="col">{t('proposalDocuments.comparison.after', { number: data.to })}</th>
              </tr>
            </thead>
            <tbody>
              {data.documents.map((change) => (
                <tr key={`${change.requirementId}/${change.agencyId ?? ''}`}>
                  <th scope="row">
                    <Localized text={change.label} />
                    {change.agencyId !== null && <span className="muted"> · {agencyName(change.agencyId)}</span>}
                  </th>
                  <td>{t(`proposalDocuments.comparison.changes.${change.change}`)}</td>
                  <td>
                    <Brief document={change.before} />
                  </td>
                  <td>
                    <Brief document={change.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** A document version in a comparison: its file name, size and short hash (the full one is in each submission's list). */
function Brief({ document }: { readonly document: DocumentBrief }) {
  const { t, i18n } = useTranslation();
  if (!document) return <>{t('common.none')}</>;
  return (
    <>
      {document.fileName}
      <span className="muted small nowrap"> · {formatFileSize(document.size, i18n.language)}</span>
      <br />
      <code className="hash-short" title={document.sha256}>
        {shortHash(document.sha256)}
      </code>
    </>
  );
}

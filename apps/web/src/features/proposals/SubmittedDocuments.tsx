import { useTranslation } from 'react-i18next';
import { Localized } from '../../ui/Localized';
import type { FrozenDocument } from './document-queries';
import { formatFileSize } from './document-upload';
import { DownloadVersionButton } from './DocumentFile';
import './documents.css';

/**
 * The documents of one frozen submission, as a receipt proves them: each file's name, size, pages
 * and its full SHA-256 (wrapping, never cut), with a download of exactly that version.
 */
export function SubmittedDocuments({
  documents,
  agencyName,
  caption,
}: {
  readonly documents: readonly FrozenDocument[];
  readonly agencyName: (agencyId: string) => string;
  /** The table's name for screen readers; a heading above says the same to the eye. */
  readonly caption: string;
}) {
  const { t, i18n } = useTranslation();
  if (documents.length === 0) return <p className="muted">{t('proposalDocuments.submitted.none')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('proposalDocuments.file.document')}</th>
            <th scope="col">{t('proposalDocuments.file.fileName')}</th>
            <th scope="col">{t('proposalDocuments.file.size')}</th>
            <th scope="col">{t('proposalDocuments.file.pages')}</th>
            <th scope="col">{t('proposalDocuments.file.sha256')}</th>
            <th scope="col" className="no-print">
              <span className="visually-hidden">{t('proposalDocuments.file.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.versionId}>
              <th scope="row">
                <Localized text={document.label} />
                {document.agencyId !== null && <span className="muted"> · {agencyName(document.agencyId)}</span>}
              </th>
              <td>{document.fileName}</td>
              <td className="nowrap">{formatFileSize(document.size, i18n.language)}</td>
              <td>{document.pages ?? t('common.none')}</td>
              <td>
                <code className="hash-full">{document.sha256}</code>
              </td>
              <td className="no-print">
                <DownloadVersionButton versionId={document.versionId} fileName={document.fileName} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

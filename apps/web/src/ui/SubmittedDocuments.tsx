import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { formatNumber } from '../lib/format';
import { downloadFile } from './download';
import { formatFileSize } from './file-size';
import { Localized } from './Localized';
import { ProblemAlert } from './ProblemAlert';
import './submitted-documents.css';

export type FrozenDocument = Schemas['FrozenDocumentDto'];

/**
 * The documents of a frozen submission, read-only: what each is, whose side, the file with its
 * size, pages and full SHA-256 (to compare with a copy received elsewhere), and a download under
 * the file's own name.
 */
export function SubmittedDocuments({
  documents,
  agencies,
}: {
  readonly documents: readonly FrozenDocument[];
  /** The agencies of the proposal's sides, to name the side a document belongs to. */
  readonly agencies: readonly { readonly id: string; readonly shortName: string }[];
}) {
  const { t, i18n } = useTranslation();
  const download = useMutation({
    mutationFn: (document: FrozenDocument) => downloadFile(`/document-versions/${document.versionId}/content`, document.fileName),
  });
  if (documents.length === 0) return <p>{t('documents.none')}</p>;
  const sideOf = (agencyId: string | null) =>
    agencyId === null
      ? t('documents.wholeProposal')
      : t('documents.side', { agency: agencies.find((a) => a.id === agencyId)?.shortName ?? t('documents.otherSide') });
  const sizeOf = (bytes: number) => {
    const exact = t('documents.bytes', { count: bytes, bytes: formatNumber(bytes, i18n.language) });
    const size = formatFileSize(bytes, i18n.language);
    return size === undefined ? exact : t('documents.sizeWithBytes', { size, bytes: exact });
  };

  return (
    <ul className="submitted-documents">
      {documents.map((document) => {
        const failed = download.isError && download.variables.versionId === document.versionId;
        const pending = download.isPending && download.variables.versionId === document.versionId;
        const headingId = `document-${document.versionId}`;
        return (
          <li key={document.versionId} aria-labelledby={headingId}>
            <p className="document-name" id={headingId}>
              <strong>
                <Localized text={document.label} />
              </strong>
              <span className="muted"> · {sideOf(document.agencyId)}</span>
            </p>
            <dl className="facts">
              <dt>{t('documents.file')}</dt>
              <dd className="file-name">{document.fileName}</dd>
              <dt>{t('documents.size')}</dt>
              <dd>{sizeOf(document.size)}</dd>
              <dt>{t('documents.pages')}</dt>
              <dd>{document.pages ?? t('documents.noPages')}</dd>
              <dt>{t('documents.sha256')}</dt>
              <dd>
                <code className="sha256" translate="no">
                  {document.sha256}
                </code>
              </dd>
            </dl>
            <button type="button" className="button-secondary" disabled={pending} onClick={() => download.mutate(document)}>
              {t('documents.download')}
              <span className="visually-hidden"> {document.fileName}</span>
            </button>
            {failed && <ProblemAlert error={download.error} />}
          </li>
        );
      })}
    </ul>
  );
}

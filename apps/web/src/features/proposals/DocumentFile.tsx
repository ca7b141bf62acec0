import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../ui/download';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { shortHash } from './document-upload';
import './documents.css';

/**
 * A SHA-256 shortened to tell versions apart, with the full value one click (or Enter) away, in a
 * monospace font. In a table (`compact`) the hint to open it is for screen readers only.
 */
export function HashValue({ sha256, compact = false }: { readonly sha256: string; readonly compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <details className="hash">
      <summary>
        <code className="hash-short">{shortHash(sha256)}</code>{' '}
        <span className={compact ? 'visually-hidden' : 'small'}>{t('proposalDocuments.file.showFullHash')}</span>
      </summary>
      <code className="hash-full">{sha256}</code>
    </details>
  );
}

/** Downloads one document version under its own name; a refusal (an infected file, no longer readable) is shown beside it. */
export function DownloadVersionButton({ versionId, fileName }: { readonly versionId: string; readonly fileName: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await downloadFile(`/document-versions/${encodeURIComponent(versionId)}/content`, fileName);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button-secondary no-print" aria-disabled={busy} onClick={() => void download()}>
        {t('common.download')}
        <span className="visually-hidden"> {fileName}</span>
      </button>
      <ProblemAlert error={error} />
    </>
  );
}

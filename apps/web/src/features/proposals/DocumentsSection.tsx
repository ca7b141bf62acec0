import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, pick, viewerTimeZone } from '../../lib/format';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Localized } from '../../ui/Localized';
import { ProblemAlert, QueryState } from '../../ui/ProblemAlert';
import { useApplicationDocuments, useDocumentVersions, useRemoveDocument, useUploadDocument } from './document-queries';
import {
  acceptAttribute,
  documentField,
  type DocumentSlot,
  type DocumentVersion,
  formatFileSize,
  formatPercent,
  joinSentences,
  type SlotAlert,
  slotAlerts,
  slotKey,
  typeNames,
  type UploadedDocument,
  uploadPercent,
} from './document-upload';
import { DownloadVersionButton, HashValue } from './DocumentFile';
import type { Application } from './proposal-queries';
import { useFileDrop } from './use-file-drop';
import { fieldAnchor } from './submission-problem';
import { documentRequirementAnchor } from '../forms/answers-model';
import './documents.css';

/**
 * The documents the call asks for, one slot each (one per side for a side's document): what it
 * accepts, the file the draft holds with its SHA-256, and, while the draft is editable, upload by
 * the file input or by dropping a file, replace and remove. Each upload is a new version; the
 * earlier ones stay listed in the slot's history.
 */
export function DocumentsSection({ application, editable }: { readonly application: Application; readonly editable: boolean }) {
  const { t } = useTranslation();
  const slots = useApplicationDocuments(application.id);
  if (slots.data?.slots.length === 0) return null;
  const agencyName = (agencyId: string) => application.sides.find((s) => s.agency.id === agencyId)?.agency.shortName ?? agencyId;
  return (
    <section aria-labelledby="documents-heading" id={fieldAnchor('documents')} tabIndex={-1}>
      <h2 id="documents-heading">{t('proposalDocuments.documents.title')}</h2>
      {editable && <p className="muted">{t('proposalDocuments.documents.hint')}</p>}
      <QueryState query={slots} />
      {slots.data?.slots.map((slot, index, all) => (
        <DocumentSlotCard
          key={slotKey(slot)}
          applicationId={application.id}
          slot={slot}
          editable={editable}
          agencyName={agencyName}
          // The first slot of each requirement is where a document question of the call's form links to.
          anchor={
            all.findIndex((s) => s.requirement.id === slot.requirement.id) === index
              ? documentRequirementAnchor(slot.requirement.id)
              : undefined
          }
        />
      ))}
    </section>
  );
}

function DocumentSlotCard({
  applicationId,
  slot,
  editable,
  agencyName,
  anchor,
}: {
  readonly applicationId: string;
  readonly slot: DocumentSlot;
  readonly editable: boolean;
  readonly agencyName: (agencyId: string) => string;
  /** A stable id for the slot, for links from elsewhere on the page. */
  readonly anchor?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const ids = useId();
  const { requirement, current } = slot;
  const label = pick(requirement.label, language);
  const [progress, setProgress] = useState<{ readonly fileName: string; readonly loaded: number; readonly total: number }>();
  const [announcement, setAnnouncement] = useState('');
  const upload = useUploadDocument(applicationId, requirement.id, slot.agencyId, (loaded, total) =>
    setProgress((p) => p && { ...p, loaded, total }),
  );
  const remove = useRemoveDocument(applicationId);

  const alertText = (alert: SlotAlert) =>
    alert.kind === 'pages'
      ? t('proposalDocuments.warnings.pagesOverLimit', { pages: alert.pages, max: alert.maxPages })
      : alert.kind === 'infected'
        ? t('proposalDocuments.warnings.infected')
        : alert.message;

  const uploadedText = (uploaded: UploadedDocument) => {
    const { version } = uploaded;
    const sentences = [
      t('proposalDocuments.upload.done', { file: version.fileName }),
      ...(version.pages === null ? [] : [t('proposalDocuments.upload.donePages', { count: version.pages })]),
      ...slotAlerts({ warnings: uploaded.warnings, current: version, requirement }).map(alertText),
    ];
    return joinSentences(sentences, language);
  };

  const send = (file: File) => {
    if (upload.isPending) return;
    setAnnouncement('');
    setProgress({ fileName: file.name, loaded: 0, total: file.size });
    upload.mutate(file, {
      onSuccess: (uploaded) => setAnnouncement(uploadedText(uploaded)),
      onSettled: () => setProgress(undefined),
    });
  };

  const { attach: dropTarget, dragging } = useFileDrop<HTMLElement>(send, editable);

  const headingId = `${ids}-heading`;
  const termsId = `${ids}-terms`;
  const dropHintId = `${ids}-drop`;
  const alertsId = `${ids}-alerts`;
  const inputId = fieldAnchor(documentField(requirement.id, slot.agencyId));
  const alerts = slotAlerts(slot);
  const percent = progress && uploadPercent(progress.loaded, progress.total);
  const terms = [
    t('proposalDocuments.documents.accepts', { types: typeNames(requirement.acceptedTypes) }),
    t('proposalDocuments.documents.maxSize', { size: formatFileSize(requirement.maxBytes, language) }),
    ...(requirement.maxPages === null ? [] : [t('proposalDocuments.documents.maxPages', { count: requirement.maxPages })]),
  ].join(t('proposalDocuments.documents.termsJoin'));

  return (
    <section
      className="card document-slot"
      aria-labelledby={headingId}
      ref={dropTarget}
      id={anchor}
      tabIndex={anchor === undefined ? undefined : -1}
    >
      <h3 id={headingId}>
        <span>
          <Localized text={requirement.label} />
          {slot.agencyId !== null && ` · ${t('proposalDocuments.documents.ofSide', { agency: agencyName(slot.agencyId) })}`}
        </span>
        <span className={requirement.required ? 'badge badge-required' : 'badge'}>
          {requirement.required ? t('proposalDocuments.documents.required') : t('proposalDocuments.documents.optional')}
        </span>
      </h3>
      {requirement.help && (
        <p className="pre-line">
          <Localized text={requirement.help} />
        </p>
      )}
      <p id={termsId} className="muted small">
        {terms}
      </p>

      {alerts.length > 0 && (
        <div id={alertsId} className="alert alert-warn">
          {alerts.map((alert) => (
            <p key={alert.kind}>
              <strong>{alertText(alert)}</strong>
            </p>
          ))}
        </div>
      )}

      {current ? (
        <CurrentVersion version={current} />
      ) : (
        <p>{editable ? t('proposalDocuments.documents.noFileYet') : t('proposalDocuments.documents.noFile')}</p>
      )}

      {editable && (
        <div className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}>
          <label htmlFor={inputId}>
            {current
              ? t('proposalDocuments.upload.replace', { document: label })
              : t('proposalDocuments.upload.choose', { document: label })}
          </label>
          <input
            id={inputId}
            type="file"
            accept={acceptAttribute(requirement.acceptedTypes)}
            aria-describedby={[termsId, dropHintId, ...(alerts.length > 0 ? [alertsId] : [])].join(' ')}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) send(file);
            }}
          />
          <p id={dropHintId} className="muted small">
            {t('proposalDocuments.upload.hint')}
          </p>
        </div>
      )}

      {progress && (
        <div className="upload-progress">
          <span id={`${ids}-progress`}>{t('proposalDocuments.upload.sending', { file: progress.fileName })}</span>
          <progress aria-labelledby={`${ids}-progress`} max={100} value={percent} />
          {percent !== undefined && <span>{formatPercent(percent, language)}</span>}
        </div>
      )}
      <p role="status" aria-live="polite" className="small">
        {announcement}
      </p>
      <ProblemAlert error={upload.error ?? remove.error} />

      {(current ?? slot.documentId) && (
        <div className="slot-actions">
          {current && current.scanStatus !== 'infected' && <DownloadVersionButton versionId={current.id} fileName={current.fileName} />}
          {editable && current && slot.documentId && (
            <ConfirmButton
              label={t('proposalDocuments.documents.remove', { document: label })}
              question={t('proposalDocuments.documents.removeQuestion', { file: current.fileName })}
              danger
              onConfirm={() => {
                setAnnouncement('');
                if (!slot.documentId) return;
                remove.mutate(slot.documentId, {
                  onSuccess: () => {
                    setAnnouncement(t('proposalDocuments.documents.removed', { file: current.fileName }));
                    // The button is gone with the file: the keyboard goes on from the slot's file input.
                    document.getElementById(inputId)?.focus();
                  },
                });
              }}
            />
          )}
        </div>
      )}

      {slot.documentId && slot.versions > 0 && (
        <VersionHistory applicationId={applicationId} documentId={slot.documentId} count={slot.versions} />
      )}
    </section>
  );
}

/** The file a slot holds: its name, size, pages, SHA-256, who uploaded it and when, and its scan result once there is one. */
function CurrentVersion({ version }: { readonly version: DocumentVersion }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <dl className="facts">
      <dt>{t('proposalDocuments.file.fileName')}</dt>
      <dd>{version.fileName}</dd>
      <dt>{t('proposalDocuments.file.size')}</dt>
      <dd>{formatFileSize(version.size, language)}</dd>
      {version.pages !== null && (
        <>
          <dt>{t('proposalDocuments.file.pages')}</dt>
          <dd>{version.pages}</dd>
        </>
      )}
      <dt>{t('proposalDocuments.file.sha256')}</dt>
      <dd>
        <HashValue sha256={version.sha256} />
      </dd>
      <dt>{t('proposalDocuments.file.uploaded')}</dt>
      <dd>
        {t('proposalDocuments.file.uploadedAtBy', {
          time: formatInstant(version.uploadedAt, language, viewerTimeZone()),
          name: version.uploadedBy.name,
        })}
      </dd>
      <dt>{t('proposalDocuments.file.version')}</dt>
      <dd>{version.number}</dd>
      {version.scanStatus !== 'not_scanned' && (
        <>
          <dt>{t('proposalDocuments.file.scan')}</dt>
          <dd>{t(`proposalDocuments.scan.${version.scanStatus}`)}</dd>
        </>
      )}
    </dl>
  );
}

/** Every version of a document, read when the disclosure is opened. */
function VersionHistory({
  applicationId,
  documentId,
  count,
}: {
  readonly applicationId: string;
  readonly documentId: string;
  readonly count: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [open, setOpen] = useState(false);
  const versions = useDocumentVersions(applicationId, documentId, open);
  return (
    <details className="document-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('proposalDocuments.history.title', { count })}</summary>
      {open && <QueryState query={versions} />}
      {open && versions.data && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('proposalDocuments.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('proposalDocuments.file.version')}</th>
                <th scope="col">{t('proposalDocuments.file.fileName')}</th>
                <th scope="col">{t('proposalDocuments.file.size')}</th>
                <th scope="col">{t('proposalDocuments.file.pages')}</th>
                <th scope="col">{t('proposalDocuments.file.sha256')}</th>
                <th scope="col">{t('proposalDocuments.file.uploaded')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('proposalDocuments.file.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.data
                .slice()
                .reverse()
                .map((version) => (
                  <tr key={version.id}>
                    <th scope="row">{version.number}</th>
                    <td>{version.fileName}</td>
                    <td className="nowrap">{formatFileSize(version.size, language)}</td>
                    <td>{version.pages ?? t('common.none')}</td>
                    <td>
                      <HashValue sha256={version.sha256} compact />
                    </td>
                    <td>
                      {t('proposalDocuments.file.uploadedAtBy', {
                        time: formatInstant(version.uploadedAt, language, viewerTimeZone()),
                        name: version.uploadedBy.name,
                      })}
                    </td>
                    <td>
                      {version.scanStatus !== 'infected' && <DownloadVersionButton versionId={version.id} fileName={version.fileName} />}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

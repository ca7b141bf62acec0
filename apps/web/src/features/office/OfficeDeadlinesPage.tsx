import { formText } from '../../lib/form';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { csvExportPath } from '../../lib/csv-export';
import { downloadFile } from '../../lib/download';
import { formatInstant, pick, viewerTimeZone } from '../../lib/format';
import { Loading, Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useCallOptions, useSetInstitutionDeadline } from './office-queries';

/** The institution's own, earlier deadline per call, and the CSV of its applications. */
export function OfficeDeadlinesPage() {
  const { t, i18n } = useTranslation();
  const calls = useCallOptions();
  const setDeadline = useSetInstitutionDeadline();
  const [exportError, setExportError] = useState<unknown>();

  const onSet = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setDeadline.mutate({ callId: formText(form, 'callId'), deadline: formText(form, 'deadline') });
  };
  const onExport = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const callId = formText(new FormData(event.currentTarget), 'callId');
    setExportError(undefined);
    void downloadFile(csvExportPath('/applications/export.csv', i18n.language, { callId }), 'applications.csv').catch(setExportError);
  };

  if (!calls.data) return <Loading />;
  const options = calls.data.items.filter((c) => c.status === 'announced' || c.status === 'open');
  return (
    <Page title={t('office.deadlinesTitle')}>
      <section className="card" aria-labelledby="internal-deadline">
        <h2 id="internal-deadline">{t('office.internalDeadline')}</h2>
        <p className="muted">{t('office.internalDeadlineHint')}</p>
        <form onSubmit={onSet} className="inline">
          <div className="field">
            <label htmlFor="deadline-call">{t('office.call')}</label>
            <select id="deadline-call" name="callId" required>
              {options.map((c) => (
                <option key={c.id} value={c.id}>
                  {pick(c.title, i18n.language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="deadline-at">{t('office.deadlineLocal')}</label>
            <input id="deadline-at" name="deadline" type="datetime-local" required />
          </div>
          <div className="field">
            <button type="submit" disabled={setDeadline.isPending}>
              {t('common.save')}
            </button>
          </div>
        </form>
        <ProblemAlert error={setDeadline.error} />
        {setDeadline.data && (
          <p role="status" className="alert alert-ok">
            {t('office.deadlineSet', { time: formatInstant(setDeadline.data.deadline.utc, i18n.language, viewerTimeZone()) })}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="csv-export">
        <h2 id="csv-export">{t('office.export')}</h2>
        <form onSubmit={onExport} className="inline">
          <div className="field">
            <label htmlFor="export-call">{t('office.call')}</label>
            <select id="export-call" name="callId">
              <option value="">{t('calls.any')}</option>
              {calls.data.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {pick(c.title, i18n.language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button type="submit">{t('office.downloadCsv')}</button>
          </div>
        </form>
        <ProblemAlert error={exportError} />
      </section>
    </Page>
  );
}

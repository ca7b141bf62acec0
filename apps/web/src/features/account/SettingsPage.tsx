import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, rememberLanguage } from '../../i18n';
import { formText } from '../../lib/form';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Loading, Page } from '../../ui/Page';
import { ProblemAlert, QueryState } from '../../ui/ProblemAlert';
import { type Me, useMe } from '../me/me-query';
import { useEmailPreferences, useRotateCalendarToken, useUpdateEmailPreferences, useUpdateMe } from './account-queries';
import { changedChoices, choicesInForce, type EmailChoices, groupsFor, type NoticeKind } from './email-choices';
import { knownZones, zoneChoices } from './time-zones';

/** The account's language and time zone, which notices come by e-mail, and the private calendar-feed address. */
export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.error) return <ProblemAlert error={me.error} />;
  if (!me.data) return <Loading />;
  return (
    <Page title={t('account.settings.title')}>
      <LanguageAndZone me={me.data} />
      <EmailSection me={me.data} />
      <CalendarSection />
    </Page>
  );
}

function LanguageAndZone({ me }: { readonly me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const zones = zoneChoices(knownZones(), me.timeZone);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const language = formText(form, 'language') as Language;
    const zone = formText(form, 'timeZone');
    const timeZone = zone === '' ? null : zone;
    update.mutate(
      {
        version: me.version,
        body: { ...(language !== me.language ? { language } : {}), ...(timeZone !== me.timeZone ? { timeZone } : {}) },
      },
      // The pages follow the account's language.
      { onSuccess: (saved) => rememberLanguage(saved.language) },
    );
  };

  return (
    <section className="card settings-card" aria-labelledby="settings-account">
      <h2 id="settings-account">{t('account.settings.account')}</h2>
      <form onSubmit={onSubmit} onChange={() => update.reset()}>
        <div className="field">
          <label htmlFor="settings-language">{t('account.settings.language')}</label>
          <select id="settings-language" name="language" defaultValue={me.language} aria-describedby="settings-language-hint">
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`nav.languages.${language}`)}
              </option>
            ))}
          </select>
          <span className="hint" id="settings-language-hint">
            {t('account.settings.languageHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="settings-zone">{t('account.settings.timeZone')}</label>
          <select id="settings-zone" name="timeZone" defaultValue={me.timeZone ?? ''} aria-describedby="settings-zone-hint">
            <option value="">{t('account.settings.followOrganisation', { zone: me.organisation?.timeZone ?? 'UTC' })}</option>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <span className="hint" id="settings-zone-hint">
            {t('account.settings.timeZoneHint')}
          </span>
        </div>
        <ProblemAlert error={update.error} />
        {update.isSuccess && (
          <p role="status" className="alert alert-ok">
            {t('account.settings.saved')}
          </p>
        )}
        <button type="submit" disabled={update.isPending}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

function EmailSection({ me }: { readonly me: Me }) {
  const { t } = useTranslation();
  const preferences = useEmailPreferences();
  const groups = groupsFor(me.roles);
  return (
    <section className="card settings-card" aria-labelledby="settings-email">
      <h2 id="settings-email">{t('account.settings.email')}</h2>
      {groups.length === 0 ? (
        <p>{t('account.settings.emailNone')}</p>
      ) : (
        <>
          <p className="muted">{t('account.settings.emailHint')}</p>
          <QueryState query={preferences} />
          {preferences.data && <EmailForm saved={preferences.data.email} groups={groups} />}
        </>
      )}
    </section>
  );
}

function EmailForm({ saved, groups }: { readonly saved: EmailChoices; readonly groups: ReturnType<typeof groupsFor> }) {
  const { t } = useTranslation();
  const update = useUpdateEmailPreferences();
  const [chosen, setChosen] = useState<Record<NoticeKind, boolean>>(() => choicesInForce(saved));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate(changedChoices(saved, chosen));
  };

  return (
    <form onSubmit={onSubmit}>
      {groups.map((group) => (
        <fieldset key={group.role}>
          <legend>{t(`account.settings.group.${group.role}`)}</legend>
          {group.kinds.map((kind) => (
            <label key={kind} className="checkbox" htmlFor={`email-${kind}`}>
              <input
                id={`email-${kind}`}
                type="checkbox"
                checked={chosen[kind]}
                onChange={(event) => {
                  update.reset();
                  setChosen((c) => ({ ...c, [kind]: event.target.checked }));
                }}
              />
              {t(`account.settings.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
      ))}
      <ProblemAlert error={update.error} />
      {update.isSuccess && (
        <p role="status" className="alert alert-ok">
          {t('account.settings.emailSaved')}
        </p>
      )}
      <button type="submit" disabled={update.isPending}>
        {t('account.settings.saveEmail')}
      </button>
    </form>
  );
}

function CalendarSection() {
  const { t } = useTranslation();
  const rotate = useRotateCalendarToken();
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  const url = rotate.data?.url;

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="card settings-card" aria-labelledby="settings-calendar">
      <h2 id="settings-calendar">{t('account.settings.calendar')}</h2>
      <p className="muted">{t('account.settings.calendarHint')}</p>
      <ConfirmButton
        label={t('account.settings.calendarCreate')}
        question={t('account.settings.calendarReplaces')}
        onConfirm={() => {
          setCopied(undefined);
          rotate.mutate();
        }}
      />
      <ProblemAlert error={rotate.error} />
      {url && (
        <div className="calendar-feed">
          <p className="alert alert-warn" role="alert">
            {t('account.settings.calendarPrivate')}
          </p>
          <div className="field">
            <label htmlFor="calendar-url">{t('account.settings.calendarUrl')}</label>
            <div className="inline">
              <input id="calendar-url" className="calendar-url" readOnly value={url} onFocus={(event) => event.target.select()} />
              <button type="button" onClick={() => void copy()}>
                {t('account.settings.copy')}
              </button>
            </div>
          </div>
          <p role="status" className="small">
            {copied === 'yes' ? t('account.settings.copied') : copied === 'failed' ? t('account.settings.copyFailed') : ''}
          </p>
        </div>
      )}
    </section>
  );
}

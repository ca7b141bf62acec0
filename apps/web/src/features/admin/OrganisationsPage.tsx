import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formText } from '../../lib/form';
import { Localized } from '../../ui/Localized';
import { Page } from '../../ui/Page';
import { Pager, useCursors } from '../../ui/Pager';
import { ProblemAlert, QueryState } from '../../ui/ProblemAlert';
import { countryName } from '../statistics/statistics-model';
import { type Organisation, type OrganisationFilters, useOrganisations, useSaveOrganisation } from './admin-queries';
import { AdminNav } from './AdminNav';
import { FormField } from './FormField';
import {
  apiFieldErrors,
  type FieldProblems,
  ORGANISATION_FIELDS,
  type OrganisationField,
  organisationBody,
  organisationValues,
} from './organisation-form';
import './admin.css';

const KINDS = ['funding_agency', 'institution'] as const;

/** Agencies and institutions: list, search, create and edit, with their ROR and Funder IDs. */
export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<OrganisationFilters>({});
  const cursors = useCursors();
  const organisations = useOrganisations(filters, cursors.current);
  /** The organisation being edited, 'new' for the creation form, undefined when no form is open. */
  const [editing, setEditing] = useState<Organisation | 'new'>();
  const [saved, setSaved] = useState<string>();

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const kind = formText(form, 'kind');
    cursors.reset();
    setFilters({ ...(formText(form, 'q') ? { q: formText(form, 'q') } : {}), ...(kind ? { kind: kind as Organisation['kind'] } : {}) });
  };

  return (
    <Page
      title={t('admin.organisations.title')}
      actions={
        editing === undefined && (
          <button
            type="button"
            onClick={() => {
              setSaved(undefined);
              setEditing('new');
            }}
          >
            {t('admin.organisations.new')}
          </button>
        )
      }
    >
      <AdminNav />
      {saved && (
        <p className="alert alert-ok" role="status">
          {saved}
        </p>
      )}
      {editing !== undefined && (
        <OrganisationForm
          key={editing === 'new' ? 'new' : editing.id}
          organisation={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(organisation) => {
            setEditing(undefined);
            setSaved(t('admin.organisations.saved', { name: organisation.shortName }));
          }}
        />
      )}
      <form className="card" role="search" aria-label={t('admin.organisations.filters')} onSubmit={search}>
        <div className="inline">
          <div className="field">
            <label htmlFor="organisation-q">{t('admin.organisations.search')}</label>
            <input id="organisation-q" name="q" type="search" defaultValue={filters.q} />
          </div>
          <div className="field">
            <label htmlFor="organisation-kind-filter">{t('admin.organisations.kind')}</label>
            <select id="organisation-kind-filter" name="kind" defaultValue={filters.kind ?? ''}>
              <option value="">{t('calls.any')}</option>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`admin.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button type="submit">{t('common.search')}</button>
          </div>
        </div>
      </form>
      <QueryState query={organisations} />
      {organisations.data && organisations.data.items.length === 0 && <p>{t('admin.organisations.empty')}</p>}
      {organisations.data && organisations.data.items.length > 0 && (
        <div className="table-wrap" aria-busy={organisations.isFetching}>
          <table>
            <caption className="visually-hidden">{t('admin.organisations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.organisations.shortName')}</th>
                <th scope="col">{t('admin.organisations.name')}</th>
                <th scope="col">{t('admin.organisations.kind')}</th>
                <th scope="col">{t('admin.organisations.country')}</th>
                <th scope="col">{t('admin.organisations.rorId')}</th>
                <th scope="col">{t('admin.organisations.funderId')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {organisations.data.items.map((organisation) => (
                <tr key={organisation.id}>
                  <th scope="row">{organisation.shortName}</th>
                  <td>
                    <Localized text={organisation.name} />
                  </td>
                  <td>{t(`admin.kinds.${organisation.kind}`)}</td>
                  <td>
                    {countryName(organisation.country, i18n.language)} ({organisation.country})
                  </td>
                  <td className="identifier">
                    {organisation.rorId ? (
                      <a href={`https://ror.org/${organisation.rorId}`} rel="noreferrer" target="_blank">
                        {organisation.rorId}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="identifier">{organisation.funderId ?? '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="button-secondary"
                      onClick={() => {
                        setSaved(undefined);
                        setEditing(organisation);
                      }}
                    >
                      {t('admin.edit')}
                      <span className="visually-hidden"> {organisation.shortName}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager cursors={cursors} nextCursor={organisations.data?.nextCursor} />
    </Page>
  );
}

/** Create or edit one organisation; the form's own checks first, then the api's answer on the same fields. */
function OrganisationForm({
  organisation,
  onCancel,
  onSaved,
}: {
  readonly organisation: Organisation | undefined;
  readonly onCancel: () => void;
  readonly onSaved: (organisation: Organisation) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveOrganisation();
  const [problems, setProblems] = useState<FieldProblems>({});
  const form = useRef<HTMLFormElement>(null);
  const initial = organisationValues(organisation);
  const fromApi = apiFieldErrors(save.error);
  const errorOf = (field: OrganisationField): string | undefined => {
    const own = problems[field];
    if (own) return t(`admin.fieldErrors.${own}`);
    const message = fromApi[field];
    return message === undefined ? undefined : t(`admin.fieldErrors.api.${field}`, { defaultValue: message });
  };
  const invalid = ORGANISATION_FIELDS.filter((field) => errorOf(field) !== undefined);
  const prefix = organisation ? `organisation-${organisation.id}` : 'organisation-new';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(ORGANISATION_FIELDS.map((field) => [field, formText(data, field)])) as Record<
      OrganisationField,
      string
    >;
    const result = organisationBody(values);
    if ('problems' in result) {
      setProblems(result.problems);
      save.reset();
      const first = ORGANISATION_FIELDS.find((field) => result.problems[field]);
      if (first) form.current?.querySelector<HTMLElement>(`#${prefix}-${first}`)?.focus();
      return;
    }
    setProblems({});
    save.mutate(
      { ...(organisation ? { id: organisation.id, version: organisation.version } : {}), body: result.body },
      {
        onSuccess: onSaved,
        onError: (error) => {
          const first = ORGANISATION_FIELDS.find((field) => apiFieldErrors(error)[field] !== undefined);
          if (first) form.current?.querySelector<HTMLElement>(`#${prefix}-${first}`)?.focus();
        },
      },
    );
  };

  const text = (field: OrganisationField, hint?: string, extra: { size?: number; list?: string } = {}) => (
    <FormField id={`${prefix}-${field}`} label={t(`admin.organisations.${field}`)} hint={hint} error={errorOf(field)}>
      {(control) => <input {...control} {...extra} name={field} defaultValue={initial[field]} />}
    </FormField>
  );

  return (
    <form ref={form} className="card admin-form" onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>
        {organisation ? t('admin.organisations.editTitle', { name: organisation.shortName }) : t('admin.organisations.new')}
      </h2>
      {invalid.length > 0 ? (
        <div role="alert" className="alert alert-error">
          <p>{t('problems.VALIDATION_FAILED')}</p>
        </div>
      ) : (
        <ProblemAlert error={save.error} />
      )}
      <div className="grid-2">
        <FormField id={`${prefix}-kind`} label={t('admin.organisations.kind')} error={errorOf('kind')}>
          {(control) => (
            <select {...control} name="kind" defaultValue={initial.kind}>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`admin.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {text('shortName')}
        {text('nameEn')}
        {text('nameJa')}
        {text('country', t('admin.organisations.countryHint'), { size: 4 })}
        {text('timeZone', t('admin.organisations.timeZoneHint'))}
        {text('rorId', t('admin.organisations.rorIdHint'))}
        {text('funderId', t('admin.organisations.funderIdHint'))}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>
          {organisation ? t('common.save') : t('admin.organisations.create')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

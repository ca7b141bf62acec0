import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formText } from '../../lib/form';
import { Page } from '../../ui/Page';
import { Pager, useCursors } from '../../ui/Pager';
import { ProblemAlert, QueryState } from '../../ui/ProblemAlert';
import { useMe } from '../me/me-query';
import { type Role, type User, type UserFilters, useCreateUser, useOrganisationOptions, useUpdateUser, useUsers } from './admin-queries';
import { AdminNav } from './AdminNav';
import { FormField } from './FormField';
import { apiFieldErrors } from './organisation-form';
import './admin.css';

const ROLES = ['researcher', 'institution_admin', 'program_officer', 'reviewer', 'admin'] as const satisfies readonly Role[];
const MIN_PASSWORD_LENGTH = 12;

/** The roles ticked in a form, in the api's order. */
function rolesOf(form: FormData): Role[] {
  const ticked = new Set(form.getAll('roles'));
  return ROLES.filter((role) => ticked.has(role));
}

/** People who sign in: list with roles and organisation, create an account, change roles, organisation and access. */
export function UsersPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<UserFilters>({});
  const cursors = useCursors();
  const users = useUsers(filters, cursors.current);
  const [editing, setEditing] = useState<User | 'new'>();
  const [saved, setSaved] = useState<string>();

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const role = formText(form, 'role');
    cursors.reset();
    setFilters({ ...(formText(form, 'q') ? { q: formText(form, 'q') } : {}), ...(role ? { role: role as Role } : {}) });
  };
  const open = (target: User | 'new') => {
    setSaved(undefined);
    setEditing(target);
  };
  const done = (user: User) => {
    setEditing(undefined);
    setSaved(t('admin.users.saved', { name: user.name }));
  };

  return (
    <Page
      title={t('admin.users.title')}
      actions={
        editing === undefined && (
          <button type="button" onClick={() => open('new')}>
            {t('admin.users.new')}
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
      {editing === 'new' && <NewUserForm onCancel={() => setEditing(undefined)} onSaved={done} />}
      {editing !== undefined && editing !== 'new' && (
        <EditUserForm key={editing.id} user={editing} onCancel={() => setEditing(undefined)} onSaved={done} />
      )}
      <form className="card" role="search" aria-label={t('admin.users.filters')} onSubmit={search}>
        <div className="inline">
          <div className="field">
            <label htmlFor="user-q">{t('admin.users.search')}</label>
            <input id="user-q" name="q" type="search" defaultValue={filters.q} />
          </div>
          <div className="field">
            <label htmlFor="user-role-filter">{t('admin.users.role')}</label>
            <select id="user-role-filter" name="role" defaultValue={filters.role ?? ''}>
              <option value="">{t('calls.any')}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`admin.roles.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button type="submit">{t('common.search')}</button>
          </div>
        </div>
      </form>
      <QueryState query={users} />
      {users.data && users.data.items.length === 0 && <p>{t('admin.users.empty')}</p>}
      {users.data && users.data.items.length > 0 && (
        <div className="table-wrap" aria-busy={users.isFetching}>
          <table>
            <caption className="visually-hidden">{t('admin.users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.name')}</th>
                <th scope="col">{t('admin.users.email')}</th>
                <th scope="col">{t('admin.users.organisation')}</th>
                <th scope="col">{t('admin.users.roles')}</th>
                <th scope="col">{t('admin.users.access')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.name}</th>
                  <td>{user.email}</td>
                  <td>{user.organisation?.shortName ?? '—'}</td>
                  <td>{user.roles.map((role) => t(`admin.roles.${role}`)).join(t('admin.listSeparator'))}</td>
                  <td>{user.disabled ? t('admin.users.disabled') : t('admin.users.active')}</td>
                  <td>
                    <button type="button" className="button-secondary" onClick={() => open(user)}>
                      {t('admin.edit')}
                      <span className="visually-hidden"> {user.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager cursors={cursors} nextCursor={users.data?.nextCursor} />
    </Page>
  );
}

/** The roles as checkboxes, in a group with its legend. */
function RolesField({ prefix, roles, error }: { readonly prefix: string; readonly roles: readonly Role[]; readonly error?: string }) {
  const { t } = useTranslation();
  return (
    <fieldset aria-describedby={error ? `${prefix}-roles-error` : undefined}>
      <legend>{t('admin.users.roles')}</legend>
      <div className="roles-list">
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" name="roles" value={role} defaultChecked={roles.includes(role)} />
            {t(`admin.roles.${role}`)}
          </label>
        ))}
      </div>
      {error && (
        <span id={`${prefix}-roles-error`} className="error">
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** The organisations to choose from, none included. */
function OrganisationSelect({
  control,
  value,
}: {
  readonly control: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };
  readonly value: string;
}) {
  const { t } = useTranslation();
  const options = useOrganisationOptions();
  return (
    <select {...control} name="organisationId" defaultValue={value} key={options.data ? 'loaded' : 'loading'}>
      <option value="">{t('admin.users.noOrganisation')}</option>
      {options.data?.items.map((o) => (
        <option key={o.id} value={o.id}>
          {o.shortName} — {o.name.en}
        </option>
      ))}
    </select>
  );
}

function NewUserForm({ onCancel, onSaved }: { readonly onCancel: () => void; readonly onSaved: (user: User) => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const errors = apiFieldErrors(create.error);
  const error = (field: string) =>
    errors[field] === undefined ? undefined : t(`admin.fieldErrors.api.${field}`, { defaultValue: errors[field] });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const organisationId = formText(form, 'organisationId');
    const password = form.get('password');
    create.mutate(
      {
        name: formText(form, 'name'),
        email: formText(form, 'email'),
        password: typeof password === 'string' ? password : '',
        organisationId: organisationId || null,
        roles: rolesOf(form),
        language: formText(form, 'language') === 'ja' ? 'ja' : 'en',
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <form className="card admin-form" onSubmit={submit} aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">{t('admin.users.new')}</h2>
      <ProblemAlert error={create.error} />
      <div className="grid-2">
        <FormField id="new-user-name" label={t('admin.users.name')} error={error('name')}>
          {(control) => <input {...control} name="name" required autoComplete="off" />}
        </FormField>
        <FormField id="new-user-email" label={t('admin.users.email')} error={error('email')}>
          {(control) => <input {...control} name="email" type="email" required autoComplete="off" />}
        </FormField>
        <FormField
          id="new-user-password"
          label={t('admin.users.password')}
          hint={t('admin.users.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          error={error('password')}
        >
          {(control) => (
            <input {...control} name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" />
          )}
        </FormField>
        <FormField id="new-user-organisation" label={t('admin.users.organisation')} error={error('organisationId')}>
          {(control) => <OrganisationSelect control={control} value="" />}
        </FormField>
        <FormField id="new-user-language" label={t('admin.users.language')}>
          {(control) => (
            <select {...control} name="language" defaultValue="ja">
              <option value="ja">{t('nav.languages.ja')}</option>
              <option value="en">{t('nav.languages.en')}</option>
            </select>
          )}
        </FormField>
      </div>
      <RolesField prefix="new-user" roles={['researcher']} error={error('roles')} />
      <div className="form-actions">
        <button type="submit" disabled={create.isPending}>
          {t('admin.users.create')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function EditUserForm({
  user,
  onCancel,
  onSaved,
}: {
  readonly user: User;
  readonly onCancel: () => void;
  readonly onSaved: (user: User) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const update = useUpdateUser();
  const errors = apiFieldErrors(update.error);
  const error = (field: string) =>
    errors[field] === undefined ? undefined : t(`admin.fieldErrors.api.${field}`, { defaultValue: errors[field] });
  const prefix = `user-${user.id}`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const organisationId = formText(form, 'organisationId');
    update.mutate(
      {
        id: user.id,
        version: user.version,
        body: { roles: rolesOf(form), organisationId: organisationId || null, disabled: form.get('active') !== 'on' },
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <form className="card admin-form" onSubmit={submit} aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{t('admin.users.editTitle', { name: user.name })}</h2>
      <p className="muted">{user.email}</p>
      {me.data?.id === user.id && <p className="alert alert-warn">{t('admin.users.yourself')}</p>}
      <ProblemAlert error={update.error} />
      <RolesField prefix={prefix} roles={user.roles} error={error('roles')} />
      <div className="grid-2">
        <FormField id={`${prefix}-organisation`} label={t('admin.users.organisation')} error={error('organisationId')}>
          {(control) => <OrganisationSelect control={control} value={user.organisation?.id ?? ''} />}
        </FormField>
        <div className="field">
          <span className="checkbox">
            <input
              id={`${prefix}-active`}
              type="checkbox"
              name="active"
              defaultChecked={!user.disabled}
              aria-invalid={error('disabled') !== undefined}
              aria-describedby={`${prefix}-active-hint${error('disabled') ? ` ${prefix}-active-error` : ''}`}
            />
            <label htmlFor={`${prefix}-active`}>{t('admin.users.canSignIn')}</label>
          </span>
          <span id={`${prefix}-active-hint`} className="hint">
            {t('admin.users.canSignInHint')}
          </span>
          {error('disabled') && (
            <span id={`${prefix}-active-error`} className="error">
              {error('disabled')}
            </span>
          )}
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={update.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

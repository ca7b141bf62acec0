import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Problem } from '../../api/problem';
import { formatInstant, pick, viewerTimeZone } from '../../lib/format';
import { useProblemText } from '../../ui/ProblemAlert';
import { useAgencies } from '../calls/calls-queries';
import './call-editor.css';
import {
  type AgencyRow,
  agencyRow,
  anchorOf,
  type Call,
  type CallAction,
  type CallForm,
  type CriterionRow,
  emptyCriterion,
  emptyTrack,
  type FormProblem,
  instantFromLocal,
  leadZone,
  MODES,
  type TrackRow,
} from './call-form';

const CURRENCIES = ['JPY', 'USD', 'EUR', 'GBP', 'CNY', 'KRW', 'SGD', 'THB', 'IDR', 'VND', 'INR', 'AUD', 'CAD', 'CHF', 'SEK'] as const;

/** A problem to show: by field when it has one, with its text in the reader's language where the page knows it. */
export interface ShownProblem {
  readonly field: string;
  readonly text: string;
  /** The api's own words (English), marked so that screen readers pronounce them right. */
  readonly lang?: 'en';
}

/** Problems of the form (found before sending) and of the api's answer, as one list by field. */
export function useShownProblems(): (found: readonly FormProblem[], error: unknown) => ShownProblem[] {
  const { t } = useTranslation();
  return (found, error) => [
    ...found.map((p) => ({ field: p.field, text: t(`agencyCalls.problems.${p.key}`) })),
    ...(error instanceof ApiError
      ? (error.problem.errors ?? []).map((e) => ({
          field: e.field,
          text: e.message.startsWith(`${e.field} `) ? e.message.slice(e.field.length + 1) : e.message,
          lang: 'en' as const,
        }))
      : []),
  ];
}

/**
 * Moves the focus to an element once it is rendered: the first input of a row just added, or the
 * add button after a row was removed, so that keyboard users are not left on <body>.
 */
export function useFocusSoon(): (id: string) => void {
  const [target, setTarget] = useState<{ readonly id: string; readonly turn: number }>();
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  return (id) => setTarget((before) => ({ id, turn: (before?.turn ?? 0) + 1 }));
}

/** What the officer may change here: everything on a new call; otherwise what the api allows. */
export interface Editable {
  readonly shared: boolean;
  readonly mode: boolean;
  readonly agency: (agencyId: string) => boolean;
  readonly addAgencies: boolean;
}

export function editableOf(call: Call | undefined, allowed: readonly CallAction[], ownAgencyId: string | null): Editable {
  if (!call) return { shared: true, mode: true, agency: () => true, addAgencies: true };
  const shared = allowed.includes('edit_shared');
  return {
    shared,
    mode: shared && call.publishedAt === null,
    agency: (agencyId) => allowed.includes('edit_own_entry') && agencyId === ownAgencyId,
    addAgencies: false,
  };
}

/**
 * The call's form: titles and summaries in both languages, program, cooperation mode, agencies
 * (each deadline typed in that agency's zone, with the zone and the UTC instant beside it), tracks,
 * review criteria, fields, countries and the timeline (in the lead agency's zone).
 */
export function CallEditor({
  form,
  onChange,
  editable,
  problems,
  programs,
  call,
  onSubmit,
  actions,
}: {
  readonly form: CallForm;
  readonly onChange: (form: CallForm) => void;
  readonly editable: Editable;
  readonly problems: readonly ShownProblem[];
  readonly programs: readonly { id: string; code: string; name: { ja: string; en: string } }[];
  readonly call: Call | undefined;
  readonly onSubmit: () => void;
  readonly actions: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const set = (change: Partial<CallForm>) => onChange({ ...form, ...change });
  const zone = leadZone(form);
  const money = form.mode !== 'twinning';
  const field = (path: string) => ({ path, problems });
  const focusSoon = useFocusSoon();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form className="call-editor" onSubmit={submit} noValidate aria-label={t('agencyCalls.editor.formLabel')}>
      <fieldset disabled={!editable.shared}>
        <legend>{t('agencyCalls.editor.about')}</legend>
        <div className="pair">
          <TextInput
            {...field('titleJa')}
            label={t('agencyCalls.fields.titleJa')}
            value={form.titleJa}
            lang="ja"
            onChange={(titleJa) => set({ titleJa })}
          />
          <TextInput
            {...field('titleEn')}
            label={t('agencyCalls.fields.titleEn')}
            value={form.titleEn}
            lang="en"
            onChange={(titleEn) => set({ titleEn })}
          />
          <TextInput
            {...field('summaryJa')}
            label={t('agencyCalls.fields.summaryJa')}
            value={form.summaryJa}
            lang="ja"
            multiline
            onChange={(summaryJa) => set({ summaryJa })}
          />
          <TextInput
            {...field('summaryEn')}
            label={t('agencyCalls.fields.summaryEn')}
            value={form.summaryEn}
            lang="en"
            multiline
            onChange={(summaryEn) => set({ summaryEn })}
          />
        </div>
        <div className="inline">
          <Field {...field('programId')} label={t('agencyCalls.fields.programId')}>
            {(props) => (
              <select {...props} value={form.programId} disabled={call !== undefined} onChange={(e) => set({ programId: e.target.value })}>
                <option value="">{t('agencyCalls.editor.chooseProgram')}</option>
                {call && !programs.some((p) => p.id === call.program.id) && (
                  <option value={call.program.id}>
                    {call.program.code} · {pick(call.program.name, language)}
                  </option>
                )}
                {programs.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.code} · {pick(p.name, language)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            {...field('mode')}
            label={t('agencyCalls.fields.mode')}
            hint={call?.publishedAt ? t('agencyCalls.editor.modeFixed') : undefined}
          >
            {(props) => (
              <select
                {...props}
                value={form.mode}
                disabled={!editable.mode}
                onChange={(e) => set({ mode: e.target.value as CallForm['mode'] })}
              >
                {MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`mode.${mode}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <p className="muted small">{t(`agencyCalls.modeHint.${form.mode}`)}</p>
      </fieldset>

      <AgenciesSection form={form} onChange={onChange} editable={editable} problems={problems} />

      <fieldset disabled={!editable.shared}>
        <legend>{t('agencyCalls.editor.timeline', { zone })}</legend>
        <p className="muted small">{t('agencyCalls.editor.timelineHint', { zone })}</p>
        <div className="inline">
          {(['announcedAt', 'opensAt', 'reviewStartsAt', 'decisionAt'] as const).map((key) => (
            <ZonedInput
              key={key}
              {...field(key)}
              label={t(`agencyCalls.fields.${key}`)}
              value={form[key]}
              zone={zone}
              onChange={(value) => set({ [key]: value })}
            />
          ))}
          <Field {...field('projectStartOn')} label={t('agencyCalls.fields.projectStartOn')}>
            {(props) => (
              <input {...props} type="date" value={form.projectStartOn} onChange={(e) => set({ projectStartOn: e.target.value })} />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset disabled={!editable.shared} id={anchorOf('tracks')} tabIndex={-1}>
        <legend>{t('agencyCalls.editor.tracks')}</legend>
        <FieldErrors id={anchorOf('tracks')} problems={problems} />
        {form.tracks.map((track, i) => (
          <TrackFields
            key={track.key}
            track={track}
            index={i}
            money={money}
            problems={problems}
            onChange={(change) => set({ tracks: form.tracks.map((tr, j) => (j === i ? { ...tr, ...change } : tr)) })}
            onRemove={
              form.tracks.length > 1
                ? () => {
                    set({ tracks: form.tracks.filter((_, j) => j !== i) });
                    focusSoon('call-add-track');
                  }
                : undefined
            }
          />
        ))}
        <button
          type="button"
          id="call-add-track"
          className="button-secondary"
          onClick={() => {
            set({ tracks: [...form.tracks, emptyTrack()] });
            focusSoon(anchorOf(`tracks[${form.tracks.length}].code`));
          }}
        >
          {t('agencyCalls.editor.addTrack')}
        </button>
      </fieldset>

      <fieldset disabled={!editable.shared} id={anchorOf('criteria')} tabIndex={-1}>
        <legend>{t('agencyCalls.editor.criteria')}</legend>
        <FieldErrors id={anchorOf('criteria')} problems={problems} />
        {form.criteria.map((criterion, i) => (
          <CriterionFields
            key={criterion.key}
            criterion={criterion}
            index={i}
            problems={problems}
            onChange={(change) => set({ criteria: form.criteria.map((c, j) => (j === i ? { ...c, ...change } : c)) })}
            onRemove={() => {
              set({ criteria: form.criteria.filter((_, j) => j !== i) });
              focusSoon('call-add-criterion');
            }}
          />
        ))}
        <button
          type="button"
          id="call-add-criterion"
          className="button-secondary"
          onClick={() => {
            set({ criteria: [...form.criteria, emptyCriterion()] });
            focusSoon(anchorOf(`criteria[${form.criteria.length}].nameJa`));
          }}
        >
          {t('agencyCalls.editor.addCriterion')}
        </button>
      </fieldset>

      <fieldset disabled={!editable.shared}>
        <legend>{t('agencyCalls.editor.scope')}</legend>
        <div className="pair">
          <TextInput
            {...field('fields')}
            label={t('agencyCalls.fields.fields')}
            value={form.fields}
            hint={
              call && call.fieldDetails.length > 0
                ? call.fieldDetails.map((f) => `${f.code}: ${pick(f.name, language)}`).join(' · ')
                : t('agencyCalls.editor.fieldsHint')
            }
            onChange={(fields) => set({ fields })}
          />
          <TextInput
            {...field('eligibleCountries')}
            label={t('agencyCalls.fields.eligibleCountries')}
            value={form.eligibleCountries}
            hint={t('agencyCalls.editor.countriesHint')}
            onChange={(eligibleCountries) => set({ eligibleCountries })}
          />
        </div>
      </fieldset>

      <div className="inline">{actions}</div>
    </form>
  );
}

/** The agencies: the lead (the officer's own on a new call) and the partners, each entry with its own deadline in its own zone. */
function AgenciesSection({
  form,
  onChange,
  editable,
  problems,
}: {
  readonly form: CallForm;
  readonly onChange: (form: CallForm) => void;
  readonly editable: Editable;
  readonly problems: readonly ShownProblem[];
}) {
  const { t, i18n } = useTranslation();
  const agencies = useAgencies();
  const [adding, setAdding] = useState('');
  const setRow = (index: number, change: Partial<AgencyRow>) =>
    onChange({ ...form, agencies: form.agencies.map((a, j) => (j === index ? { ...a, ...change } : a)) });
  const candidates = (agencies.data?.items ?? []).filter((org) => !form.agencies.some((a) => a.agencyId === org.id));
  const money = form.mode !== 'twinning';
  const focusSoon = useFocusSoon();

  const add = () => {
    const org = candidates.find((c) => c.id === adding);
    if (!org) return;
    onChange({ ...form, agencies: [...form.agencies, agencyRow(org, 'partner')] });
    setAdding('');
    focusSoon(anchorOf(`agencies[${form.agencies.length}].deadline`));
  };

  return (
    <section aria-labelledby="call-agencies-heading" id={anchorOf('agencies')} tabIndex={-1}>
      <h2 id="call-agencies-heading">{t('agencyCalls.editor.agencies')}</h2>
      <FieldErrors id={anchorOf('agencies')} problems={problems} />
      {form.agencies.map((row, i) => {
        const prefix = `agencies[${i}]`;
        const own = editable.agency(row.agencyId);
        return (
          <fieldset key={row.agencyId} className="card" disabled={!own}>
            <legend>
              {row.shortName} · {t(`calls.roles.${row.role}`)}
              {!own && <span className="muted small"> · {t('agencyCalls.editor.readOnlyEntry')}</span>}
            </legend>
            <div className="inline">
              <ZonedInput
                path={`${prefix}.deadline`}
                problems={problems}
                label={t('agencyCalls.fields.deadline')}
                value={row.deadline}
                zone={row.timeZone}
                onChange={(deadline) => setRow(i, { deadline })}
              />
              {money && (
                <>
                  <TextInput
                    path={`${prefix}.budgetCap.amount`}
                    problems={problems}
                    label={t('agencyCalls.fields.budgetCap')}
                    value={row.budgetAmount}
                    inputMode="decimal"
                    onChange={(budgetAmount) => setRow(i, { budgetAmount })}
                  />
                  <CurrencySelect
                    path={`${prefix}.budgetCap.currency`}
                    problems={problems}
                    label={t('agencyCalls.fields.currency')}
                    value={row.budgetCurrency}
                    onChange={(budgetCurrency) => setRow(i, { budgetCurrency })}
                  />
                </>
              )}
            </div>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={row.institutionApprovalRequired}
                onChange={(e) => setRow(i, { institutionApprovalRequired: e.target.checked })}
              />
              {t('agencyCalls.fields.institutionApprovalRequired')}
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={row.reviewOnceFinal} onChange={(e) => setRow(i, { reviewOnceFinal: e.target.checked })} />
              {t('agencyCalls.fields.reviewOnceFinal')}
            </label>
            <div className="pair">
              <TextInput
                path={`${prefix}.eligibilityNotesJa`}
                problems={problems}
                label={t('agencyCalls.fields.notesJa')}
                value={row.notesJa}
                lang="ja"
                multiline
                onChange={(notesJa) => setRow(i, { notesJa })}
              />
              <TextInput
                path={`${prefix}.eligibilityNotesEn`}
                problems={problems}
                label={t('agencyCalls.fields.notesEn')}
                value={row.notesEn}
                lang="en"
                multiline
                onChange={(notesEn) => setRow(i, { notesEn })}
              />
            </div>
            {editable.addAgencies && row.role === 'partner' && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  onChange({ ...form, agencies: form.agencies.filter((_, j) => j !== i) });
                  focusSoon('call-add-agency');
                }}
              >
                {t('agencyCalls.editor.removeAgency', { agency: row.shortName })}
              </button>
            )}
          </fieldset>
        );
      })}
      {editable.addAgencies && (
        <div className="inline">
          <div className="field">
            <label htmlFor="call-add-agency">{t('agencyCalls.editor.partnerToAdd')}</label>
            <select id="call-add-agency" value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">{t('agencyCalls.editor.chooseAgency')}</option>
              {candidates.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.shortName} · {pick(org.name, i18n.language)} ({org.timeZone})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button type="button" className="button-secondary" disabled={adding === ''} onClick={add}>
              {t('agencyCalls.editor.addAgency')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function TrackFields({
  track,
  index,
  money,
  problems,
  onChange,
  onRemove,
}: {
  readonly track: TrackRow;
  readonly index: number;
  readonly money: boolean;
  readonly problems: readonly ShownProblem[];
  readonly onChange: (change: Partial<TrackRow>) => void;
  readonly onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const prefix = `tracks[${index}]`;
  const n = index + 1;
  return (
    <fieldset>
      <legend>{t('agencyCalls.editor.track', { n })}</legend>
      <div className="inline">
        <TextInput
          path={`${prefix}.code`}
          problems={problems}
          label={t('agencyCalls.fields.trackCode')}
          value={track.code}
          size={12}
          onChange={(code) => onChange({ code })}
        />
        <TextInput
          path={`${prefix}.nameJa`}
          problems={problems}
          label={t('agencyCalls.fields.trackNameJa')}
          value={track.nameJa}
          lang="ja"
          onChange={(nameJa) => onChange({ nameJa })}
        />
        <TextInput
          path={`${prefix}.nameEn`}
          problems={problems}
          label={t('agencyCalls.fields.trackNameEn')}
          value={track.nameEn}
          lang="en"
          onChange={(nameEn) => onChange({ nameEn })}
        />
      </div>
      <div className="inline">
        {money && (
          <>
            <TextInput
              path={`${prefix}.maxBudget.amount`}
              problems={problems}
              label={t('agencyCalls.fields.trackBudget')}
              value={track.budgetAmount}
              inputMode="decimal"
              onChange={(budgetAmount) => onChange({ budgetAmount })}
            />
            <CurrencySelect
              path={`${prefix}.maxBudget.currency`}
              problems={problems}
              label={t('agencyCalls.fields.trackCurrency')}
              value={track.budgetCurrency}
              onChange={(budgetCurrency) => onChange({ budgetCurrency })}
            />
          </>
        )}
        <TextInput
          path={`${prefix}.maxDurationMonths`}
          problems={problems}
          label={t('agencyCalls.fields.trackDuration')}
          value={track.maxDurationMonths}
          inputMode="numeric"
          size={6}
          onChange={(maxDurationMonths) => onChange({ maxDurationMonths })}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={track.earlyCareerRequired} onChange={(e) => onChange({ earlyCareerRequired: e.target.checked })} />
        {t('agencyCalls.fields.earlyCareerRequired')}
      </label>
      {onRemove && (
        <button type="button" className="button-secondary" onClick={onRemove}>
          {t('agencyCalls.editor.removeTrack', { n })}
        </button>
      )}
    </fieldset>
  );
}

function CriterionFields({
  criterion,
  index,
  problems,
  onChange,
  onRemove,
}: {
  readonly criterion: CriterionRow;
  readonly index: number;
  readonly problems: readonly ShownProblem[];
  readonly onChange: (change: Partial<CriterionRow>) => void;
  readonly onRemove: () => void;
}) {
  const { t } = useTranslation();
  const prefix = `criteria[${index}]`;
  const n = index + 1;
  const number = (key: 'scaleMin' | 'scaleMax' | 'weight' | 'threshold') => (
    <TextInput
      path={`${prefix}.${key}`}
      problems={problems}
      label={t(`agencyCalls.fields.${key}`)}
      value={criterion[key]}
      inputMode="decimal"
      size={6}
      onChange={(value) => onChange({ [key]: value })}
    />
  );
  return (
    <fieldset>
      <legend>{t('agencyCalls.editor.criterion', { n })}</legend>
      <div className="pair">
        <TextInput
          path={`${prefix}.nameJa`}
          problems={problems}
          label={t('agencyCalls.fields.criterionNameJa')}
          value={criterion.nameJa}
          lang="ja"
          onChange={(nameJa) => onChange({ nameJa })}
        />
        <TextInput
          path={`${prefix}.nameEn`}
          problems={problems}
          label={t('agencyCalls.fields.criterionNameEn')}
          value={criterion.nameEn}
          lang="en"
          onChange={(nameEn) => onChange({ nameEn })}
        />
      </div>
      <div className="inline">
        {number('scaleMin')}
        {number('scaleMax')}
        {number('weight')}
        {number('threshold')}
      </div>
      <button type="button" className="button-secondary" onClick={onRemove}>
        {t('agencyCalls.editor.removeCriterion', { n })}
      </button>
    </fieldset>
  );
}

export interface FieldProps {
  readonly path: string;
  readonly problems: readonly ShownProblem[];
  readonly label: string;
  readonly hint?: string | undefined;
}

interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': boolean | undefined;
  readonly 'aria-describedby': string | undefined;
}

/** A labelled control with its hint and the problems that name its field, announced with it. */
export function Field({ path, problems, label, hint, children }: FieldProps & { readonly children: (props: ControlProps) => ReactNode }) {
  const id = anchorOf(path);
  const mine = problems.filter((p) => anchorOf(p.field) === id);
  const describedBy = [hint ? `${id}-hint` : '', mine.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': mine.length > 0 || undefined, 'aria-describedby': describedBy })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      <FieldErrors id={id} problems={problems} />
    </div>
  );
}

export function FieldErrors({ id, problems }: { readonly id: string; readonly problems: readonly ShownProblem[] }) {
  const mine = problems.filter((p) => anchorOf(p.field) === id);
  if (mine.length === 0) return null;
  return (
    <span id={`${id}-error`} className="error">
      {mine.map((p, i) => (
        <span key={i} lang={p.lang}>
          {p.text}{' '}
        </span>
      ))}
    </span>
  );
}

export function TextInput({
  value,
  onChange,
  multiline = false,
  lang,
  inputMode,
  size,
  maxLength,
  rows = 4,
  ...field
}: FieldProps & {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly multiline?: boolean;
  readonly lang?: string;
  readonly inputMode?: 'decimal' | 'numeric';
  readonly size?: number;
  readonly maxLength?: number;
  readonly rows?: number;
}) {
  return (
    <Field {...field}>
      {(props) =>
        multiline ? (
          <textarea {...props} lang={lang} rows={rows} maxLength={maxLength} value={value} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            {...props}
            lang={lang}
            inputMode={inputMode}
            size={size}
            maxLength={maxLength}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

function CurrencySelect({
  value,
  onChange,
  ...field
}: FieldProps & { readonly value: string; readonly onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field {...field}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('agencyCalls.editor.noCap')}</option>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A wall-clock time typed in `zone`, with the zone named and the UTC instant (and the viewer's time) shown as it is typed. */
function ZonedInput({
  value,
  zone,
  onChange,
  ...field
}: FieldProps & { readonly value: string; readonly zone: string; readonly onChange: (value: string) => void }) {
  const { t, i18n } = useTranslation();
  const read = value ? instantFromLocal(value, zone) : undefined;
  const hint = !read
    ? t('agencyCalls.editor.inZone', { zone })
    : 'utc' in read
      ? t('agencyCalls.editor.inZoneUtc', {
          zone,
          utc: read.utc.replace('T', ' ').replace(':00Z', ' UTC'),
          viewer: formatInstant(read.utc, i18n.language, viewerTimeZone()),
        })
      : t(read.error === 'skipped' ? 'agencyCalls.problems.dateSkipped' : 'agencyCalls.problems.dateInvalid');
  return (
    <Field {...field} hint={hint}>
      {(props) => <input {...props} type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** The problems at the top of the form, each a link to its field; the api's refusal in words above them. */
export function ProblemSummary({
  problems,
  error,
  fieldLabel,
  id = 'call-problems',
}: {
  readonly problems: readonly ShownProblem[];
  readonly error: unknown;
  readonly fieldLabel: (path: string) => string;
  /** Unique on the page: the call's form and its documents each have a summary. */
  readonly id?: string;
}) {
  const { t } = useTranslation();
  const text = useProblemText();
  if (problems.length === 0 && !error) return null;
  const problem: Problem | undefined = error instanceof ApiError ? error.problem : undefined;
  return (
    <div role="alert" className="alert alert-error" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`}>
        <strong>{problem ? text(problem) : t('agencyCalls.problems.summary', { count: problems.length })}</strong>
      </p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p, i) => (
            <li key={`${p.field}-${i}`}>
              <a
                href={`#${anchorOf(p.field)}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(anchorOf(p.field))?.focus();
                }}
              >
                {fieldLabel(p.field)}
              </a>
              : <span lang={p.lang}>{p.text}</span>
            </li>
          ))}
        </ul>
      )}
      {problem?.requestId && <p className="muted small">{t('problems.requestId', { id: problem.requestId })}</p>}
    </div>
  );
}

/** A field path as its label says it: agencies[1].deadline → "NSF: Deadline". */
export function useFieldLabel(form: CallForm): (path: string) => string {
  const { t } = useTranslation();
  return (path) => {
    const match = /^(agencies|tracks|criteria|fields|eligibleCountries)(?:\[(\d+)\])?(?:\.([A-Za-z]+))?(?:\.([A-Za-z]+))?$/.exec(path);
    if (!match) return t(`agencyCalls.fields.${path}`, { defaultValue: path });
    const [, list = '', index, key, sub] = match;
    const n = Number(index ?? 0) + 1;
    const part = key ? t(`agencyCalls.pathParts.${sub ?? key}`, { defaultValue: sub ?? key }) : '';
    if (list === 'agencies') {
      const agency = index === undefined ? t('agencyCalls.editor.agencies') : (form.agencies[Number(index)]?.shortName ?? String(n));
      return part ? `${agency}: ${part}` : agency;
    }
    if (list === 'tracks' || list === 'criteria') {
      const name =
        index === undefined ? t(`agencyCalls.editor.${list}`) : t(`agencyCalls.editor.${list === 'tracks' ? 'track' : 'criterion'}`, { n });
      return part ? `${name}: ${part}` : name;
    }
    return t(`agencyCalls.fields.${list}`);
  };
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import { formatInstant, viewerTimeZone } from '../../lib/format';
import { QueryState } from '../../ui/ProblemAlert';
import { useDocumentRequirements, usePutDocumentRequirements } from './agency-calls-queries';
import { anchorOf, type Call } from './call-form';
import { Field, FieldErrors, ProblemSummary, type ShownProblem, TextInput, useFocusSoon } from './CallEditor';
import {
  DOCUMENT_KINDS,
  DOCUMENT_SCOPES,
  type DocumentKind,
  type DocumentRequirement,
  emptyRow,
  limitInMegabytes,
  MAX_MB,
  MAX_PAGES,
  MEDIA_TYPES,
  type MediaType,
  moveRow,
  type RequirementProblem,
  type RequirementRow,
  requirementField,
  requirementPath,
  requirementsBody,
  rowOf,
  withKind,
  withType,
} from './requirements-form';

/** The catalogue's short name of each accepted type. */
const TYPE_KEYS: Record<MediaType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpeg' };

/**
 * The documents a call asks of its applicants, edited by the lead agency's officers and saved on
 * their own (the api keeps them apart from the call's version); read-only for everyone else.
 */
export function DocumentRequirementsSection({ call }: { readonly call: Call }) {
  const { t } = useTranslation();
  const list = useDocumentRequirements(call.id);
  return (
    <section className="call-editor call-documents" aria-labelledby="call-documents-heading">
      <h2 id="call-documents-heading">{t('agencyCalls.documents.heading')}</h2>
      <p className="muted small">{t('agencyCalls.documents.intro')}</p>
      <QueryState query={list} />
      {list.data && <RequirementsForm callId={call.id} requirements={list.data} editable={call.allowedActions.includes('edit_shared')} />}
    </section>
  );
}

/** The problems to show, by the input they concern: those seen before sending, then the api's. */
function useRequirementProblems(): (found: readonly RequirementProblem[], error: unknown) => ShownProblem[] {
  const { t } = useTranslation();
  return (found, error) => [
    ...found.map((p) => ({
      field: p.field,
      text: t(`agencyCalls.documents.problems.${p.key}`, { max: p.key === 'sizeRange' ? MAX_MB : MAX_PAGES }),
    })),
    ...(error instanceof ApiError
      ? (error.problem.errors ?? []).map((e): ShownProblem => {
          const field = requirementField(e.field);
          const limit = field.endsWith('.maxBytes') ? limitInMegabytes(e.message) : undefined;
          if (limit !== undefined) return { field, text: t('agencyCalls.documents.problems.sizeAtMost', { max: limit }) };
          return { field, text: e.message.startsWith(`${e.field} `) ? e.message.slice(e.field.length + 1) : e.message, lang: 'en' };
        })
      : []),
  ];
}

type SaveState = { readonly kind: 'idle' } | { readonly kind: 'saved'; readonly at: string } | { readonly kind: 'nothing' };

function RequirementsForm({
  callId,
  requirements,
  editable,
}: {
  readonly callId: string;
  readonly requirements: readonly DocumentRequirement[];
  readonly editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [saved, setSaved] = useState<readonly RequirementRow[]>(() => requirements.map(rowOf));
  const [rows, setRows] = useState<readonly RequirementRow[]>(saved);
  const [found, setFound] = useState<readonly RequirementProblem[]>([]);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const put = usePutDocumentRequirements(callId);
  const shown = useRequirementProblems()(found, put.error);
  const focusSoon = useFocusSoon();
  const dirty = JSON.stringify(rows) !== JSON.stringify(saved);
  const labelOf = (kind: DocumentKind) => ({
    ja: i18n.getFixedT('ja')(`agencyCalls.documents.kinds.${kind}`),
    en: i18n.getFixedT('en')(`agencyCalls.documents.kinds.${kind}`),
  });

  const change = (next: readonly RequirementRow[]) => {
    setRows(next);
    setState({ kind: 'idle' });
  };
  const setRow = (index: number, row: RequirementRow) => change(rows.map((r, j) => (j === index ? row : r)));

  const fieldLabel = (path: string) => {
    const at = requirementPath(path);
    if (!at || at.index === undefined) return t('agencyCalls.documents.heading');
    const name = t('agencyCalls.documents.document', { n: at.index + 1 });
    return at.part ? `${name}: ${t(`agencyCalls.documents.pathParts.${at.part}`, { defaultValue: at.part })}` : name;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const built = requirementsBody(rows);
    setFound(built.problems);
    put.reset();
    if (!('body' in built)) return;
    if (!dirty) {
      setState({ kind: 'nothing' });
      return;
    }
    put.mutate(built.body, {
      onSuccess: (answer) => {
        const next = answer.map(rowOf);
        setSaved(next);
        setRows(next);
        setState({ kind: 'saved', at: new Date().toISOString() });
      },
    });
  };

  const move = (index: number, by: -1 | 1, row: RequirementRow) => {
    change(moveRow(rows, index, by));
    const to = index + by;
    // The button pressed follows its row; at the end of the list, where it is disabled, the other one takes the focus.
    const edge = (by === -1 && to === 0) || (by === 1 && to === rows.length - 1);
    focusSoon(`call-requirement-${row.key}-${edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`);
  };

  return (
    <>
      <ProblemSummary id="call-documents-problems" problems={shown} error={put.error} fieldLabel={fieldLabel} />
      <form onSubmit={onSubmit} noValidate aria-labelledby="call-documents-heading">
        <div id={anchorOf('requirements')} tabIndex={-1}>
          <FieldErrors id={anchorOf('requirements')} problems={shown} />
        </div>
        {rows.length === 0 && <p>{t('agencyCalls.documents.none')}</p>}
        {!editable && rows.length > 0 && <p className="muted small">{t('agencyCalls.documents.leadOnly')}</p>}
        <fieldset disabled={!editable} className="requirements">
          <legend className="visually-hidden">{t('agencyCalls.documents.heading')}</legend>
          {rows.map((row, i) => (
            <RequirementFields
              key={row.key}
              row={row}
              index={i}
              count={rows.length}
              editable={editable}
              problems={shown}
              onChange={(next) => setRow(i, next)}
              onKind={(kind) => setRow(i, withKind(row, kind, labelOf))}
              onMove={(by) => move(i, by, row)}
              onRemove={() => {
                change(rows.filter((_, j) => j !== i));
                focusSoon('call-add-requirement');
              }}
            />
          ))}
          {editable && (
            <button
              type="button"
              id="call-add-requirement"
              className="button-secondary"
              onClick={() => {
                change([...rows, emptyRow('research_plan', labelOf('research_plan'))]);
                focusSoon(anchorOf(`requirements[${rows.length}].kind`));
              }}
            >
              {t('agencyCalls.documents.add')}
            </button>
          )}
        </fieldset>
        {editable && (
          <div className="inline">
            <button type="submit" disabled={put.isPending}>
              {t('agencyCalls.documents.save')}
            </button>
            <span className="saved-at" role="status" aria-live="polite">
              {state.kind === 'saved' &&
                !dirty &&
                t('agencyCalls.editor.savedAt', { time: formatInstant(state.at, i18n.language, viewerTimeZone()) })}
              {state.kind === 'nothing' && !dirty && t('agencyCalls.editor.nothingToSave')}
              {dirty && t('agencyCalls.editor.unsaved')}
            </span>
          </div>
        )}
      </form>
    </>
  );
}

function RequirementFields({
  row,
  index,
  count,
  editable,
  problems,
  onChange,
  onKind,
  onMove,
  onRemove,
}: {
  readonly row: RequirementRow;
  readonly index: number;
  readonly count: number;
  readonly editable: boolean;
  readonly problems: readonly ShownProblem[];
  readonly onChange: (row: RequirementRow) => void;
  readonly onKind: (kind: DocumentKind) => void;
  readonly onMove: (by: -1 | 1) => void;
  readonly onRemove: () => void;
}) {
  const { t } = useTranslation();
  const prefix = `requirements[${index}]`;
  const n = index + 1;
  const set = (change: Partial<RequirementRow>) => onChange({ ...row, ...change });
  const typesId = anchorOf(`${prefix}.acceptedTypes`);
  const typesInvalid = problems.some((p) => anchorOf(p.field) === typesId);
  return (
    <fieldset className="card requirement" id={anchorOf(prefix)} tabIndex={-1}>
      <legend>{t('agencyCalls.documents.document', { n })}</legend>
      <FieldErrors id={anchorOf(prefix)} problems={problems} />
      <div className="inline">
        <Field path={`${prefix}.kind`} problems={problems} label={t('agencyCalls.documents.fields.kind')}>
          {(props) => (
            <select {...props} value={row.kind} onChange={(e) => onKind(e.target.value as DocumentKind)}>
              {DOCUMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`agencyCalls.documents.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path={`${prefix}.scope`} problems={problems} label={t('agencyCalls.documents.fields.scope')}>
          {(props) => (
            <select {...props} value={row.scope} onChange={(e) => set({ scope: e.target.value as RequirementRow['scope'] })}>
              {DOCUMENT_SCOPES.map((scope) => (
                <option key={scope} value={scope}>
                  {t(`agencyCalls.documents.scopes.${scope}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={row.required} onChange={(e) => set({ required: e.target.checked })} />
            {t('agencyCalls.documents.fields.required')}
          </label>
        </div>
      </div>
      <div className="pair">
        <TextInput
          path={`${prefix}.labelJa`}
          problems={problems}
          label={t('agencyCalls.documents.fields.labelJa')}
          value={row.labelJa}
          lang="ja"
          maxLength={200}
          onChange={(labelJa) => set({ labelJa })}
        />
        <TextInput
          path={`${prefix}.labelEn`}
          problems={problems}
          label={t('agencyCalls.documents.fields.labelEn')}
          value={row.labelEn}
          lang="en"
          maxLength={200}
          onChange={(labelEn) => set({ labelEn })}
        />
        <TextInput
          path={`${prefix}.helpJa`}
          problems={problems}
          label={t('agencyCalls.documents.fields.helpJa')}
          value={row.helpJa}
          lang="ja"
          multiline
          rows={2}
          maxLength={2000}
          onChange={(helpJa) => set({ helpJa })}
        />
        <TextInput
          path={`${prefix}.helpEn`}
          problems={problems}
          label={t('agencyCalls.documents.fields.helpEn')}
          value={row.helpEn}
          lang="en"
          multiline
          rows={2}
          maxLength={2000}
          onChange={(helpEn) => set({ helpEn })}
        />
      </div>
      <div className="inline">
        <fieldset className="types" id={typesId} tabIndex={-1} aria-describedby={typesInvalid ? `${typesId}-error` : undefined}>
          <legend>{t('agencyCalls.documents.fields.acceptedTypes')}</legend>
          <div className="inline">
            {MEDIA_TYPES.map((type) => (
              <label key={type} className="checkbox">
                <input
                  type="checkbox"
                  checked={row.acceptedTypes.includes(type)}
                  onChange={(e) => onChange(withType(row, type, e.target.checked))}
                />
                {t(`agencyCalls.documents.types.${TYPE_KEYS[type]}`)}
              </label>
            ))}
          </div>
          <FieldErrors id={typesId} problems={problems} />
        </fieldset>
        <TextInput
          path={`${prefix}.maxBytes`}
          problems={problems}
          label={t('agencyCalls.documents.fields.maxMb')}
          value={row.maxMb}
          inputMode="decimal"
          size={8}
          onChange={(maxMb) => set({ maxMb })}
        />
        <TextInput
          path={`${prefix}.maxPages`}
          problems={problems}
          label={t('agencyCalls.documents.fields.maxPages')}
          hint={t('agencyCalls.documents.fields.maxPagesHint')}
          value={row.maxPages}
          inputMode="numeric"
          size={6}
          onChange={(maxPages) => set({ maxPages })}
        />
      </div>
      {editable && (
        <div className="inline">
          <button
            type="button"
            id={`call-requirement-${row.key}-up`}
            className="button-secondary"
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            {t('agencyCalls.documents.moveUp', { n })}
          </button>
          <button
            type="button"
            id={`call-requirement-${row.key}-down`}
            className="button-secondary"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            {t('agencyCalls.documents.moveDown', { n })}
          </button>
          <button type="button" className="button-secondary" onClick={onRemove}>
            {t('agencyCalls.documents.remove', { n })}
          </button>
        </div>
      )}
    </fieldset>
  );
}

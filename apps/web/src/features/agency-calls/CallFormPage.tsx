import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { PageFallback } from '../../app/NotFoundPage';
import { pagePath } from '../../app/page-paths';
import { formatInstant, pick, viewerTimeZone } from '../../lib/format';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Page } from '../../ui/Page';
import { QueryState } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { asQuestions, QUESTION_TYPES, type QuestionType } from '../forms/form-types';
import { callKeys, useCall } from '../calls/calls-queries';
import { useCallForm, useDocumentRequirements, usePutCallForm } from './agency-calls-queries';
import { anchorOf, type Call } from './call-form';
import { CallTabs } from './CallTabs';
import { Field, FieldErrors, ProblemSummary, type ShownProblem, TextInput, useFocusSoon } from './CallEditor';
import './form-builder.css';
import {
  addChoice,
  addQuestion,
  type BuilderProblem,
  buildForm,
  type CallFormAnswer,
  choicePath,
  type ChoiceDraft,
  DEFAULT_SHORT_TEXT_CHARS,
  draftsOf,
  FORM_PATH,
  isChoiceType,
  knownProblem,
  MAX_CHOICES,
  MAX_HELP_CHARS,
  MAX_KEY_CHARS,
  MAX_LABEL_CHARS,
  MAX_LONG_TEXT_CHARS,
  MAX_QUESTIONS,
  MAX_SHORT_TEXT_CHARS,
  MAX_WORDS,
  moveChoice,
  moveItem,
  placeOf,
  type QuestionDraft,
  questionPath,
  removeChoice,
  removeQuestion,
  SCOPES,
  type SentForm,
  serverField,
  type TextLimit,
  updateChoice,
  updateQuestion,
  VISIBILITIES,
  withChoiceLabelEn,
  withChoiceValue,
  withKey,
  withLabelEn,
  withType,
} from './form-builder';
import { FormPreview } from './FormPreview';
import type { DocumentRequirement } from './requirements-form';

const P = 'agencyCalls.formBuilder';

/**
 * A call's own questions: the lead agency's officers shape them (until the call opens; then only
 * as a new version made on purpose), every participating agency's officers read them; a preview in
 * both languages beside them, as applicants will see them.
 */
export function CallFormPage() {
  const { callId = '' } = useParams();
  const { i18n } = useTranslation();
  const found = useCall(callId);
  if (found.error || !found.data) return <PageFallback query={found} />;
  return (
    <Page title={pick(found.data.title, i18n.language)}>
      <CallFormSection call={found.data} />
    </Page>
  );
}

function CallFormSection({ call }: { readonly call: Call }) {
  const { t } = useTranslation();
  const form = useCallForm(call.id);
  const requirements = useDocumentRequirements(call.id);
  return (
    <>
      <CallTabs callId={call.id} />
      <h2 id="form-heading">{t(`${P}.heading`)}</h2>
      <p className="muted small form-intro">{t(`${P}.intro`)}</p>
      <QueryState query={form} />
      {form.data && (
        <FormBuilder
          key={call.id}
          call={call}
          answer={form.data}
          requirements={requirements.data ?? []}
          requirementsLoaded={!!requirements.data}
        />
      )}
    </>
  );
}

type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saved'; readonly at: string; readonly version: number | null }
  | { readonly kind: 'nothing' };

/** The problems to show, by field: those seen before sending, then the api's, read by the positions sent. */
function useBuilderProblems(): (found: readonly BuilderProblem[], error: unknown, sent: SentForm | undefined) => ShownProblem[] {
  const { t } = useTranslation();
  return (found, error, sent) => [
    ...found.map((p) => ({ field: p.field, text: t(`${P}.problems.${p.key}`, p.values ?? {}) })),
    ...(error instanceof ApiError && sent
      ? (error.problem.errors ?? []).map((e): ShownProblem => {
          const field = serverField(e.field, sent);
          const message = e.message.startsWith(`${e.field} `) ? e.message.slice(e.field.length + 1) : e.message;
          const known = knownProblem(message);
          return known ? { field, text: t(`${P}.problems.${known.key}`, known.values ?? {}) } : { field, text: message, lang: 'en' };
        })
      : []),
  ];
}

function FormBuilder({
  call,
  answer,
  requirements,
  requirementsLoaded,
}: {
  readonly call: Call;
  readonly answer: CallFormAnswer;
  readonly requirements: readonly DocumentRequirement[];
  readonly requirementsLoaded: boolean;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [version, setVersion] = useState(answer.version);
  const [saved, setSaved] = useState<readonly QuestionDraft[]>(() => draftsOf(asQuestions(answer.questions)));
  const [drafts, setDrafts] = useState<readonly QuestionDraft[]>(saved);
  const [found, setFound] = useState<readonly BuilderProblem[]>([]);
  const [sent, setSent] = useState<SentForm>();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [newType, setNewType] = useState<QuestionType>('short_text');
  /** The officer chose to make a new version of the frozen form: the next save sends newVersion=true. */
  const [newVersion, setNewVersion] = useState(false);
  /** As the api says: the call is open and the form has a version (also once a save answered FORM_FROZEN, the call having opened meanwhile). */
  const [frozen, setFrozen] = useState(answer.frozen);
  const [moved, setMoved] = useState('');
  const put = usePutCallForm(call.id);
  const focusSoon = useFocusSoon();
  const problemsOf = useBuilderProblems();

  const mayEdit = call.allowedActions.includes('edit_shared');
  const editing = mayEdit && (!frozen || newVersion);
  const dirty = JSON.stringify(drafts) !== JSON.stringify(saved);
  const frozenError = put.error instanceof ApiError && put.error.problem.code === 'FORM_FROZEN';
  const ids = new Set(drafts.flatMap((d) => [d.id, ...d.choices.map((c) => c.id)]));
  // A problem of a question removed since is no longer shown.
  const shown = problemsOf(found, frozenError ? null : put.error, sent).filter((p) => {
    const place = placeOf(p.field);
    return (place.questionId === undefined || ids.has(place.questionId)) && (place.choiceId === undefined || ids.has(place.choiceId));
  });

  const change = (next: readonly QuestionDraft[]) => {
    setDrafts(next);
    setState({ kind: 'idle' });
  };
  const setQuestion = (id: string, update: (draft: QuestionDraft) => QuestionDraft) => change(updateQuestion(drafts, id, update));

  const fieldLabel = (path: string) => {
    const place = placeOf(path);
    const index = drafts.findIndex((d) => d.id === place.questionId);
    const draft = drafts[index];
    if (!draft) return t(`${P}.questions`);
    const parts = [t(`${P}.question`, { n: index + 1 })];
    const choice = draft.choices.findIndex((c) => c.id === place.choiceId);
    if (choice >= 0) parts.push(t(`${P}.choices.choice`, { n: choice + 1 }));
    if (place.part) parts.push(t(`${P}.${choice >= 0 ? 'choiceParts' : 'pathParts'}.${place.part}`, { defaultValue: place.part }));
    return parts.join(': ');
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!editing) return;
    const built = buildForm(drafts);
    setFound(built.problems);
    put.reset();
    if (!('body' in built)) return;
    if (!dirty) {
      setState({ kind: 'nothing' });
      return;
    }
    setSent(built.sent);
    put.mutate(
      { body: built.body, newVersion: frozen && newVersion },
      {
        onSuccess: (next) => {
          const questions = draftsOf(asQuestions(next.questions), drafts);
          setSaved(questions);
          setDrafts(questions);
          setVersion(next.version);
          setNewVersion(false);
          setFrozen(next.frozen);
          setState({ kind: 'saved', at: new Date().toISOString(), version: next.version });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.problem.code === 'FORM_FROZEN') {
            setFrozen(true);
            void client.invalidateQueries({ queryKey: callKeys.one(call.id), exact: true });
          }
        },
      },
    );
  };

  const move = (id: string, by: -1 | 1) => {
    const index = drafts.findIndex((d) => d.id === id);
    const to = index + by;
    change(moveItem(drafts, id, by));
    setMoved(t(`${P}.moved`, { from: index + 1, to: to + 1 }));
    // The button pressed follows its question; at either end, where it is disabled, the other one takes the focus.
    const edge = to === 0 || to === drafts.length - 1;
    const button = edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    focusSoon(`form-question-${id}-${button}`);
  };

  const remove = (id: string) => {
    const index = drafts.findIndex((d) => d.id === id);
    const next = removeQuestion(drafts, id);
    change(next);
    const neighbour = next[index] ?? next[index - 1];
    focusSoon(neighbour ? anchorOf(questionPath(neighbour.id)) : 'form-add-type');
  };

  const add = () => {
    const next = addQuestion(drafts, newType);
    change(next);
    const added = next[next.length - 1];
    if (added && next.length > drafts.length) focusSoon(anchorOf(questionPath(added.id, 'label.en')));
  };

  const discardNewVersion = () => {
    setDrafts(saved);
    setNewVersion(false);
    setFound([]);
    put.reset();
    setState({ kind: 'idle' });
  };

  const nextVersion = (version ?? 0) + 1;
  return (
    <>
      <p className="muted">
        <StatusBadge status={call.status} group="callStatus" /> ·{' '}
        <span>{version === null ? t(`${P}.noVersion`) : t(`${P}.version`, { version })}</span>
      </p>

      {!mayEdit && (
        <p className="alert alert-info" role="note">
          {call.allowedActions.includes('edit_own_entry') ? t(`${P}.leadOnly`) : t(`${P}.readOnly`)}
        </p>
      )}
      {frozen && !newVersion && (
        <div className="alert alert-info form-frozen" role="note" aria-labelledby="form-frozen-title">
          <p id="form-frozen-title">
            <strong>{t(`${P}.frozen.title`, { version })}</strong>
          </p>
          <p>{t(`${P}.frozen.text`, { version })}</p>
          {mayEdit && (
            <>
              <p>{t(`${P}.frozen.newVersionHint`, { version, next: nextVersion })}</p>
              <ConfirmButton
                label={t(`${P}.frozen.newVersion`, { next: nextVersion })}
                question={t(`${P}.frozen.newVersionQuestion`, { version, next: nextVersion })}
                onConfirm={() => {
                  setNewVersion(true);
                  put.reset();
                  focusSoon('form-new-version-note');
                }}
              />
            </>
          )}
        </div>
      )}
      {frozenError && !newVersion && (
        <div className="alert alert-warn" role="alert">
          <p>{t(`${P}.frozen.openedMeanwhile`)}</p>
        </div>
      )}
      {frozen && newVersion && (
        <div className="alert alert-warn" id="form-new-version-note" tabIndex={-1}>
          <p>
            <strong>{t(`${P}.frozen.editingTitle`, { next: nextVersion })}</strong>
          </p>
          <p>{t(`${P}.frozen.editingText`, { version, next: nextVersion })}</p>
          <ConfirmButton
            label={t(`${P}.frozen.discard`, { version })}
            question={t(`${P}.frozen.discardQuestion`, { version })}
            onConfirm={discardNewVersion}
          />
        </div>
      )}

      <ProblemSummary id="form-problems" problems={shown} error={frozenError ? null : put.error} fieldLabel={fieldLabel} />

      <div className="form-builder">
        <form className="form-builder-editor call-editor" onSubmit={onSubmit} noValidate aria-labelledby="form-heading">
          <div id={anchorOf(FORM_PATH)} tabIndex={-1}>
            <FieldErrors id={anchorOf(FORM_PATH)} problems={shown} />
          </div>
          {drafts.length === 0 && <p className="muted">{editing ? t(`${P}.none`) : t(`${P}.noneReadOnly`)}</p>}
          <fieldset disabled={!editing} className="questions">
            <legend className="visually-hidden">{t(`${P}.questions`)}</legend>
            {drafts.map((draft, i) => (
              <QuestionEditor
                key={draft.id}
                draft={draft}
                drafts={drafts}
                index={i}
                count={drafts.length}
                editing={editing}
                problems={shown}
                requirements={requirements}
                requirementsLoaded={requirementsLoaded}
                callId={call.id}
                onChange={(update) => setQuestion(draft.id, update)}
                onMove={(by) => move(draft.id, by)}
                onRemove={() => remove(draft.id)}
                focusSoon={focusSoon}
              />
            ))}
            {editing && (
              <div className="inline add-question">
                <div className="field">
                  <label htmlFor="form-add-type">{t(`${P}.addType`)}</label>
                  <select id="form-add-type" value={newType} onChange={(e) => setNewType(e.target.value as QuestionType)}>
                    {QUESTION_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`${P}.types.${type}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <button type="button" className="button-secondary" onClick={add} disabled={drafts.length >= MAX_QUESTIONS}>
                    {t(`${P}.add`)}
                  </button>
                </div>
                {drafts.length >= MAX_QUESTIONS && <p className="hint">{t(`${P}.maxQuestions`, { max: MAX_QUESTIONS })}</p>}
              </div>
            )}
          </fieldset>
          <span className="visually-hidden" role="status" aria-live="polite">
            {moved}
          </span>
          {mayEdit && (
            <div className={editing ? 'inline form-actions' : 'inline'}>
              {editing && (
                <button type="submit" disabled={put.isPending}>
                  {frozen ? t(`${P}.saveNewVersion`, { version: nextVersion }) : t(`${P}.save`)}
                </button>
              )}
              <span className="saved-at" role="status" aria-live="polite">
                {state.kind === 'saved' &&
                  !dirty &&
                  t(`${P}.savedAt`, { time: formatInstant(state.at, i18n.language, viewerTimeZone()), version: state.version })}
                {state.kind === 'nothing' && !dirty && t('agencyCalls.editor.nothingToSave')}
                {dirty && t('agencyCalls.editor.unsaved')}
              </span>
            </div>
          )}
        </form>
        <FormPreview call={call} drafts={drafts} />
      </div>
    </>
  );
}

function QuestionEditor({
  draft,
  drafts,
  index,
  count,
  editing,
  problems,
  requirements,
  requirementsLoaded,
  callId,
  onChange,
  onMove,
  onRemove,
  focusSoon,
}: {
  readonly draft: QuestionDraft;
  readonly drafts: readonly QuestionDraft[];
  readonly index: number;
  readonly count: number;
  readonly editing: boolean;
  readonly problems: readonly ShownProblem[];
  readonly requirements: readonly DocumentRequirement[];
  readonly requirementsLoaded: boolean;
  readonly callId: string;
  readonly onChange: (update: (draft: QuestionDraft) => QuestionDraft) => void;
  readonly onMove: (by: -1 | 1) => void;
  readonly onRemove: () => void;
  readonly focusSoon: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const n = index + 1;
  const path = (part: string) => questionPath(draft.id, part);
  const set = (change: Partial<QuestionDraft>) => onChange((d) => ({ ...d, ...change }));
  const cardId = anchorOf(questionPath(draft.id));
  const label = pick({ en: draft.labelEn, ja: draft.labelJa }, i18n.language).trim();
  const keyHint =
    draft.savedKey !== null && draft.key !== draft.savedKey
      ? t(`${P}.fields.keyChanged`, { key: draft.savedKey })
      : editing
        ? t(`${P}.fields.keyHint`)
        : undefined;

  return (
    <fieldset className="card question" id={cardId} tabIndex={-1}>
      <legend>
        {t(`${P}.question`, { n })}
        {label && <span className="question-title"> · {label}</span>}
      </legend>
      <FieldErrors id={cardId} problems={problems} />
      <div className="inline">
        <Field path={path('type')} problems={problems} label={t(`${P}.fields.type`)}>
          {(props) => (
            <select {...props} value={draft.type} onChange={(e) => onChange((d) => withType(d, e.target.value as QuestionType))}>
              {QUESTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`${P}.types.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path={path('key')} problems={problems} label={t(`${P}.fields.key`)} hint={keyHint}>
          {(props) => (
            <input
              {...props}
              className="key-input"
              value={draft.key}
              size={24}
              maxLength={MAX_KEY_CHARS}
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              onChange={(e) => onChange((d) => withKey(d, e.target.value))}
            />
          )}
        </Field>
      </div>
      <div className="pair">
        <TextInput
          path={path('label.en')}
          problems={problems}
          label={t(`${P}.fields.labelEn`)}
          value={draft.labelEn}
          lang="en"
          maxLength={MAX_LABEL_CHARS}
          onChange={(labelEn) => onChange((d) => withLabelEn(d, labelEn, drafts))}
        />
        <TextInput
          path={path('label.ja')}
          problems={problems}
          label={t(`${P}.fields.labelJa`)}
          value={draft.labelJa}
          lang="ja"
          maxLength={MAX_LABEL_CHARS}
          onChange={(labelJa) => set({ labelJa })}
        />
        <TextInput
          path={path('help.en')}
          problems={problems}
          label={t(`${P}.fields.helpEn`)}
          value={draft.helpEn}
          lang="en"
          multiline
          rows={2}
          maxLength={MAX_HELP_CHARS}
          onChange={(helpEn) => set({ helpEn })}
        />
        <TextInput
          path={path('help.ja')}
          problems={problems}
          label={t(`${P}.fields.helpJa`)}
          value={draft.helpJa}
          lang="ja"
          multiline
          rows={2}
          maxLength={MAX_HELP_CHARS}
          onChange={(helpJa) => set({ helpJa })}
        />
      </div>
      <div className="pair">
        <RadioGroup
          path={path('scope')}
          problems={problems}
          legend={t(`${P}.fields.scope`)}
          options={SCOPES.map((scope) => ({ value: scope, label: t(`${P}.scopes.${scope}`) }))}
          value={draft.scope}
          onChange={(scope) => set({ scope })}
        />
        <RadioGroup
          path={path('visibility')}
          problems={problems}
          legend={t(`${P}.fields.visibility`)}
          options={VISIBILITIES.map((visibility) => ({ value: visibility, label: t(`${P}.visibilities.${visibility}`) }))}
          value={draft.visibility}
          onChange={(visibility) => set({ visibility })}
        />
      </div>
      <Checkbox
        path={path('required')}
        problems={problems}
        label={t(`${P}.fields.required`)}
        checked={draft.required}
        onChange={(required) => set({ required })}
      />

      <Constraints
        draft={draft}
        problems={problems}
        editing={editing}
        requirements={requirements}
        requirementsLoaded={requirementsLoaded}
        callId={callId}
        onChange={onChange}
        focusSoon={focusSoon}
      />

      {editing && (
        <div className="inline question-actions">
          <button
            type="button"
            id={`form-question-${draft.id}-up`}
            className="button-secondary"
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            {t(`${P}.moveUp`, { n })}
          </button>
          <button
            type="button"
            id={`form-question-${draft.id}-down`}
            className="button-secondary"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            {t(`${P}.moveDown`, { n })}
          </button>
          <ConfirmButton
            danger
            label={t(`${P}.remove`, { n })}
            question={label ? t(`${P}.removeQuestionNamed`, { n, label }) : t(`${P}.removeQuestion`, { n })}
            onConfirm={onRemove}
          />
        </div>
      )}
    </fieldset>
  );
}

/** One of a few options as radio buttons, grouped under their question, with the problems that name the group. */
function RadioGroup<T extends string>({
  path,
  problems,
  legend,
  options,
  value,
  onChange,
}: {
  readonly path: string;
  readonly problems: readonly ShownProblem[];
  readonly legend: string;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly value: T;
  readonly onChange: (value: T) => void;
}) {
  const id = anchorOf(path);
  const invalid = problems.some((p) => anchorOf(p.field) === id);
  return (
    <fieldset className="radio-group" id={id} tabIndex={-1} aria-describedby={invalid ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input type="radio" name={id} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
      <FieldErrors id={id} problems={problems} />
    </fieldset>
  );
}

function Checkbox({
  path,
  problems,
  label,
  checked,
  onChange,
}: {
  readonly path: string;
  readonly problems: readonly ShownProblem[];
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}) {
  const id = anchorOf(path);
  const invalid = problems.some((p) => anchorOf(p.field) === id);
  return (
    <div className="field">
      <label className="checkbox">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      <FieldErrors id={id} problems={problems} />
    </div>
  );
}

/** What the question's type takes: a text's limit, a number's bounds, the choices, the document. */
function Constraints({
  draft,
  problems,
  editing,
  requirements,
  requirementsLoaded,
  callId,
  onChange,
  focusSoon,
}: {
  readonly draft: QuestionDraft;
  readonly problems: readonly ShownProblem[];
  readonly editing: boolean;
  readonly requirements: readonly DocumentRequirement[];
  readonly requirementsLoaded: boolean;
  readonly callId: string;
  readonly onChange: (update: (draft: QuestionDraft) => QuestionDraft) => void;
  readonly focusSoon: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const path = (part: string) => questionPath(draft.id, part);
  const set = (change: Partial<QuestionDraft>) => onChange((d) => ({ ...d, ...change }));
  const numberInput = (part: 'maxChars' | 'maxWords' | 'min' | 'max', label: string, hint?: string) => (
    <TextInput
      path={path(part)}
      problems={problems}
      label={label}
      hint={hint}
      value={draft[part]}
      inputMode={part === 'min' || part === 'max' ? 'decimal' : 'numeric'}
      size={10}
      onChange={(value) => set({ [part]: value })}
    />
  );

  switch (draft.type) {
    case 'short_text':
      return (
        <div className="inline constraints">
          {numberInput(
            'maxChars',
            t(`${P}.fields.maxCharsOptional`),
            t(`${P}.fields.maxCharsShortHint`, { default: DEFAULT_SHORT_TEXT_CHARS, max: MAX_SHORT_TEXT_CHARS }),
          )}
        </div>
      );
    case 'long_text':
      return (
        <div className="inline constraints">
          <Field path={path('limitBy')} problems={problems} label={t(`${P}.fields.limitBy`)}>
            {(props) => (
              <select {...props} value={draft.limitBy} onChange={(e) => set({ limitBy: e.target.value as TextLimit })}>
                <option value="chars">{t(`${P}.fields.limitChars`)}</option>
                <option value="words">{t(`${P}.fields.limitWords`)}</option>
              </select>
            )}
          </Field>
          {draft.limitBy === 'chars'
            ? numberInput('maxChars', t(`${P}.fields.maxChars`), t(`${P}.fields.atMost`, { max: MAX_LONG_TEXT_CHARS }))
            : numberInput('maxWords', t(`${P}.fields.maxWords`), t(`${P}.fields.maxWordsHint`, { max: MAX_WORDS }))}
        </div>
      );
    case 'number':
      return (
        <div className="inline constraints">
          {numberInput('min', t(`${P}.fields.min`))}
          {numberInput('max', t(`${P}.fields.max`))}
          <Checkbox
            path={path('integer')}
            problems={problems}
            label={t(`${P}.fields.integer`)}
            checked={draft.integer}
            onChange={(integer) => set({ integer })}
          />
        </div>
      );
    case 'single_choice':
    case 'multiple_choice':
      return <ChoicesEditor draft={draft} problems={problems} editing={editing} onChange={onChange} focusSoon={focusSoon} />;
    case 'document':
      return (
        <div className="constraints">
          <Field path={path('documentRequirementId')} problems={problems} label={t(`${P}.fields.document`)}>
            {(props) => (
              <select {...props} value={draft.documentRequirementId} onChange={(e) => set({ documentRequirementId: e.target.value })}>
                <option value="">{t(`${P}.fields.chooseDocument`)}</option>
                {draft.documentRequirementId !== '' &&
                  requirementsLoaded &&
                  !requirements.some((r) => r.id === draft.documentRequirementId) && (
                    <option value={draft.documentRequirementId}>{t(`${P}.fields.documentRetired`)}</option>
                  )}
                {requirements.map((r) => (
                  <option key={r.id} value={r.id}>
                    {pick(r.label, i18n.language)} · {t(`agencyCalls.documents.scopes.${r.scope}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {requirementsLoaded && requirements.length === 0 && (
            <p className="hint">
              {t(`${P}.fields.noDocuments`)} <Link to={pagePath('agencyCall', { callId })}>{t(`${P}.fields.toDocuments`)}</Link>
            </p>
          )}
        </div>
      );
    default:
      return null;
  }
}

function ChoicesEditor({
  draft,
  problems,
  editing,
  onChange,
  focusSoon,
}: {
  readonly draft: QuestionDraft;
  readonly problems: readonly ShownProblem[];
  readonly editing: boolean;
  readonly onChange: (update: (draft: QuestionDraft) => QuestionDraft) => void;
  readonly focusSoon: (id: string) => void;
}) {
  const { t } = useTranslation();
  const listId = anchorOf(questionPath(draft.id, 'choices'));
  const invalid = problems.some((p) => anchorOf(p.field) === listId);
  const count = draft.choices.length;

  const move = (choice: ChoiceDraft, index: number, by: -1 | 1) => {
    onChange((d) => moveChoice(d, choice.id, by));
    const to = index + by;
    const edge = to === 0 || to === count - 1;
    const button = edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    focusSoon(`form-choice-${choice.id}-${button}`);
  };

  return (
    <fieldset className="choices" id={listId} tabIndex={-1} aria-describedby={invalid ? `${listId}-error` : undefined}>
      <legend>{t(`${P}.choices.heading`)}</legend>
      <FieldErrors id={listId} problems={problems} />
      <ol className="choice-list">
        {draft.choices.map((choice, j) => {
          const m = j + 1;
          const at = (part: string) => choicePath(draft.id, choice.id, part);
          const choiceId = anchorOf(choicePath(draft.id, choice.id));
          return (
            <li key={choice.id}>
              <fieldset className="choice" id={choiceId} tabIndex={-1}>
                <legend>{t(`${P}.choices.choice`, { n: m })}</legend>
                <FieldErrors id={choiceId} problems={problems} />
                <div className="choice-fields">
                  <TextInput
                    path={at('label.en')}
                    problems={problems}
                    label={t(`${P}.choiceParts.label.en`)}
                    value={choice.labelEn}
                    lang="en"
                    maxLength={MAX_LABEL_CHARS}
                    onChange={(labelEn) => onChange((d) => withChoiceLabelEn(d, choice.id, labelEn))}
                  />
                  <TextInput
                    path={at('label.ja')}
                    problems={problems}
                    label={t(`${P}.choiceParts.label.ja`)}
                    value={choice.labelJa}
                    lang="ja"
                    maxLength={MAX_LABEL_CHARS}
                    onChange={(labelJa) => onChange((d) => updateChoice(d, choice.id, (c) => ({ ...c, labelJa })))}
                  />
                  <Field path={at('value')} problems={problems} label={t(`${P}.choiceParts.value`)}>
                    {(props) => (
                      <input
                        {...props}
                        className="key-input"
                        value={choice.value}
                        size={16}
                        maxLength={MAX_KEY_CHARS}
                        spellCheck={false}
                        autoCapitalize="off"
                        autoComplete="off"
                        onChange={(e) => onChange((d) => withChoiceValue(d, choice.id, e.target.value))}
                      />
                    )}
                  </Field>
                </div>
                {editing && (
                  <div className="inline choice-actions">
                    <button
                      type="button"
                      id={`form-choice-${choice.id}-up`}
                      className="button-secondary button-small"
                      disabled={j === 0}
                      onClick={() => move(choice, j, -1)}
                    >
                      {t(`${P}.choices.moveUp`, { n: m })}
                    </button>
                    <button
                      type="button"
                      id={`form-choice-${choice.id}-down`}
                      className="button-secondary button-small"
                      disabled={j === count - 1}
                      onClick={() => move(choice, j, 1)}
                    >
                      {t(`${P}.choices.moveDown`, { n: m })}
                    </button>
                    <button
                      type="button"
                      className="button-secondary button-small"
                      onClick={() => {
                        onChange((d) => removeChoice(d, choice.id));
                        focusSoon(`form-add-choice-${draft.id}`);
                      }}
                    >
                      {t(`${P}.choices.remove`, { n: m })}
                    </button>
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {editing && (
        <button
          type="button"
          id={`form-add-choice-${draft.id}`}
          className="button-secondary"
          disabled={count >= MAX_CHOICES}
          onClick={() => {
            const next = addChoice(draft);
            onChange(() => next);
            const added = next.choices[next.choices.length - 1];
            if (added && next.choices.length > count) focusSoon(anchorOf(choicePath(draft.id, added.id, 'label.en')));
          }}
        >
          {t(`${P}.choices.add`)}
        </button>
      )}
      {isChoiceType(draft.type) && count >= MAX_CHOICES && <p className="hint">{t(`${P}.choices.max`, { max: MAX_CHOICES })}</p>}
    </fieldset>
  );
}

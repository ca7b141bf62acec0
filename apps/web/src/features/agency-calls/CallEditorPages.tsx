import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { PageFallback } from '../../app/NotFoundPage';
import { pagePath } from '../../app/page-paths';
import { formatInstant, pick, viewerTimeZone } from '../../lib/format';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Loading, Page } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { callKeys, useCall } from '../calls/calls-queries';
import { useMe } from '../me/me-query';
import { useCancelCall, useCreateCall, usePrograms, usePublishCall, useUpdateCall } from './agency-calls-queries';
import { type Call, type CallForm, createBody, emptyForm, type FormProblem, formOf, rebaseForm, updateBody } from './call-form';
import { CallEditor, editableOf, ProblemSummary, useFieldLabel, useShownProblems } from './CallEditor';
import { CallTabs } from './CallTabs';
import { DocumentRequirementsSection } from './DocumentRequirementsSection';

/** A new call of one of the agency's programs, the agency leading; saved as a draft, then edited on its own page. */
export function NewCallPage() {
  const { t } = useTranslation();
  const me = useMe();
  const organisation = me.data?.organisation;
  const programs = usePrograms(organisation?.id);
  if (me.error) return <ProblemAlert error={me.error} />;
  if (!organisation || !programs.data) return <Loading />;
  return (
    <Page title={t('agencyCalls.editor.newTitle')}>
      <NewCall
        lead={{ id: organisation.id, shortName: organisation.shortName, timeZone: organisation.timeZone }}
        programs={programs.data.items}
      />
    </Page>
  );
}

function NewCall({
  lead,
  programs,
}: {
  readonly lead: { id: string; shortName: string; timeZone: string };
  readonly programs: readonly { id: string; code: string; name: { ja: string; en: string } }[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<CallForm>(() => emptyForm(lead));
  const [found, setFound] = useState<readonly FormProblem[]>([]);
  const create = useCreateCall();
  const shown = useShownProblems()(found, create.error);
  const fieldLabel = useFieldLabel(form);

  const onSubmit = () => {
    const built = createBody(form);
    setFound(built.problems);
    create.reset();
    if (!('body' in built)) return;
    create.mutate(built.body, { onSuccess: (created) => void navigate(pagePath('agencyCall', { callId: created.id }), { replace: true }) });
  };

  return (
    <>
      <ProblemSummary problems={shown} error={create.error} fieldLabel={fieldLabel} />
      <CallEditor
        form={form}
        onChange={setForm}
        editable={editableOf(undefined, [], null)}
        problems={shown}
        programs={programs}
        call={undefined}
        onSubmit={onSubmit}
        actions={
          <button type="submit" disabled={create.isPending}>
            {t('agencyCalls.editor.createDraft')}
          </button>
        }
      />
    </>
  );
}

/** An existing call: the lead agency's officers change it all, a partner's officers their own entry; the rest is shown, not editable. */
export function CallEditorPage() {
  const { callId = '' } = useParams();
  const { i18n } = useTranslation();
  const found = useCall(callId);
  if (found.error || !found.data) return <PageFallback query={found} />;
  return (
    <Page title={pick(found.data.title, i18n.language)}>
      <CallTabs callId={callId} />
      <ExistingCall key={found.data.id} call={found.data} />
    </Page>
  );
}

type SaveState = { kind: 'idle' } | { kind: 'saved'; at: string } | { kind: 'nothing' } | { kind: 'conflict' };

function ExistingCall({ call }: { readonly call: Call }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const me = useMe();
  const programs = usePrograms(me.data?.organisation?.id);
  const [saved, setSaved] = useState<CallForm>(() => formOf(call));
  const [form, setForm] = useState<CallForm>(saved);
  const [found, setFound] = useState<readonly FormProblem[]>([]);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [reason, setReason] = useState('');
  // When the page was opened: before the opening, publishing pre-announces the call.
  const [openedAt] = useState(() => Date.now());
  const update = useUpdateCall(call.id);
  const publish = usePublishCall(call.id);
  const cancel = useCancelCall(call.id);
  const conflict = update.error instanceof ApiError && update.error.problem.code === 'VERSION_MISMATCH';
  const shown = useShownProblems()(found, update.error);
  const fieldLabel = useFieldLabel(form);
  const editable = editableOf(call, call.allowedActions, call.ownAgencyId);
  const may = (action: Call['allowedActions'][number]) => call.allowedActions.includes(action);
  const dirty = JSON.stringify(form) !== JSON.stringify(saved);
  const own = call.agencies.find((a) => a.agency.id === call.ownAgencyId);

  const accept = (answer: Call) => {
    const next = formOf(answer);
    setSaved(next);
    setForm(next);
  };

  const onSubmit = () => {
    const built = updateBody(form, saved, call.allowedActions, call.ownAgencyId);
    setFound(built.problems);
    update.reset();
    if (!('body' in built)) return;
    if (built.body === undefined) {
      setState({ kind: 'nothing' });
      return;
    }
    update.mutate(
      { version: call.version, body: built.body },
      {
        onSuccess: (answer) => {
          accept(answer);
          setState({ kind: 'saved', at: new Date().toISOString() });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.problem.code === 'VERSION_MISMATCH') setState({ kind: 'conflict' });
        },
      },
    );
  };

  /** Takes the newer version in, keeping every value typed here that differs from what was loaded. */
  const loadNewer = async () => {
    const newer = await client.fetchQuery<Call>({ queryKey: callKeys.one(call.id), staleTime: 0 });
    const theirs = formOf(newer);
    setForm(rebaseForm(form, saved, theirs));
    setSaved(theirs);
    update.reset();
    setState({ kind: 'idle' });
  };

  const writable = may('edit_shared') || may('edit_own_entry');
  return (
    <>
      <p className="muted">
        {call.program.code} · {t(`mode.${call.mode}`)} · <StatusBadge status={call.status} group="callStatus" />
        {call.publishedAt && (
          <> · {t('agencyCalls.editor.publishedAt', { time: formatInstant(call.publishedAt, i18n.language, viewerTimeZone()) })}</>
        )}
      </p>
      {call.cancellationReason !== null && (
        <p className="alert alert-warn">{t('agencyCalls.editor.cancelled', { reason: call.cancellationReason })}</p>
      )}
      {!may('edit_shared') && may('edit_own_entry') && own && (
        <p className="alert alert-info" role="note">
          {t('agencyCalls.editor.partnerNote', { agency: own.agency.shortName })}
        </p>
      )}
      {!writable && call.cancellationReason === null && <p className="alert alert-info">{t('agencyCalls.editor.readOnly')}</p>}

      {conflict && (
        <div className="alert alert-warn" role="alert">
          <p>
            <strong>{t('agencyCalls.editor.conflictTitle')}</strong>
          </p>
          <p>{t('agencyCalls.editor.conflictText')}</p>
          <button type="button" onClick={() => void loadNewer()}>
            {t('agencyCalls.editor.conflictReload')}
          </button>
        </div>
      )}
      {!conflict && <ProblemSummary problems={shown} error={update.error} fieldLabel={fieldLabel} />}
      <ProblemAlert error={publish.error ?? cancel.error} />

      <CallEditor
        form={form}
        onChange={(next) => {
          setForm(next);
          if (state.kind !== 'conflict') setState({ kind: 'idle' });
        }}
        editable={editable}
        problems={shown}
        programs={programs.data?.items ?? []}
        call={call}
        onSubmit={onSubmit}
        actions={
          <>
            {writable && (
              <button type="submit" disabled={update.isPending || conflict}>
                {t('common.save')}
              </button>
            )}
            <span className="saved-at" role="status" aria-live="polite">
              {state.kind === 'saved' &&
                !dirty &&
                t('agencyCalls.editor.savedAt', { time: formatInstant(state.at, i18n.language, viewerTimeZone()) })}
              {state.kind === 'nothing' && !dirty && t('agencyCalls.editor.nothingToSave')}
              {dirty && writable && t('agencyCalls.editor.unsaved')}
            </span>
          </>
        }
      />

      <DocumentRequirementsSection call={call} />

      {(may('publish') || may('cancel')) && (
        <section className="card" aria-labelledby="call-lifecycle">
          <h2 id="call-lifecycle">{t('agencyCalls.editor.lifecycle')}</h2>
          {may('publish') && (
            <div className="field">
              <p className="muted">{t('agencyCalls.editor.publishHint')}</p>
              {dirty && <p className="hint">{t('agencyCalls.editor.saveFirst')}</p>}
              {!dirty && (
                <div>
                  <ConfirmButton
                    label={
                      call.timeline.announcedAt || Date.parse(call.timeline.opensAt.utc) > openedAt
                        ? t('agencyCalls.editor.preAnnounce')
                        : t('agencyCalls.editor.publish')
                    }
                    question={t('agencyCalls.editor.publishQuestion')}
                    onConfirm={() => publish.mutate(call.version, { onSuccess: accept })}
                  />
                </div>
              )}
            </div>
          )}
          {may('cancel') && (
            <div className="field">
              <label htmlFor="call-cancel-reason">{t('agencyCalls.editor.cancelReason')}</label>
              <textarea id="call-cancel-reason" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
              <div>
                <ConfirmButton
                  danger
                  label={t('agencyCalls.editor.cancelCall')}
                  question={t('agencyCalls.editor.cancelQuestion')}
                  onConfirm={() => cancel.mutate({ version: call.version, reason: reason.trim() }, { onSuccess: accept })}
                />
              </div>
            </div>
          )}
        </section>
      )}
    </>
  );
}

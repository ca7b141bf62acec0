import { useQueryClient } from '@tanstack/react-query';
import { type Ref, useCallback, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import { formatInstant, pick, viewerTimeZone } from '../../lib/format';
import type { Call } from '../calls/calls-queries';
import {
  draftOf,
  type DraftFields,
  type DraftModel,
  type DraftSide,
  fieldsPatch,
  rebaseDraft,
  sidePatch,
  withSavedFields,
} from './draft-model';
import type { AnswerPlace } from '../forms/answers-model';
import { type Application, type ApplicationAnswers, proposalKeys, updateApplication, updateSide } from './proposal-queries';
import { ProposalQuestions, SideQuestions } from './ProposalQuestions';
import { SidesSection } from './SidesSection';
import { fieldAnchor } from './submission-problem';
import { TeamSection } from './TeamSection';
import { type SaveResult, useAutosave } from './use-autosave';
import { useDraftAnswers } from './use-draft-answers';

export interface EditorHandle {
  /** Sends what is not yet saved; resolves false when a conflict or an error is in the way. */
  readonly flush: () => Promise<boolean>;
  /** Runs a write of another control (team, partner PI) after every write already queued, with the latest version, and takes its answer in. */
  readonly write: (send: (version: number) => Promise<Application>) => Promise<Application>;
  /** After a check: each of the call's questions says what it still lacks for submission. */
  readonly revealMissingAnswers: () => void;
}

/**
 * The draft editor. Every input autosaves (debounced, never during an IME composition); writes go
 * one at a time, each with the version the previous one answered, so the tab never conflicts
 * with itself. A 409 means someone else saved: autosave stops and the user chooses to reload the
 * other version or to keep their own text for copying. Nothing is overwritten. The answers to the
 * call's own questions (`form`, null when they could not be read) are saved by the same autosave.
 */
export function ProposalEditor({
  application,
  call,
  form,
  ref,
}: {
  readonly application: Application;
  readonly call: Call;
  readonly form: ApplicationAnswers | null;
  readonly ref: Ref<EditorHandle>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const client = useQueryClient();
  const id = application.id;
  const [draft, setDraft] = useState<DraftModel>(() => draftOf(application));
  const saved = useRef<DraftModel>(draftOf(application));
  const draftRef = useRef(draft);
  useLayoutEffect(() => {
    draftRef.current = draft;
  }, [draft]);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [mine, setMine] = useState<DraftModel>();
  const answers = useDraftAnswers(id, form);
  const saveAnswers = answers.save;

  const latestVersion = useCallback(
    () => client.getQueryData<Application>(proposalKeys.one(id))?.version ?? application.version,
    [client, id, application.version],
  );

  const enqueue = useCallback(
    <T,>(write: (version: number) => Promise<T>): Promise<T> => {
      const next = queue.current.catch(() => undefined).then(() => write(latestVersion()));
      queue.current = next;
      return next;
    },
    [latestVersion],
  );

  const accept = useCallback(
    (answer: Application) => {
      client.setQueryData(proposalKeys.one(id), answer);
      const before = saved.current;
      const after = draftOf(answer);
      saved.current = after;
      setDraft((d) => rebaseDraft(d, before, after));
    },
    [client, id],
  );

  const write = useCallback(
    async (send: (version: number) => Promise<Application>): Promise<Application> => {
      const answer = await enqueue(send);
      accept(answer);
      void client.invalidateQueries({ queryKey: proposalKeys.events(id) });
      return answer;
    },
    [accept, client, enqueue, id],
  );

  const save = useCallback(async (): Promise<SaveResult> => {
    const current = draftRef.current;
    // A conflict on the application's own version waits for the user; the answers merge with a
    // co-PI's by themselves, and a conflict on them that outlasts their retries is a failed save,
    // sent again with the next edit.
    let answering = false;
    try {
      await enqueue(async () => {
        const patch = fieldsPatch(current.fields, saved.current.fields);
        if (patch) {
          const version = await updateApplication(id, latestVersion(), patch);
          const cached = client.getQueryData<Application>(proposalKeys.one(id)) ?? application;
          accept(withSavedFields(cached, patch, version));
        }
        for (const side of current.sides) {
          const before = saved.current.sides.find((s) => s.agencyId === side.agencyId);
          const change = before && sidePatch(side, before);
          if (change) accept(await updateSide(id, side.agencyId, latestVersion(), change));
        }
        answering = true;
        await saveAnswers();
      });
      void client.invalidateQueries({ queryKey: proposalKeys.events(id) });
      return { outcome: 'saved', at: new Date().toISOString() };
    } catch (error) {
      if (!answering && error instanceof ApiError && error.problem.code === 'VERSION_MISMATCH') {
        const currentVersion = error.problem['currentVersion'];
        return { outcome: 'conflict', currentVersion: typeof currentVersion === 'number' ? currentVersion : undefined };
      }
      return { outcome: 'failed', code: error instanceof ApiError ? error.problem.code : 'UNKNOWN' };
    }
  }, [accept, application, client, enqueue, id, latestVersion, saveAnswers]);

  const autosave = useAutosave(save);
  const status = autosave.state.status;

  useImperativeHandle(
    ref,
    () => ({
      flush: async () => {
        const outcome = await autosave.flush();
        await queue.current.catch(() => undefined);
        return outcome === 'saved';
      },
      write,
      revealMissingAnswers: answers.revealMissing,
    }),
    [autosave, write, answers.revealMissing],
  );

  const setFields = (change: Partial<DraftFields>) => {
    setDraft((d) => ({ ...d, fields: { ...d.fields, ...change } }));
    autosave.edited();
  };
  const setSide = (agencyId: string, change: Partial<DraftSide>) => {
    setDraft((d) => ({ ...d, sides: d.sides.map((s) => (s.agencyId === agencyId ? { ...s, ...change } : s)) }));
    autosave.edited();
  };

  const setAnswer = (place: AnswerPlace, value: unknown) => {
    answers.change(place, value);
    autosave.edited();
  };

  const reloadLatest = async () => {
    const mineNow = draftRef.current;
    const answer = await client.fetchQuery<Application>({ queryKey: proposalKeys.one(id), staleTime: 0 });
    saved.current = draftOf(answer);
    setMine(mineNow);
    setDraft(draftOf(answer));
    autosave.resolved();
  };

  const text = autosave.compositionHandlers;
  const track = call.tracks.find((tr) => tr.id === application.trackId);

  return (
    <div>
      <p className="saved-at" role="status" aria-live="polite">
        {status.kind === 'saving' && t('proposal.saving')}
        {status.kind === 'error' && t('proposal.saveFailed', { reason: t(`problems.${status.code}`, { defaultValue: status.code }) })}
        {(status.kind === 'saved' || status.kind === 'idle') && autosave.state.dirty && t('proposal.unsaved')}
        {status.kind === 'saved' &&
          !autosave.state.dirty &&
          t('proposal.savedAt', { time: formatInstant(status.at, language, viewerTimeZone()) })}
      </p>

      {status.kind === 'conflict' && (
        <div className="alert alert-warn" role="alert">
          <p>
            <strong>{t('proposal.conflictTitle')}</strong>
          </p>
          <p>{t('proposal.conflictText')}</p>
          <button type="button" onClick={() => void reloadLatest()}>
            {t('proposal.conflictReload')}
          </button>
        </div>
      )}
      {mine && (
        <section className="card" aria-labelledby="my-text-heading">
          <h2 id="my-text-heading">{t('proposal.myTextTitle')}</h2>
          <p className="muted">{t('proposal.myTextHint')}</p>
          <label htmlFor="my-text">{t('proposal.myText')}</label>
          <textarea
            id="my-text"
            readOnly
            rows={8}
            value={[mine.fields.title, '', mine.fields.abstract, '', mine.fields.keywords].join('\n')}
          />
          <p>
            <button type="button" className="button-secondary" onClick={() => setMine(undefined)}>
              {t('common.close')}
            </button>
          </p>
        </section>
      )}

      <fieldset>
        <legend>{t('proposal.sectionProposal')}</legend>
        <div className="field">
          <label htmlFor={fieldAnchor('title')}>{t('proposal.title')}</label>
          <input
            id={fieldAnchor('title')}
            value={draft.fields.title}
            maxLength={500}
            required
            onChange={(e) => setFields({ title: e.target.value })}
            {...text}
          />
        </div>
        <div className="field">
          <label htmlFor={fieldAnchor('abstract')}>{t('proposal.abstract')}</label>
          <textarea
            id={fieldAnchor('abstract')}
            value={draft.fields.abstract}
            maxLength={20000}
            rows={8}
            onChange={(e) => setFields({ abstract: e.target.value })}
            {...text}
          />
        </div>
        <div className="inline">
          <div className="field">
            <label htmlFor={fieldAnchor('fieldCode')}>{t('proposal.field')}</label>
            <select id={fieldAnchor('fieldCode')} value={draft.fields.fieldCode} onChange={(e) => setFields({ fieldCode: e.target.value })}>
              <option value="">{t('proposal.chooseField')}</option>
              {call.fieldDetails.map((field) => (
                <option key={field.code} value={field.code}>
                  {pick(field.name, language)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={fieldAnchor('durationMonths')}>{t('proposal.duration')}</label>
            <input
              id={fieldAnchor('durationMonths')}
              type="number"
              min={1}
              max={track?.maxDurationMonths ?? 120}
              value={draft.fields.durationMonths}
              aria-describedby="duration-hint"
              onChange={(e) => setFields({ durationMonths: e.target.value })}
            />
            {track && (
              <span id="duration-hint" className="hint">
                {t('proposal.durationHint', { months: track.maxDurationMonths })}
              </span>
            )}
          </div>
        </div>
        <div className="field">
          <label htmlFor={fieldAnchor('keywords')}>{t('proposal.keywords')}</label>
          <input
            id={fieldAnchor('keywords')}
            value={draft.fields.keywords}
            aria-describedby="keywords-hint"
            onChange={(e) => setFields({ keywords: e.target.value })}
            {...text}
          />
          <span id="keywords-hint" className="hint">
            {t('proposal.keywordsHint')}
          </span>
        </div>
      </fieldset>

      {form && <ProposalQuestions form={form} callId={call.id} draft={answers} onAnswer={setAnswer} composition={text} />}

      <SidesSection
        application={application}
        call={call}
        draft={draft.sides}
        onChange={setSide}
        write={write}
        sideQuestions={(agencyId) => <SideQuestions agencyId={agencyId} draft={answers} onAnswer={setAnswer} composition={text} />}
      />
      <TeamSection write={write} application={application} />
    </div>
  );
}

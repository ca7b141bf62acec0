import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import { formatInstant, formatNumber, pick, viewerTimeZone } from '../../lib/format';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { CriterionScale } from './CriterionScale';
import { criteriaInErrors, draftsFrom, readScores, type ScoreDrafts } from './review-form';
import { type AssignedApplication, type ReviewCriterion, useAssignedApplication, useSaveReview, useSubmitReview } from './reviewer-queries';

type Conflict = { readonly currentVersion: number | undefined };

/** Moves focus to a criterion's score input (links of the problem lists). */
function focusScore(id: string) {
  document.getElementById(`score-${id}`)?.focus();
}

/**
 * The review form from the call's criteria: a score per criterion on its scale, a comment, saved as a
 * draft with the version it was read at. A save that meets a newer version keeps what was typed and
 * lets the reviewer choose; submitting saves first and names the criteria still without a score.
 */
export function ReviewForm({ application }: { readonly application: AssignedApplication }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const criteria = application.criteria;
  const [drafts, setDrafts] = useState<ScoreDrafts>(() => draftsFrom(application.review.scores, criteria));
  const [comment, setComment] = useState(application.review.comment);
  const [version, setVersion] = useState(application.review.version);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [invalid, setInvalid] = useState<readonly string[]>([]);
  const [missing, setMissing] = useState<readonly string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const save = useSaveReview(application.assignmentId);
  const submit = useSubmitReview(application.assignmentId);
  const reread = useAssignedApplication(application.assignmentId, false);
  const ids = { heading: useId(), comment: useId(), commentHint: useId() };
  const heading = useRef<HTMLHeadingElement>(null);
  const busy = save.isPending || submit.isPending;

  useEffect(() => {
    // Reached from the declaration: start the keyboard where the work starts.
    if (document.activeElement === document.body) heading.current?.focus();
  }, []);

  const named = (id: string): ReviewCriterion | undefined => criteria.find((c) => c.id === id);

  /** Saves what is typed; true once saved. */
  const saveDraft = async (baseVersion = version): Promise<boolean> => {
    setError(null);
    const read = readScores(drafts, criteria);
    setInvalid(read.invalid);
    if (read.invalid.length > 0) return false;
    try {
      const saved = await save.mutateAsync({ scores: read.scores, comment, version: baseVersion });
      setVersion(saved.review.version);
      setSavedAt(new Date().toISOString());
      setDirty(false);
      setConflict(null);
      return true;
    } catch (caught) {
      if (caught instanceof ApiError && caught.problem.code === 'VERSION_MISMATCH') {
        const current = caught.problem['currentVersion'];
        setConflict({ currentVersion: typeof current === 'number' ? current : undefined });
      } else {
        setError(caught);
      }
      return false;
    }
  };

  const onSave = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void saveDraft();
  };

  const onSubmit = async () => {
    setMissing([]);
    if (!(await saveDraft())) return;
    try {
      await submit.mutateAsync();
    } catch (caught) {
      if (caught instanceof ApiError && caught.problem.code === 'REVIEW_INCOMPLETE') {
        setMissing(criteriaInErrors(caught.problem.errors, criteria));
      } else {
        setError(caught);
      }
    }
  };

  /** Keeps what is typed and saves it over the version saved elsewhere. */
  const overwrite = async () => {
    let current = conflict?.currentVersion;
    if (current === undefined) current = (await reread.refetch()).data?.review.version;
    if (current !== undefined) await saveDraft(current);
  };

  /** Drops what is typed for the version saved elsewhere. */
  const loadOther = async () => {
    const other = (await reread.refetch()).data;
    if (!other) return;
    setDrafts(draftsFrom(other.review.scores, criteria));
    setComment(other.review.comment);
    setVersion(other.review.version);
    setConflict(null);
    setDirty(false);
  };

  const edit = (id: string, value: string) => {
    setDrafts((previous) => ({ ...previous, [id]: value }));
    setDirty(true);
  };

  const problemLinks = (list: readonly string[], text: (c: ReviewCriterion) => string) => (
    <ul>
      {list.map((id) => {
        const c = named(id);
        return c ? (
          <li key={id}>
            <a
              href={`#score-${id}`}
              onClick={(event) => {
                event.preventDefault();
                focusScore(id);
              }}
            >
              {text(c)}
            </a>
          </li>
        ) : null;
      })}
    </ul>
  );

  return (
    <section aria-labelledby={ids.heading}>
      <h2 id={ids.heading} ref={heading} tabIndex={-1}>
        {t('reviewer.form.heading')}
      </h2>
      <p>{t('reviewer.form.intro')}</p>
      <form className="card" noValidate onSubmit={onSave}>
        <fieldset>
          <legend>{t('reviewer.form.criteria')}</legend>
          {criteria.map((c) => {
            const bad = invalid.includes(c.id) || missing.includes(c.id);
            return (
              <div className="field" key={c.id}>
                <label htmlFor={`score-${c.id}`}>{pick(c.name, language)}</label>
                <CriterionScale criterion={c} criteria={criteria} id={`scale-${c.id}`} />
                {pick(c.description, language) && (
                  <p className="muted small" id={`about-${c.id}`}>
                    {pick(c.description, language)}
                  </p>
                )}
                <div>
                  <input
                    id={`score-${c.id}`}
                    type="number"
                    inputMode="decimal"
                    min={c.scaleMin}
                    max={c.scaleMax}
                    step={c.step}
                    size={6}
                    value={drafts[c.id] ?? ''}
                    aria-invalid={bad || undefined}
                    aria-describedby={[`scale-${c.id}`, pick(c.description, language) ? `about-${c.id}` : ''].filter(Boolean).join(' ')}
                    onChange={(e) => edit(c.id, e.currentTarget.value)}
                  />
                </div>
              </div>
            );
          })}
        </fieldset>
        <div className="field">
          <label htmlFor={ids.comment}>{t('reviewer.form.comment')}</label>
          <p className="muted small" id={ids.commentHint}>
            {t('reviewer.form.commentHint')}
          </p>
          <textarea
            id={ids.comment}
            rows={8}
            maxLength={20000}
            value={comment}
            aria-describedby={ids.commentHint}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setDirty(true);
            }}
          />
        </div>
        {invalid.length > 0 && (
          <div role="alert" className="alert alert-error">
            <p>{t('reviewer.form.invalid')}</p>
            {problemLinks(invalid, (c) =>
              t('reviewer.form.invalidOne', {
                name: pick(c.name, language),
                min: formatNumber(c.scaleMin, language),
                max: formatNumber(c.scaleMax, language),
                step: formatNumber(c.step, language),
              }),
            )}
          </div>
        )}
        {missing.length > 0 && (
          <div role="alert" className="alert alert-error">
            <p>{t('reviewer.form.incomplete')}</p>
            {problemLinks(missing, (c) => pick(c.name, language))}
          </div>
        )}
        {conflict && (
          <div role="alert" className="alert alert-warn">
            <p>
              <strong>{t('reviewer.form.conflictTitle')}</strong>
            </p>
            <p>{t('reviewer.form.conflictText')}</p>
            <div className="inline">
              <button type="button" onClick={() => void overwrite()} disabled={busy}>
                {t('reviewer.form.conflictOverwrite')}
              </button>
              <button type="button" className="button-secondary" onClick={() => void loadOther()} disabled={busy}>
                {t('reviewer.form.conflictLoad')}
              </button>
            </div>
          </div>
        )}
        <ProblemAlert error={error} />
        <p className="saved-at" role="status" aria-live="polite">
          {save.isPending
            ? t('reviewer.form.saving')
            : dirty
              ? t('reviewer.form.unsaved')
              : savedAt
                ? t('reviewer.form.savedAt', { time: formatInstant(savedAt, language, viewerTimeZone()) })
                : Object.keys(application.review.scores).length > 0 || application.review.comment !== ''
                  ? t('reviewer.form.draftExists')
                  : t('reviewer.form.notSaved')}
        </p>
        <div className="inline">
          <button type="submit" className="button-secondary" disabled={busy}>
            {t('reviewer.form.save')}
          </button>
          <ConfirmButton label={t('reviewer.form.submit')} question={t('reviewer.form.submitQuestion')} onConfirm={() => void onSubmit()} />
        </div>
      </form>
    </section>
  );
}

import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatNumber, pick, viewerTimeZone } from '../../lib/format';
import { QueryState } from '../../ui/ProblemAlert';
import { CriterionScale } from './CriterionScale';
import { otherReviews } from './review-form';
import { type AssignedApplication, useOtherReviews } from './reviewer-queries';

/** A table of scores by criterion, with each criterion's scale beside its name. */
function ScoreTable({
  caption,
  scores,
  criteria,
}: {
  readonly caption: string;
  readonly scores: Readonly<Record<string, number>>;
  readonly criteria: AssignedApplication['criteria'];
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reviewer.submitted.criterion')}</th>
            <th scope="col">{t('reviewer.submitted.scale')}</th>
            <th scope="col">{t('reviewer.submitted.score')}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">{pick(c.name, i18n.language)}</th>
              <td>
                <CriterionScale criterion={c} criteria={criteria} />
              </td>
              <td>{scores[c.id] === undefined ? t('common.none') : formatNumber(scores[c.id]!, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The reviewer's submitted review, read-only, and then the others' reviews, numbered, never named. */
export function SubmittedReview({ application }: { readonly application: AssignedApplication }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const reviews = useOtherReviews(application.id, true);
  const ids = { mine: useId(), others: useId() };
  const heading = useRef<HTMLHeadingElement>(null);
  const review = application.review;

  useEffect(() => {
    // Just submitted from the form (its button is gone): continue from here.
    if (document.activeElement === document.body) heading.current?.focus();
  }, []);

  const others = reviews.data ? otherReviews(reviews.data) : [];
  return (
    <>
      <section className="card" aria-labelledby={ids.mine}>
        <h2 id={ids.mine} ref={heading} tabIndex={-1}>
          {t('reviewer.submitted.heading')}
        </h2>
        {review.submittedAt && <p>{t('reviewer.submitted.at', { time: formatInstant(review.submittedAt, language, viewerTimeZone()) })}</p>}
        <ScoreTable caption={t('reviewer.submitted.heading')} scores={review.scores} criteria={application.criteria} />
        <h3>{t('reviewer.submitted.comment')}</h3>
        <p className="pre-line">{review.comment || t('reviewer.submitted.noComment')}</p>
      </section>
      <section aria-labelledby={ids.others}>
        <h2 id={ids.others}>{t('reviewer.submitted.othersHeading')}</h2>
        <p className="muted">{t('reviewer.submitted.othersIntro')}</p>
        <QueryState query={reviews} />
        {reviews.data && others.length === 0 && <p>{t('reviewer.submitted.noOthers')}</p>}
        {others.map((other) => {
          const who = t('reviewer.submitted.reviewerN', { number: other.number });
          return (
            <article className="card" key={other.number} aria-label={who}>
              <h3>{who}</h3>
              <ScoreTable caption={t('reviewer.submitted.scoresOf', { who })} scores={other.scores} criteria={application.criteria} />
              <p className="pre-line">{other.comment || t('reviewer.submitted.noComment')}</p>
            </article>
          );
        })}
      </section>
    </>
  );
}

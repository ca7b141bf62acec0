import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { weightShare } from './review-form';
import type { ReviewCriterion } from './reviewer-queries';

/** A criterion's scale, step, weight and threshold, in words. */
export function CriterionScale({
  criterion,
  criteria,
  id,
}: {
  readonly criterion: ReviewCriterion;
  readonly criteria: readonly ReviewCriterion[];
  readonly id?: string;
}) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const share = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(
    weightShare(criterion.weight, criteria),
  );
  return (
    <span className="muted small" id={id}>
      {t('reviewer.form.scale', { min: n(criterion.scaleMin), max: n(criterion.scaleMax), step: n(criterion.step) })}
      {' · '}
      {t('reviewer.form.weight', { share })}
      {' · '}
      {criterion.threshold === null ? t('reviewer.form.noThreshold') : t('reviewer.form.threshold', { value: n(criterion.threshold) })}
    </span>
  );
}

export interface RankingCriterion {
  readonly id: string;
  readonly weight: number;
  /** Minimum mean score for a fundable application; none when null. */
  readonly threshold: number | null;
}

export interface ReviewedApplication {
  readonly applicationId: string;
  /** Submitted reviews only: criterion id to score. */
  readonly reviews: readonly Readonly<Record<string, number>>[];
  /** How many reviews were assigned; the difference is shown as missing. */
  readonly assigned: number;
}

export interface RankedApplication {
  readonly rank: number;
  readonly applicationId: string;
  /** Mean per criterion over the submitted reviews, in the criteria's order; null without reviews. */
  readonly criterionMeans: readonly (number | null)[];
  readonly weightedMean: number | null;
  /** False when any criterion's mean is below its threshold, or there is no review yet. */
  readonly fundable: boolean;
  /** Criteria (ids, in order) whose mean is below their threshold. */
  readonly thresholdFailures: readonly string[];
  /** Submitted reviews counted. */
  readonly reviewCount: number;
  /**
   * How far the reviewers disagree: the highest minus the lowest weighted score of the single
   * reviews that scored every criterion; null with fewer than two such reviews.
   */
  readonly spread: number | null;
  readonly missingReviews: number;
}

/** The order of the ranking, as told to the officers with it. */
export const TIE_RULE =
  "Highest weighted mean first; equal means are ordered by the first criterion's mean, then the next criterion's, then by application id; applications without a complete mean come last.";

/**
 * The ranking of a call's track: the weighted mean of the submitted reviews' criterion means,
 * highest first; ties broken by the first criterion's mean, then the next; applications without
 * reviews last. Applications below any threshold stay in the list, marked not fundable.
 */
export function rankApplications(applications: readonly ReviewedApplication[], criteria: readonly RankingCriterion[]): RankedApplication[] {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const scored = applications.map((application) => {
    const criterionMeans = criteria.map((criterion) => {
      const scores = application.reviews.map((r) => r[criterion.id]).filter((s): s is number => typeof s === 'number');
      return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
    });
    const complete = criterionMeans.every((m) => m !== null);
    const weightedMean =
      complete && totalWeight > 0 ? criteria.reduce((sum, c, i) => sum + c.weight * (criterionMeans[i] ?? 0), 0) / totalWeight : null;
    const thresholdFailures = criteria
      .filter((c, i) => {
        const mean = criterionMeans[i];
        return c.threshold !== null && mean !== null && mean !== undefined && mean < c.threshold;
      })
      .map((c) => c.id);
    const fundable = complete && thresholdFailures.length === 0;
    const single =
      totalWeight > 0
        ? application.reviews
            .filter((r) => criteria.every((c) => typeof r[c.id] === 'number'))
            .map((r) => criteria.reduce((sum, c) => sum + c.weight * r[c.id]!, 0) / totalWeight)
        : [];
    return {
      applicationId: application.applicationId,
      criterionMeans,
      weightedMean,
      fundable,
      thresholdFailures,
      reviewCount: application.reviews.length,
      spread: single.length < 2 ? null : Math.max(...single) - Math.min(...single),
      missingReviews: Math.max(0, application.assigned - application.reviews.length),
    };
  });
  scored.sort((a, b) => {
    if (a.weightedMean === null || b.weightedMean === null) {
      return a.weightedMean === b.weightedMean ? a.applicationId.localeCompare(b.applicationId) : a.weightedMean === null ? 1 : -1;
    }
    if (b.weightedMean !== a.weightedMean) return b.weightedMean - a.weightedMean;
    for (let i = 0; i < criteria.length; i++) {
      const difference = (b.criterionMeans[i] ?? 0) - (a.criterionMeans[i] ?? 0);
      if (difference !== 0) return difference;
    }
    return a.applicationId.localeCompare(b.applicationId);
  });
  return scored.map((entry, index) => ({ rank: index + 1, ...entry }));
}

/** The review form as plain data: scores typed as text, read back against each criterion's scale. */

export interface ScaleCriterion {
  readonly id: string;
  readonly scaleMin: number;
  readonly scaleMax: number;
  readonly step: number;
}

/** What the reviewer typed for each criterion, by criterion id ('' for none). */
export type ScoreDrafts = Readonly<Record<string, string>>;

export function draftsFrom(scores: Readonly<Record<string, number>>, criteria: readonly ScaleCriterion[]): ScoreDrafts {
  return Object.fromEntries(criteria.map((c) => [c.id, scores[c.id] === undefined ? '' : String(scores[c.id])]));
}

/** A typed score on its criterion's scale and step, or undefined. Accepts a decimal comma. */
export function parseScore(text: string, criterion: ScaleCriterion): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  if (value < criterion.scaleMin || value > criterion.scaleMax) return undefined;
  const steps = (value - criterion.scaleMin) / criterion.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9 ? value : undefined;
}

/** The scores to save (blank ones left out) and the criteria whose text is not a score on their scale. */
export function readScores(
  drafts: ScoreDrafts,
  criteria: readonly ScaleCriterion[],
): { readonly scores: Record<string, number>; readonly invalid: readonly string[] } {
  const scores: Record<string, number> = {};
  const invalid: string[] = [];
  for (const c of criteria) {
    const text = drafts[c.id] ?? '';
    if (text.trim() === '') continue;
    const value = parseScore(text, c);
    if (value === undefined) invalid.push(c.id);
    else scores[c.id] = value;
  }
  return { scores, invalid };
}

/** Criterion ids named by a problem's field errors (`scores.<id>`), in the criteria's order. */
export function criteriaInErrors(
  errors: readonly { readonly field: string }[] | undefined,
  criteria: readonly { readonly id: string }[],
): string[] {
  const named = new Set((errors ?? []).map((e) => e.field.replace(/^scores\./, '')));
  return criteria.filter((c) => named.has(c.id)).map((c) => c.id);
}

/** The other reviewers' reviews, numbered 1, 2, … in the order given; the reviewer's own ("you") left out. */
export function otherReviews<T extends { readonly reviewer?: string }>(reviews: readonly T[]): (T & { readonly number: number })[] {
  return reviews.filter((r) => r.reviewer !== 'you').map((r, index) => ({ ...r, number: index + 1 }));
}

/** A weight as a share of the whole (0.4 → 40 %, Intl-formatted by the caller). */
export function weightShare(weight: number, criteria: readonly { readonly weight: number }[]): number {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return total > 0 ? weight / total : 0;
}

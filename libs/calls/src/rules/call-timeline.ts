/**
 * The instants of a call's timeline that the server sets or derives: the announcement a
 * publication makes, and when the results reach the applicants.
 */

/**
 * The announcement a publication makes. A call published before it opens is announced from then
 * on (unless an announcement date was set); one published once open had no pre-announcement, and
 * keeps none, so the timeline stays in order (announced, then open).
 */
export function announcementAtPublication(
  call: { readonly announcedAt: Date | null; readonly opensAt: Date },
  publishedAt: Date,
): Date | null {
  if (call.announcedAt !== null) return call.announcedAt;
  return publishedAt < call.opensAt ? publishedAt : null;
}

export interface ResultsTimeline {
  /** When the lead agency's officer released the results, if they did. */
  readonly resultsReleasedAt: Date | null;
  readonly decisionAt: Date | null;
}

/**
 * When the results reached the applicants, as seen at `now`: the lead agency's release, or the
 * decision date once it has come, whichever was first; null while neither has happened.
 */
export function resultsReleasedAt(call: ResultsTimeline, now: Date): Date | null {
  const reached = [call.resultsReleasedAt, call.decisionAt].filter((at): at is Date => at !== null && at <= now);
  return reached.length === 0 ? null : new Date(Math.min(...reached.map((at) => at.getTime())));
}

export function resultsReleased(call: ResultsTimeline, now: Date): boolean {
  return resultsReleasedAt(call, now) !== null;
}

/**
 * Who sees the decisions on an application: the officers of its agencies as soon as they are
 * recorded, everyone else who may read it (its team, its offices) once the call's results are released.
 */
export function decisionsVisible(
  viewerAgencyId: string | null,
  applicationAgencyIds: readonly string[],
  call: ResultsTimeline,
  now: Date,
): boolean {
  return (viewerAgencyId !== null && applicationAgencyIds.includes(viewerAgencyId)) || resultsReleased(call, now);
}

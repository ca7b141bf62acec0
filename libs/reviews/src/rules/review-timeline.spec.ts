import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SideStatus } from '#applications';
import { type ReviewStep, reviewOpensAt, reviewRefusal, type ReviewTimeline } from './review-timeline.js';

const JST_DEADLINE = new Date('2027-03-31T03:00:00Z'); // 12:00 in Tokyo
const NSF_DEADLINE = new Date('2027-04-15T21:00:00Z'); // 17:00 in New York
const BEFORE = new Date('2027-03-01T00:00:00Z');
const BETWEEN = new Date('2027-04-01T00:00:00Z');
const AFTER = new Date('2027-04-16T00:00:00Z');

const timeline = (mode: ReviewTimeline['mode'] = 'joint_call', nsfReviewsOnceFinal = false): ReviewTimeline => ({
  mode,
  agencies: [
    { agencyId: 'jst', name: 'JST', role: 'lead', deadline: JST_DEADLINE, timeZone: 'Asia/Tokyo', reviewOnceFinal: false },
    {
      agencyId: 'nsf',
      name: 'NSF',
      role: 'partner',
      deadline: NSF_DEADLINE,
      timeZone: 'America/New_York',
      reviewOnceFinal: nsfReviewsOnceFinal,
    },
  ],
});
const sides = (jst: SideStatus, nsf: SideStatus = 'submitted') => [
  { agencyId: 'jst', status: jst },
  { agencyId: 'nsf', status: nsf },
];

describe('review timeline', () => {
  it("opens each agency's review at its own deadline", () => {
    expect(reviewOpensAt(timeline(), 'jst')).toEqual(JST_DEADLINE);
    expect(reviewOpensAt(timeline(), 'nsf')).toEqual(NSF_DEADLINE);
  });

  it('opens it at the first deadline of the call where the call lets the agency review sides once they can no longer change', () => {
    expect(reviewOpensAt(timeline('joint_call', true), 'nsf')).toEqual(JST_DEADLINE);
    expect(reviewRefusal('eligibility', timeline('joint_call', true), sides('submitted'), 'nsf', BETWEEN)).toBeNull();
    expect(reviewRefusal('eligibility', timeline('joint_call', true), sides('submitted'), 'nsf', BEFORE)).toEqual({
      code: 'DEADLINE_NOT_PASSED',
      agencyId: 'nsf',
      reviewOpensAt: JST_DEADLINE,
      message:
        "NSF reviews its side once the application can no longer change, after the call's first deadline, JST's: " +
        '2027-03-31 12:00 UTC+09:00 (Asia/Tokyo), 2027-03-31T03:00:00Z.',
    });
  });

  it("refuses every step before the agency's deadline, naming the agency and the deadline in its zone and in UTC", () => {
    for (const step of ['eligibility', 'assignment', 'review', 'decision'] as const) {
      expect(reviewRefusal(step, timeline(), sides('under_review'), 'jst', BEFORE)).toEqual({
        code: 'DEADLINE_NOT_PASSED',
        agencyId: 'jst',
        reviewOpensAt: JST_DEADLINE,
        message: 'JST reviews its side after its deadline: 2027-03-31 12:00 UTC+09:00 (Asia/Tokyo), 2027-03-31T03:00:00Z.',
      });
      expect(reviewRefusal(step, timeline(), sides('under_review', 'under_review'), 'nsf', BETWEEN)).toMatchObject({
        code: 'DEADLINE_NOT_PASSED',
        message: 'NSF reviews its side after its deadline: 2027-04-15 17:00 UTC-04:00 (America/New_York), 2027-04-15T21:00:00Z.',
      });
    }
    // The deadline itself is past: nothing can reach the agency at that instant.
    expect(reviewRefusal('eligibility', timeline(), sides('submitted'), 'jst', JST_DEADLINE)).toBeNull();
  });

  it('refuses an agency that does not take part in the call', () => {
    expect(reviewRefusal('decision', timeline(), sides('under_review'), 'dfg', AFTER)).toMatchObject({
      code: 'WRONG_STATE',
      agencyId: 'dfg',
    });
    expect(() => reviewOpensAt(timeline(), 'dfg')).toThrow();
  });

  it('checks eligibility of a side submitted to the agency, again until reviewers are on it', () => {
    for (const status of ['submitted', 'eligible', 'ineligible'] as const) {
      expect(reviewRefusal('eligibility', timeline(), sides(status), 'jst', AFTER)).toBeNull();
    }
    expect(reviewRefusal('eligibility', timeline(), sides('under_review'), 'jst', AFTER)).toMatchObject({
      code: 'WRONG_STATE',
      message: "Only a submitted side is checked for eligibility; JST's side is under review.",
    });
  });

  it('assigns reviewers to an eligible side or one under review', () => {
    expect(reviewRefusal('assignment', timeline(), sides('eligible'), 'jst', AFTER)).toBeNull();
    expect(reviewRefusal('assignment', timeline(), sides('under_review'), 'jst', AFTER)).toBeNull();
    for (const status of ['submitted', 'ineligible'] as const) {
      expect(reviewRefusal('assignment', timeline(), sides(status), 'jst', AFTER)).toMatchObject({ code: 'NOT_ELIGIBLE' });
    }
    expect(reviewRefusal('assignment', timeline(), sides('decided'), 'jst', AFTER)).toMatchObject({
      code: 'WRONG_STATE',
      message: "JST's side is decided: reviewers are assigned to an eligible side or one under review.",
    });
  });

  it('takes reviews while the side is under review', () => {
    expect(reviewRefusal('review', timeline(), sides('under_review'), 'jst', AFTER)).toBeNull();
    for (const status of ['decided', 'withdrawn'] as const) {
      expect(reviewRefusal('review', timeline(), sides(status), 'jst', AFTER)).toMatchObject({ code: 'WRONG_STATE' });
    }
  });

  it('decides a side once it is under review, and records a decision again', () => {
    expect(reviewRefusal('decision', timeline(), sides('under_review'), 'jst', AFTER)).toBeNull();
    expect(reviewRefusal('decision', timeline(), sides('decided'), 'jst', AFTER)).toBeNull();
    expect(reviewRefusal('decision', timeline(), sides('eligible'), 'jst', AFTER)).toEqual({
      code: 'REVIEW_NOT_STARTED',
      agencyId: 'jst',
      message: "JST's side is not under review yet: assign its reviewers before deciding.",
    });
    expect(reviewRefusal('decision', timeline(), sides('submitted'), 'jst', AFTER)).toMatchObject({ code: 'REVIEW_NOT_STARTED' });
    expect(reviewRefusal('decision', timeline(), sides('ineligible'), 'jst', AFTER)).toMatchObject({ code: 'WRONG_STATE' });
  });

  it('co-funding: a partner confirms its eligible side once the lead reviews the application, without reviewers of its own', () => {
    const coFunding = timeline('co_funding');
    expect(reviewRefusal('decision', coFunding, sides('under_review', 'eligible'), 'nsf', AFTER)).toBeNull();
    expect(reviewRefusal('decision', coFunding, sides('decided', 'eligible'), 'nsf', AFTER)).toBeNull();
    expect(reviewRefusal('decision', coFunding, sides('eligible', 'eligible'), 'nsf', AFTER)).toEqual({
      code: 'REVIEW_NOT_STARTED',
      agencyId: 'nsf',
      message: 'NSF confirms its co-funding once JST, the lead agency, reviews the application.',
    });
    expect(reviewRefusal('decision', coFunding, sides('under_review', 'submitted'), 'nsf', AFTER)).toMatchObject({
      code: 'REVIEW_NOT_STARTED',
    });
    // The lead itself still needs its reviewers.
    expect(reviewRefusal('decision', coFunding, sides('eligible', 'eligible'), 'jst', AFTER)).toMatchObject({
      code: 'REVIEW_NOT_STARTED',
    });
  });

  it('twinning: a partner confirms the link the same way; in a joint call every agency reviews its own side', () => {
    expect(reviewRefusal('decision', timeline('twinning'), sides('under_review', 'eligible'), 'nsf', AFTER)).toBeNull();
    expect(reviewRefusal('decision', timeline('twinning'), sides('eligible', 'eligible'), 'nsf', AFTER)).toMatchObject({
      code: 'REVIEW_NOT_STARTED',
      message: 'NSF confirms the link once JST, the lead agency, reviews the application.',
    });
    expect(reviewRefusal('decision', timeline('joint_call'), sides('under_review', 'eligible'), 'nsf', AFTER)).toMatchObject({
      code: 'REVIEW_NOT_STARTED',
      message: "NSF's side is not under review yet: assign its reviewers before deciding.",
    });
  });

  it('never lets a step act before the review opens, whatever the states', () => {
    const status = fc.constantFrom<SideStatus>('submitted', 'eligible', 'ineligible', 'under_review', 'decided', 'withdrawn');
    const step = fc.constantFrom<ReviewStep>('eligibility', 'assignment', 'review', 'decision');
    const mode = fc.constantFrom<ReviewTimeline['mode']>('joint_call', 'co_funding', 'twinning');
    const instant = fc.integer({ min: BEFORE.getTime(), max: AFTER.getTime() }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(
        step,
        mode,
        fc.boolean(),
        status,
        status,
        fc.constantFrom('jst', 'nsf'),
        instant,
        (s, m, early, jst, nsf, agency, now) => {
          const t = timeline(m, early);
          const refusal = reviewRefusal(s, t, sides(jst, nsf), agency, now);
          if (now < reviewOpensAt(t, agency)) expect(refusal?.code).toBe('DEADLINE_NOT_PASSED');
          else expect(refusal?.code).not.toBe('DEADLINE_NOT_PASSED');
        },
      ),
    );
  });
});

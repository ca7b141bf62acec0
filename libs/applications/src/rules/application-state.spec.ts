import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type AgencyAction,
  allowedActions,
  type ApplicationAction,
  applicationStatus,
  hasReachedAgency,
  SIDE_STATUSES,
  type SideState,
  type SideStatus,
  receiptFor,
  submissionBlockers,
  transition,
} from './application-state.js';

const DEADLINE = new Date('2027-03-31T03:00:00Z');
const BEFORE = new Date(DEADLINE.getTime() - 1);
const AFTER = new Date(DEADLINE.getTime() + 1);

const jst: SideState = {
  agencyId: 'JST',
  agencyName: 'JST',
  timeZone: 'Asia/Tokyo',
  institutionId: 'UTOKYO',
  status: 'draft',
  approvalRequired: true,
  deadline: DEADLINE,
  integrityChecksRecorded: false,
};
const nsf: SideState = {
  ...jst,
  agencyId: 'NSF',
  agencyName: 'NSF',
  timeZone: 'America/New_York',
  institutionId: 'MIT',
  approvalRequired: false,
  deadline: new Date('2027-04-15T21:00:00Z'),
};
const pi: Actor = { isPi: true, officeOf: new Set() };
const tokyoOffice: Actor = { isPi: false, officeOf: new Set(['UTOKYO']) };
const osakaOffice: Actor = { isPi: false, officeOf: new Set(['OSAKA']) };

function step(sides: readonly SideState[], action: ApplicationAction, actor: Actor, now = BEFORE): readonly SideState[] {
  const result = transition(sides, action, actor, now);
  if (!result.ok) throw new Error(`${action.type} refused: ${result.refusal.code}`);
  return result.sides;
}

const statuses = (sides: readonly SideState[]) => Object.fromEntries(sides.map((s) => [s.agencyId, s.status]));

describe('application states', () => {
  it('a side has reached its agency once past the office; a withdrawn side only if it had been submitted', () => {
    const at = new Date('2027-03-01T00:00:00Z');
    const reached = SIDE_STATUSES.filter((status) => hasReachedAgency({ status, submittedAt: at }));
    expect(reached).not.toContain('draft');
    expect(reached).not.toContain('returned');
    expect(reached).not.toContain('pending_institution');
    expect(reached).toContain('submitted');
    expect(reached).toContain('withdrawn');
    expect(hasReachedAgency({ status: 'withdrawn', submittedAt: null })).toBe(false);
  });

  it('submit sends a side needing approval to its office, and a waived side straight to its agency', () => {
    const result = transition([jst, nsf], { type: 'submit' }, pi, BEFORE);
    expect(result).toMatchObject({
      ok: true,
      changes: [
        { agencyId: 'JST', from: 'draft', to: 'pending_institution' },
        { agencyId: 'NSF', from: 'draft', to: 'submitted' },
      ],
    });
  });

  it('gives a receipt when a side goes to its office and when it reaches its agency, and for nothing else', () => {
    const submitted = transition([jst, nsf], { type: 'submit' }, pi, BEFORE);
    if (!submitted.ok) throw new Error('submit refused');
    expect(submitted.changes.map(receiptFor)).toEqual(['submitted_to_office', 'received_by_agency']);
    const returned = transition(submitted.sides, { type: 'return', agencyId: 'JST', comment: 'Budget table missing' }, tokyoOffice, BEFORE);
    if (!returned.ok) throw new Error('return refused');
    expect(returned.changes.map(receiptFor)).toEqual([undefined, undefined]);
  });

  it('the whole flow: submit, return with a comment, resubmit, record checks, approve', () => {
    let sides = step([jst, nsf], { type: 'submit' }, pi);
    sides = step(sides, { type: 'return', agencyId: 'JST', comment: 'Budget table missing' }, tokyoOffice);
    expect(statuses(sides)).toEqual({ JST: 'returned', NSF: 'draft' });
    expect(applicationStatus(sides)).toBe('returned');
    sides = step(sides, { type: 'submit' }, pi);
    expect(applicationStatus(sides)).toBe('pending_institution');
    expect(transition(sides, { type: 'approve', agencyId: 'JST' }, tokyoOffice, BEFORE)).toMatchObject({
      ok: false,
      refusal: { code: 'INTEGRITY_CHECKS_MISSING' },
    });
    sides = sides.map((s) => (s.agencyId === 'JST' ? { ...s, integrityChecksRecorded: true } : s));
    sides = step(sides, { type: 'approve', agencyId: 'JST' }, tokyoOffice);
    expect(statuses(sides)).toEqual({ JST: 'submitted', NSF: 'submitted' });
    expect(applicationStatus(sides)).toBe('submitted');
  });

  it('accepts a submission 1 ms before the deadline and refuses it 1 ms after; approval after it is refused', () => {
    expect(transition([jst], { type: 'submit' }, pi, BEFORE).ok).toBe(true);
    expect(transition([jst], { type: 'submit' }, pi, AFTER)).toMatchObject({
      ok: false,
      refusal: { code: 'DEADLINE_PASSED', agencyId: 'JST' },
    });
    expect(transition([jst], { type: 'submit' }, pi, DEADLINE)).toMatchObject({ ok: false, refusal: { code: 'DEADLINE_PASSED' } });
    const pending = step([jst], { type: 'submit' }, pi).map((s) => ({ ...s, integrityChecksRecorded: true }));
    expect(transition(pending, { type: 'approve', agencyId: 'JST' }, tokyoOffice, AFTER)).toMatchObject({
      ok: false,
      refusal: { code: 'DEADLINE_PASSED' },
    });
  });

  it('a passed deadline names the agency and the deadline, in the agency’s zone and in UTC, on that side’s deadline', () => {
    const passed = "JST's deadline passed at 2027-03-31 12:00 UTC+09:00 (Asia/Tokyo), 2027-03-31T03:00:00Z.";
    expect(transition([jst, nsf], { type: 'submit' }, pi, AFTER)).toEqual({
      ok: false,
      refusal: { code: 'DEADLINE_PASSED', agencyId: 'JST', field: 'sides[0].deadline', message: passed },
    });
    const pending = step([nsf, jst], { type: 'submit' }, pi).map((s) => ({ ...s, integrityChecksRecorded: true }));
    expect(transition(pending, { type: 'approve', agencyId: 'JST' }, tokyoOffice, AFTER)).toEqual({
      ok: false,
      refusal: { code: 'DEADLINE_PASSED', agencyId: 'JST', field: 'sides[1].deadline', message: passed },
    });
    // Every side whose deadline passed, each once.
    expect(submissionBlockers([jst, nsf], new Date('2027-05-01T00:00:00Z')).map((r) => `${r.field} ${r.message}`)).toEqual([
      `sides[0].deadline ${passed}`,
      "sides[1].deadline NSF's deadline passed at 2027-04-15 17:00 UTC-04:00 (America/New_York), 2027-04-15T21:00:00Z.",
    ]);
    expect(submissionBlockers([jst, nsf], BEFORE)).toEqual([]);
    expect(submissionBlockers(pending, BEFORE).map((r) => r.code)).toEqual(['WRONG_STATE']);
  });

  it('only the PI submits, reopens and withdraws; only the side’s own office approves or returns it', () => {
    const pending = step([jst, nsf], { type: 'submit' }, pi);
    expect(transition([jst], { type: 'submit' }, tokyoOffice, BEFORE)).toMatchObject({ ok: false, refusal: { code: 'NOT_ALLOWED' } });
    expect(transition(pending, { type: 'return', agencyId: 'JST', comment: 'x' }, osakaOffice, BEFORE)).toMatchObject({
      ok: false,
      refusal: { code: 'NOT_ALLOWED' },
    });
    expect(transition(pending, { type: 'return', agencyId: 'JST', comment: 'x' }, pi, BEFORE)).toMatchObject({
      ok: false,
      refusal: { code: 'NOT_ALLOWED' },
    });
    expect(transition(pending, { type: 'return', agencyId: 'NSF', comment: 'x' }, tokyoOffice, BEFORE)).toMatchObject({
      ok: false,
      refusal: { code: 'NOT_ALLOWED' },
    });
    expect(transition(pending, { type: 'return', agencyId: 'JST', comment: '  ' }, tokyoOffice, BEFORE)).toMatchObject({
      ok: false,
      refusal: { code: 'COMMENT_REQUIRED' },
    });
    expect(transition(pending, { type: 'withdraw' }, tokyoOffice, BEFORE)).toMatchObject({ ok: false, refusal: { code: 'NOT_ALLOWED' } });
  });

  it('reopen brings every side back to draft before the deadline, and not after', () => {
    const pending = step([jst, nsf], { type: 'submit' }, pi);
    expect(statuses(step(pending, { type: 'reopen' }, pi))).toEqual({ JST: 'draft', NSF: 'draft' });
    expect(transition(pending, { type: 'reopen' }, pi, AFTER)).toMatchObject({ ok: false, refusal: { code: 'DEADLINE_PASSED' } });
    expect(transition([jst, nsf], { type: 'reopen' }, pi, BEFORE)).toMatchObject({ ok: false, refusal: { code: 'WRONG_STATE' } });
  });

  it('offers each person exactly the steps the rules would take now', () => {
    const editor = { ...pi, mayEdit: true };
    expect(allowedActions([jst, nsf], editor, BEFORE)).toEqual(['edit', 'submit', 'withdraw']);
    expect(allowedActions([jst, nsf], editor, AFTER)).toEqual(['edit', 'withdraw']);
    expect(allowedActions([jst, nsf], { ...editor, isPi: false }, BEFORE)).toEqual(['edit']);
    const pending = step([jst, nsf], { type: 'submit' }, pi);
    expect(allowedActions(pending, editor, BEFORE)).toEqual(['reopen', 'withdraw']);
    expect(allowedActions(pending, editor, AFTER)).toEqual(['withdraw']);
    expect(allowedActions(pending, { ...tokyoOffice, mayEdit: false }, BEFORE)).toEqual([]);
    const decided = [
      { ...jst, status: 'decided' as const },
      { ...nsf, status: 'decided' as const },
    ];
    expect(allowedActions(decided, editor, BEFORE)).toEqual([]);
  });

  it('withdraw ends everything before a decision, and not after', () => {
    const withdrawn = step([jst, nsf], { type: 'withdraw' }, pi);
    expect(applicationStatus(withdrawn)).toBe('withdrawn');
    expect(transition(withdrawn, { type: 'submit' }, pi, BEFORE).ok).toBe(false);
    const decided = [{ ...jst, status: 'decided' as const }, nsf];
    expect(transition(decided, { type: 'withdraw' }, pi, BEFORE)).toMatchObject({ ok: false, refusal: { code: 'WRONG_STATE' } });
  });

  it('summarises the sides by the one furthest behind', () => {
    const side = (status: SideStatus): SideState => ({ ...jst, status });
    expect(applicationStatus([side('submitted'), side('pending_institution')])).toBe('pending_institution');
    expect(applicationStatus([side('decided'), side('under_review')])).toBe('under_review');
    expect(applicationStatus([side('decided'), side('decided')])).toBe('decided');
    expect(applicationStatus([side('eligible'), side('ineligible')])).toBe('ineligible');
  });
});

describe("an agency's steps on its own side", () => {
  const jstOfficer: Actor = { isPi: false, officeOf: new Set(), officerOf: new Set(['JST']) };
  const at = (status: SideStatus) => [
    { ...jst, status },
    { ...nsf, status: 'submitted' as const },
  ];

  it('takes a submitted side through eligibility and review to a decision, and a decided side stays decided', () => {
    let sides: readonly SideState[] = at('submitted');
    sides = step(sides, { type: 'judge_eligibility', agencyId: 'JST', eligible: true }, jstOfficer);
    expect(statuses(sides)).toEqual({ JST: 'eligible', NSF: 'submitted' });
    sides = step(sides, { type: 'start_review', agencyId: 'JST' }, jstOfficer);
    sides = step(sides, { type: 'decide', agencyId: 'JST' }, jstOfficer);
    expect(statuses(sides)).toEqual({ JST: 'decided', NSF: 'submitted' });
    sides = step(sides, { type: 'decide', agencyId: 'JST' }, jstOfficer);
    expect(statuses(sides)).toEqual({ JST: 'decided', NSF: 'submitted' });
  });

  it('refuses a decision on a side not under review, with a typed reason on its status', () => {
    for (const status of ['submitted', 'eligible', 'ineligible', 'draft', 'pending_institution', 'withdrawn'] as const) {
      const result = transition(at(status), { type: 'decide', agencyId: 'JST' }, jstOfficer, BEFORE);
      expect(result).toEqual({
        ok: false,
        refusal: {
          code: 'WRONG_STATE',
          message: 'A side is decided only once it is under review.',
          agencyId: 'JST',
          field: 'sides[0].status',
        },
      });
    }
  });

  it('lets a partner confirm an eligible side on the lead agency’s review, and nothing earlier', () => {
    expect(statuses(step(at('eligible'), { type: 'decide', agencyId: 'JST', onLeadReview: true }, jstOfficer))).toEqual({
      JST: 'decided',
      NSF: 'submitted',
    });
    expect(transition(at('submitted'), { type: 'decide', agencyId: 'JST', onLeadReview: true }, jstOfficer, BEFORE).ok).toBe(false);
  });

  it("refuses another agency's officer, a PI and an office", () => {
    for (const actor of [{ isPi: false, officeOf: new Set<string>(), officerOf: new Set(['NSF']) }, pi, tokyoOffice]) {
      const result = transition(at('under_review'), { type: 'decide', agencyId: 'JST' }, actor, BEFORE);
      expect(result.ok ? undefined : result.refusal.code).toBe('NOT_ALLOWED');
    }
  });
});

describe('application state properties', () => {
  const arbSide = fc.record({
    agencyId: fc.constantFrom('JST', 'NSF', 'ANR'),
    agencyName: fc.constant('FA'),
    timeZone: fc.constantFrom('Asia/Tokyo', 'Europe/Paris', 'UTC'),
    institutionId: fc.constantFrom('UTOKYO', 'OSAKA', 'MIT'),
    status: fc.constantFrom(...SIDE_STATUSES),
    approvalRequired: fc.boolean(),
    deadline: fc.date({ min: new Date('2027-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
    integrityChecksRecorded: fc.boolean(),
  });
  const arbSides = fc.uniqueArray(arbSide, { minLength: 1, maxLength: 3, selector: (s) => s.agencyId });
  const arbAction: fc.Arbitrary<ApplicationAction> = fc.oneof(
    fc.constant({ type: 'submit' as const }),
    fc.constant({ type: 'reopen' as const }),
    fc.constant({ type: 'withdraw' as const }),
    fc.record({ type: fc.constant('approve' as const), agencyId: fc.constantFrom('JST', 'NSF', 'ANR') }),
    fc.record({ type: fc.constant('return' as const), agencyId: fc.constantFrom('JST', 'NSF', 'ANR'), comment: fc.string() }),
    fc.record({
      type: fc.constant('judge_eligibility' as const),
      agencyId: fc.constantFrom('JST', 'NSF', 'ANR'),
      eligible: fc.boolean(),
    }),
    fc.record({ type: fc.constant('start_review' as const), agencyId: fc.constantFrom('JST', 'NSF', 'ANR') }),
    fc.record({ type: fc.constant('decide' as const), agencyId: fc.constantFrom('JST', 'NSF', 'ANR'), onLeadReview: fc.boolean() }),
  );
  const arbActor = fc.record({
    isPi: fc.boolean(),
    officeOf: fc.subarray(['UTOKYO', 'OSAKA', 'MIT']).map((a) => new Set(a)),
    officerOf: fc.subarray(['JST', 'NSF', 'ANR']).map((a) => new Set(a)),
  });
  const isAgencyAction = (action: ApplicationAction): action is AgencyAction =>
    action.type === 'judge_eligibility' || action.type === 'start_review' || action.type === 'decide';
  const arbNow = fc.date({ min: new Date('2026-12-01T00:00:00Z'), max: new Date('2028-01-31T00:00:00Z'), noInvalidDate: true });

  it('nothing becomes pending approval or submitted at or after its deadline', () => {
    fc.assert(
      fc.property(arbSides, arbAction, arbActor, arbNow, (sides, action, actor, now) => {
        const result = transition(sides, action, actor, now);
        if (!result.ok) return;
        for (const change of result.changes) {
          if (change.to === 'pending_institution' || change.to === 'submitted') {
            const side = sides.find((s) => s.agencyId === change.agencyId)!;
            expect(now.getTime()).toBeLessThan(side.deadline.getTime());
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('only the PI moves the whole application, and an office moves only the sides of its institution', () => {
    fc.assert(
      fc.property(arbSides, arbAction, arbActor, arbNow, (sides, action, actor, now) => {
        const result = transition(sides, action, actor, now);
        if (!result.ok) return;
        if (action.type === 'approve' || action.type === 'return') {
          const side = sides.find((s) => s.agencyId === action.agencyId)!;
          expect(actor.officeOf.has(side.institutionId)).toBe(true);
        } else if (isAgencyAction(action)) {
          expect(actor.officerOf.has(action.agencyId)).toBe(true);
          expect(result.changes.every((c) => c.agencyId === action.agencyId)).toBe(true);
        } else {
          expect(actor.isPi).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('an agency step follows the order: eligibility before review, no decision before review, decided is final', () => {
    fc.assert(
      fc.property(arbSides, arbAction, arbActor, arbNow, (sides, action, actor, now) => {
        const result = transition(sides, action, actor, now);
        if (!result.ok) return;
        for (const change of result.changes) {
          if (change.to === 'eligible' || change.to === 'ineligible')
            expect(['submitted', 'eligible', 'ineligible']).toContain(change.from);
          if (change.to === 'under_review') expect(change.from).toBe('eligible');
          if (change.to === 'decided') {
            expect(
              change.from === 'under_review' || (action.type === 'decide' && action.onLeadReview === true && change.from === 'eligible'),
            ).toBe(true);
          }
          expect(change.from).not.toBe('decided');
        }
        if (isAgencyAction(action)) {
          const side = sides.find((s) => s.agencyId === action.agencyId)!;
          if (side.status === 'decided') expect(result.sides.find((s) => s.agencyId === action.agencyId)!.status).toBe('decided');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a withdrawn application never changes again', () => {
    fc.assert(
      fc.property(arbSides, arbAction, arbActor, arbNow, (sides, action, actor, now) => {
        const frozen = sides.map((s) => ({ ...s, status: 'withdrawn' as const }));
        expect(transition(frozen, action, actor, now).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type ApplicationAction,
  applicationStatus,
  hasReachedAgency,
  SIDE_STATUSES,
  type SideState,
  type SideStatus,
  transition,
} from './application-state.js';

const DEADLINE = new Date('2027-03-31T03:00:00Z');
const BEFORE = new Date(DEADLINE.getTime() - 1);
const AFTER = new Date(DEADLINE.getTime() + 1);

const jst: SideState = {
  agencyId: 'JST',
  institutionId: 'UTOKYO',
  status: 'draft',
  approvalRequired: true,
  deadline: DEADLINE,
  integrityChecksRecorded: false,
};
const nsf: SideState = {
  ...jst,
  agencyId: 'NSF',
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

describe('application state properties', () => {
  const arbSide = fc.record({
    agencyId: fc.constantFrom('JST', 'NSF', 'ANR'),
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
  );
  const arbActor = fc.record({ isPi: fc.boolean(), officeOf: fc.subarray(['UTOKYO', 'OSAKA', 'MIT']).map((a) => new Set(a)) });
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
        } else {
          expect(actor.isPi).toBe(true);
        }
      }),
      { numRuns: 2000 },
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

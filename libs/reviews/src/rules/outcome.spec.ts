import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationOutcome, type CooperationMode, MODE_OUTCOMES, type SideDecision } from './outcome.js';

const sides = (lead: SideDecision, ...partners: SideDecision[]) => [
  { role: 'lead' as const, decision: lead },
  ...partners.map((decision) => ({ role: 'partner' as const, decision })),
];

describe('application outcome', () => {
  it('joint call: funded only when every side is funded', () => {
    expect(applicationOutcome('joint_call', sides('yes', 'no'))).toBe('not_funded');
    expect(applicationOutcome('joint_call', sides('yes', 'yes'))).toBe('funded');
    expect(applicationOutcome('joint_call', sides('yes', null))).toBe('pending');
    expect(applicationOutcome('joint_call', sides(null, 'no'))).toBe('not_funded');
  });

  it('co-funding: the lead selects; partners that confirm co-fund, and without them the lead funds alone', () => {
    expect(applicationOutcome('co_funding', sides('no', 'yes'))).toBe('not_funded');
    expect(applicationOutcome('co_funding', sides(null, 'yes'))).toBe('pending');
    expect(applicationOutcome('co_funding', sides(null, 'no'))).toBe('pending');
    expect(applicationOutcome('co_funding', sides('yes', null))).toBe('pending');
    expect(applicationOutcome('co_funding', sides('yes', 'no', null))).toBe('pending');
    expect(applicationOutcome('co_funding', sides('yes', 'yes', 'yes'))).toBe('co_funded');
    expect(applicationOutcome('co_funding', sides('yes', 'yes', 'no'))).toBe('co_funded');
    expect(applicationOutcome('co_funding', sides('yes', 'no'))).toBe('funded_by_lead');
    expect(applicationOutcome('co_funding', sides('yes', 'no', 'no'))).toBe('funded_by_lead');
  });

  it('twinning: linked or not, with no money', () => {
    expect(applicationOutcome('twinning', sides('yes', 'yes'))).toBe('linked');
    expect(applicationOutcome('twinning', sides('yes', 'no'))).toBe('not_linked');
    expect(applicationOutcome('twinning', sides('yes', null))).toBe('pending');
  });

  it('waits while nothing is decided', () => {
    for (const mode of ['joint_call', 'co_funding', 'twinning'] as const) {
      expect(applicationOutcome(mode, [])).toBe('pending');
      expect(applicationOutcome(mode, sides(null, null))).toBe('pending');
    }
  });

  describe('on any decisions of a lead and up to four partners', () => {
    const mode = fc.constantFrom<CooperationMode>('joint_call', 'co_funding', 'twinning');
    const decision = fc.constantFrom<SideDecision>('yes', 'no', null);
    const application = fc.record({ lead: decision, partners: fc.array(decision, { minLength: 1, maxLength: 4 }) });

    it("answers one of its mode's outcomes, or pending", () => {
      fc.assert(
        fc.property(mode, application, (m, a) => {
          const { funded, notFunded } = MODE_OUTCOMES[m];
          expect(['pending', ...funded, ...notFunded]).toContain(applicationOutcome(m, sides(a.lead, ...a.partners)));
        }),
      );
    });

    it('is funded exactly as the mode says: every side (joint call, twinning), the lead (co-funding)', () => {
      fc.assert(
        fc.property(mode, application, (m, a) => {
          const all = [a.lead, ...a.partners];
          const outcome = applicationOutcome(m, sides(a.lead, ...a.partners));
          const funded = (MODE_OUTCOMES[m].funded as readonly string[]).includes(outcome);
          if (m === 'co_funding') {
            expect(funded).toBe(a.lead === 'yes' && a.partners.every((p) => p !== null));
            if (funded) expect(outcome).toBe(a.partners.includes('yes') ? 'co_funded' : 'funded_by_lead');
            expect(outcome === 'not_funded').toBe(a.lead === 'no');
          } else {
            expect(funded).toBe(all.every((d) => d === 'yes'));
            expect((MODE_OUTCOMES[m].notFunded as readonly string[]).includes(outcome)).toBe(all.includes('no'));
          }
        }),
      );
    });

    it('does not depend on the order of the sides', () => {
      fc.assert(
        fc.property(mode, application, fc.integer({ min: 0, max: 4 }), (m, a, shift) => {
          const listed = sides(a.lead, ...a.partners);
          const k = shift % listed.length;
          expect(applicationOutcome(m, [...listed.slice(k), ...listed.slice(0, k)])).toBe(applicationOutcome(m, listed));
        }),
      );
    });

    it('once settled, stays settled whatever the decisions still missing turn out to be', () => {
      fc.assert(
        fc.property(
          mode,
          application,
          fc.array(fc.constantFrom<'yes' | 'no'>('yes', 'no'), { minLength: 5, maxLength: 5 }),
          (m, a, fill) => {
            const before = applicationOutcome(m, sides(a.lead, ...a.partners));
            fc.pre(before !== 'pending');
            const [lead, ...partners] = [a.lead, ...a.partners].map((d, i) => d ?? fill[i]!);
            expect(applicationOutcome(m, sides(lead!, ...partners))).toBe(before);
          },
        ),
      );
    });
  });
});

import { describe, expect, it } from 'vitest';
import { applicationOutcome, type SideDecision } from './outcome.js';

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

  it('co-funding: the lead funds and every partner confirms', () => {
    expect(applicationOutcome('co_funding', sides('no', 'yes'))).toBe('not_funded');
    expect(applicationOutcome('co_funding', sides(null, 'yes'))).toBe('pending');
    expect(applicationOutcome('co_funding', sides('yes', null))).toBe('pending');
    expect(applicationOutcome('co_funding', sides('yes', 'yes', 'yes'))).toBe('funded');
    expect(applicationOutcome('co_funding', sides('yes', 'yes', 'no'))).toBe('not_funded');
  });

  it('twinning: linked or not, with no money', () => {
    expect(applicationOutcome('twinning', sides('yes', 'yes'))).toBe('linked');
    expect(applicationOutcome('twinning', sides('yes', 'no'))).toBe('not_linked');
    expect(applicationOutcome('twinning', sides('yes', null))).toBe('pending');
  });
});

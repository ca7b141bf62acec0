import { describe, expect, it } from 'vitest';
import { ASPIRE_2023, planAspireRound } from './aspire-2023.js';

const tally = (values: readonly string[]) => values.reduce<Record<string, number>>((t, v) => ({ ...t, [v]: (t[v] ?? 0) + 1 }), {});

describe('the ASPIRE round plan', () => {
  const plan = planAspireRound();
  const funded = plan.filter((p) => p.funded);

  it('has 469 applications and 106 funded projects', () => {
    expect(plan).toHaveLength(469);
    expect(funded).toHaveLength(106);
    expect(new Set(plan.map((p) => p.index)).size).toBe(469);
  });

  it('reproduces the published tables of funded projects', () => {
    expect(tally(funded.map((p) => p.field))).toEqual(ASPIRE_2023.fundedByField);
    const leads = tally(funded.map((p) => p.leadInstitution));
    for (const [institution, n] of Object.entries(ASPIRE_2023.fundedByLeadInstitution)) expect(leads[institution]).toBe(n);
    expect(leads['OTHER']).toBe(29);
    expect(tally(funded.flatMap((p) => p.partnerCountries))).toEqual(ASPIRE_2023.fundedPartnerInstitutionsByCountry);
    expect(funded.every((p) => p.partnerCountries.length >= 1)).toBe(true);
  });

  it('is the same every time', () => {
    expect(planAspireRound()).toEqual(plan);
  });
});

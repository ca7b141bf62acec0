import { describe, expect, it } from 'vitest';
import { checkFormDefinition, compileAnswersSchema, validateAnswers } from '#forms';
import { seedId } from '../seed-id.js';
import { applicationSeeds } from './applications.js';
import { callSeeds } from './calls.js';
import { demoAnswers, demoForms } from './forms.js';

const calls = callSeeds(new Date('2026-12-06T00:00:00Z'));
const agenciesOf = (key: string) => calls.find((c) => c.key === key)!.agencies.map((a) => seedId('organisation', a.agency));

describe('the demo calls’ forms', () => {
  it('belong to demo calls and are sound forms', () => {
    for (const [call, questions] of Object.entries(demoForms)) {
      expect(
        calls.map((c) => c.key),
        call,
      ).toContain(call);
      expect(checkFormDefinition({ questions }), call).toEqual([]);
    }
  });

  it('ask what the calls ask: ASPIRE the young researchers sent and invited, e-ASIA each country’s contribution, twinning the linked grants', () => {
    const keys = (call: string, scope?: string) => demoForms[call]!.filter((q) => !scope || q.scope === scope).map((q) => q.key);
    expect(keys('ASPIRE-2023')).toEqual(
      expect.arrayContaining(['young_researchers_plan', 'young_researchers_sent', 'researchers_invited']),
    );
    expect(keys('EASIA-NEXT', 'side')).toEqual(expect.arrayContaining(['country_contribution', 'country_team_size']));
    expect(keys('TWIN-UKRI-CURRENT', 'side')).toEqual(expect.arrayContaining(['linked_grant_number', 'linked_grant_title']));
    expect(demoForms['SICORP-US-REVIEW']!.filter((q) => q.visibility === 'office_agency').map((q) => q.key)).toEqual(['export_control']);
  });

  it('are answered completely by the submitted demo proposals, and half by the Tokyo draft', () => {
    for (const seed of applicationSeeds) {
      const call = seed.call ?? 'SICORP-US-CURRENT';
      const answers = demoAnswers(seed.key);
      if (!answers) continue;
      const questions = demoForms[call]!;
      const submit = validateAnswers(compileAnswersSchema({ questions }, agenciesOf(call), 'submit'), answers);
      const draft = validateAnswers(compileAnswersSchema({ questions }, agenciesOf(call), 'draft'), answers);
      expect(draft, seed.key).toEqual([]);
      if (seed.key === 'UTOKYO-DRAFT')
        expect(submit.map((p) => p.key).sort(), seed.key).toEqual(['data_management', 'export_control', 'export_control']);
      else expect(submit, seed.key).toEqual([]);
    }
  });
});

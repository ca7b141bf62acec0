import { describe, expect, it } from 'vitest';
import { compareSubmissions, type FrozenDocument, type FrozenParts, type FrozenProposal } from './submission-snapshot.js';

const proposal: FrozenProposal = {
  title: 'Quantum sensing',
  abstract: 'We measure.',
  trackId: 't1',
  fieldCode: 'quantum',
  keywords: ['qubits'],
  durationMonths: 36,
  sides: [
    {
      agencyId: 'jst',
      agencyShortName: 'JST',
      role: 'lead',
      pi: { userId: 'u1', name: null, email: null, orcid: null },
      institution: { id: 'tokyo', shortName: 'UTokyo', country: 'JP' },
      budgetPerYear: [100, 200],
      budgetCurrency: 'JPY',
      existingGrantNumber: null,
    },
  ],
  members: [
    {
      id: 'm1',
      userId: 'u1',
      email: null,
      name: 'Sato',
      orcid: null,
      role: 'pi',
      earlyCareer: false,
      institutionId: 'tokyo',
      country: 'JP',
    },
    {
      id: 'm2',
      userId: null,
      email: null,
      name: 'Ito',
      orcid: null,
      role: 'co_investigator',
      earlyCareer: true,
      institutionId: 'tokyo',
      country: 'JP',
    },
  ],
};

const plan = (versionId: string, sha256: string): FrozenDocument => ({
  documentId: 'd1',
  requirementId: 'r-plan',
  kind: 'research_plan',
  label: { en: 'Research plan', ja: '研究計画書' },
  agencyId: null,
  versionId,
  fileName: 'plan.pdf',
  mediaType: 'application/pdf',
  size: 1000,
  pages: 3,
  sha256,
});

const parts = (documents: FrozenDocument[]): FrozenParts => ({ documents });

describe('comparing two submissions', () => {
  it('finds nothing between a submission and itself, whatever the order of the team', () => {
    const reordered = { ...proposal, members: [...proposal.members].reverse() };
    expect(
      compareSubmissions({ proposal, parts: parts([plan('v1', 'aa')]) }, { proposal: reordered, parts: parts([plan('v1', 'aa')]) }),
    ).toEqual([]);
  });

  it('names a changed title and a replaced plan', () => {
    const changes = compareSubmissions(
      { proposal, parts: parts([plan('v1', 'aa')]) },
      { proposal: { ...proposal, title: 'Quantum sensing, revised' }, parts: parts([plan('v2', 'bb')]) },
    );
    expect(changes).toEqual([
      { kind: 'field', path: 'title', before: 'Quantum sensing', after: 'Quantum sensing, revised' },
      expect.objectContaining({
        kind: 'document',
        change: 'replaced',
        requirementId: 'r-plan',
        before: expect.objectContaining({ sha256: 'aa' }),
        after: expect.objectContaining({ sha256: 'bb' }),
      }),
    ]);
  });

  it('a new upload of the same bytes is no change; an added or removed document is', () => {
    expect(compareSubmissions({ proposal, parts: parts([plan('v1', 'aa')]) }, { proposal, parts: parts([plan('v2', 'aa')]) })).toEqual([]);
    expect(compareSubmissions({ proposal, parts: parts([]) }, { proposal, parts: parts([plan('v1', 'aa')]) })).toEqual([
      expect.objectContaining({ kind: 'document', change: 'added', before: null }),
    ]);
    expect(compareSubmissions({ proposal, parts: parts([plan('v1', 'aa')]) }, { proposal, parts: {} })).toEqual([
      expect.objectContaining({ kind: 'document', change: 'removed', after: null }),
    ]);
  });

  it('names a side field by its agency, and a change of the team', () => {
    const side = proposal.sides[0]!;
    const after = { ...proposal, sides: [{ ...side, budgetPerYear: [100, 250] }], members: proposal.members.slice(0, 1) };
    expect(
      compareSubmissions({ proposal, parts: {} }, { proposal: after, parts: {} }).map((c) => (c.kind === 'field' ? c.path : c.change)),
    ).toEqual(['sides[JST].budgetPerYear', 'members']);
  });
});

import { describe, expect, it } from 'vitest';
import { documentProblems, documentWarnings, type HeldVersion, type RequirementTerms } from './document-checks.js';

const plan: RequirementTerms = { id: 'plan', scope: 'proposal', labelEn: 'Research plan', maxPages: 10, required: true };
const cv: RequirementTerms = { id: 'cv', scope: 'side', labelEn: 'CV of the PI', maxPages: null, required: true };
const letter: RequirementTerms = { id: 'letter', scope: 'proposal', labelEn: 'Letter', maxPages: null, required: false };
const held = (requirementId: string, agencyId: string | null, pages = 3, scanStatus: HeldVersion['scanStatus'] = 'clean'): HeldVersion => ({
  requirementId,
  agencyId,
  pages,
  scanStatus,
});

describe('document checks', () => {
  it('names each missing required document once, and once per side for a side document; optional ones are never missing', () => {
    expect(documentProblems([plan, cv, letter], [held('cv', 'jst')], ['jst', 'nsf'])).toEqual([
      { code: 'DOCUMENT_MISSING', field: 'documents.plan', message: 'Research plan is required.' },
      { code: 'DOCUMENT_MISSING', field: 'documents.cv.nsf', agencyId: 'nsf', message: 'CV of the PI is required.' },
    ]);
  });

  it('warns a draft of a plan over its page limit, and refuses it at submit with the document named', () => {
    expect(documentWarnings(plan, held('plan', null, 12))).toEqual([
      { code: 'PAGES_OVER_LIMIT', message: 'Research plan has 12 pages; the call allows 10.' },
    ]);
    expect(documentProblems([plan], [held('plan', null, 12)], [])).toEqual([
      { code: 'DOCUMENT_OVER_PAGES', field: 'documents.plan', message: 'Research plan has 12 pages; the call allows 10.' },
    ]);
    expect(documentProblems([plan], [held('plan', null, 10)], [])).toEqual([]);
  });

  it('refuses an infected file', () => {
    expect(documentProblems([letter], [held('letter', null, 1, 'infected')], []).map((p) => p.code)).toEqual(['DOCUMENT_INFECTED']);
  });
});

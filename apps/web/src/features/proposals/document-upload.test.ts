import { describe, expect, it } from 'vitest';
import {
  acceptAttribute,
  type DocumentSlot,
  documentField,
  formatFileSize,
  formatPercent,
  joinSentences,
  shortHash,
  slotAlerts,
  slotKey,
  typeNames,
  uploadOutcome,
  uploadPath,
  uploadPercent,
} from './document-upload';
import { documentOfField, fieldAnchor } from './submission-problem';

const SHA = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

const version = {
  id: 'v1',
  documentId: 'd1',
  number: 1,
  fileName: 'plan.pdf',
  mediaType: 'application/pdf' as const,
  pages: 12,
  scanStatus: 'not_scanned' as const,
  sha256: SHA,
  size: 4096,
  uploadedAt: '2027-01-10T01:00:00.000Z',
  uploadedBy: { id: 'u1', name: 'Haruki Sato' },
};

const requirement = {
  id: 'r1',
  kind: 'research_plan' as const,
  scope: 'proposal' as const,
  label: { en: 'Research plan', ja: '研究計画書' },
  help: null,
  acceptedTypes: ['application/pdf' as const],
  maxBytes: 10 * 1024 * 1024,
  maxPages: 10,
  required: true,
};

describe('sizes, in the reader’s language', () => {
  it('uses bytes, kilobytes and megabytes, 1024 to the next, one decimal at most', () => {
    expect(formatFileSize(812, 'en')).toBe('812 B');
    expect(formatFileSize(2048, 'en')).toBe('2 KB');
    expect(formatFileSize(1536, 'en')).toBe('1.5 KB');
    expect(formatFileSize(10 * 1024 * 1024, 'en')).toBe('10 MB');
    expect(formatFileSize(1_300_000, 'en')).toBe('1.2 MB');
    expect(formatFileSize(10 * 1024 * 1024, 'ja')).toBe('10 MB');
    expect(formatFileSize(1536, 'fr')).toBe('1,5 KB');
  });
});

describe('what an upload announces', () => {
  it('runs its sentences together as the language writes them', () => {
    expect(joinSentences(['plan.pdf is uploaded.', 'It has 3 pages.'], 'en')).toBe('plan.pdf is uploaded. It has 3 pages.');
    expect(joinSentences(['plan.pdf をアップロードしました。', '3 ページです。'], 'ja')).toBe(
      'plan.pdf をアップロードしました。3 ページです。',
    );
  });
});

describe('upload progress', () => {
  it('is a whole percentage of the known total, and undefined (indeterminate) without one', () => {
    expect(uploadPercent(0, 1000)).toBe(0);
    expect(uploadPercent(455, 1000)).toBe(45);
    expect(uploadPercent(1000, 1000)).toBe(100);
    expect(uploadPercent(1200, 1000)).toBe(100);
    expect(uploadPercent(500, 0)).toBeUndefined();
    expect(formatPercent(45, 'en')).toBe('45%');
    expect(formatPercent(45, 'ja')).toBe('45%');
  });
});

describe('what an upload’s answer means for the page', () => {
  it('takes a 201 with a version as uploaded, warnings included', () => {
    const body = { version, warnings: [{ code: 'PAGES_OVER_LIMIT', message: 'Research plan has 12 pages; the call allows 10.' }] };
    expect(uploadOutcome({ status: 201, body })).toEqual({ kind: 'uploaded', uploaded: body });
  });

  it('hands the api’s problem on, whatever its status', () => {
    for (const [status, code] of [
      [413, 'FILE_TOO_LARGE'],
      [415, 'FILE_TYPE_NOT_ACCEPTED'],
      [422, 'PDF_ENCRYPTED'],
      [422, 'NOT_EDITABLE'],
    ] as const) {
      const problem = { type: 'about:blank', title: 'Refused', status, code };
      expect(uploadOutcome({ status, body: problem })).toEqual({ kind: 'refused', problem });
    }
  });

  it('names the status of an answer that is not a problem, and a lost connection as a network error', () => {
    const proxy = uploadOutcome({ status: 502, body: null });
    expect(proxy).toMatchObject({ kind: 'refused', problem: { status: 502, code: 'UNKNOWN' } });
    expect(uploadOutcome({ status: 0, body: null })).toMatchObject({ kind: 'refused', problem: { code: 'NETWORK_ERROR' } });
    // A 2xx without a version is not an upload.
    expect(uploadOutcome({ status: 201, body: { ok: true } })).toMatchObject({ kind: 'refused' });
  });
});

describe('a slot’s warnings', () => {
  const slot = (
    warnings: DocumentSlot['warnings'],
    pages: number | null = 12,
  ): Pick<DocumentSlot, 'warnings' | 'current' | 'requirement'> => ({
    warnings,
    current: { ...version, pages },
    requirement,
  });

  it('carry the page count and the limit for a file over the page limit', () => {
    expect(slotAlerts(slot([{ code: 'PAGES_OVER_LIMIT', message: 'x' }]))).toEqual([{ kind: 'pages', pages: 12, maxPages: 10 }]);
  });

  it('name an infected file, and keep the server’s words only for what the page cannot say itself', () => {
    expect(slotAlerts(slot([{ code: 'INFECTED', message: 'x' }]))).toEqual([{ kind: 'infected' }]);
    expect(slotAlerts(slot([{ code: 'PAGES_OVER_LIMIT', message: 'Too long.' }], null))).toEqual([{ kind: 'other', message: 'Too long.' }]);
    expect(slotAlerts(slot([]))).toEqual([]);
  });
});

describe('naming files and slots', () => {
  it('shortens a hash to twelve characters and an ellipsis', () => {
    expect(shortHash(SHA)).toBe('9f86d081884c…');
    expect(shortHash('abc')).toBe('abc');
  });

  it('lists the accepted types by their short names, and offers their extensions in the picker', () => {
    expect(typeNames(['application/pdf'])).toBe('PDF');
    expect(typeNames(['application/pdf', 'image/png', 'image/jpeg'])).toBe('PDF, PNG, JPEG');
    expect(acceptAttribute(['application/pdf', 'image/jpeg'])).toBe('application/pdf,.pdf,image/jpeg,.jpg,.jpeg');
  });

  it('sends a side’s document with its agency, a proposal’s without', () => {
    expect(uploadPath('a1', 'r1', null)).toBe('/applications/a1/documents/r1');
    expect(uploadPath('a1', 'r1', 'g1')).toBe('/applications/a1/documents/r1?agencyId=g1');
  });

  it('gives each slot the anchor a submission problem about its document links to', () => {
    const agency = '0f8a7c2e-1111-4222-8333-444455556666';
    const requirementId = '7d1e3f00-aaaa-4bbb-8ccc-dddddddddddd';
    expect(slotKey({ requirement: { id: requirementId }, agencyId: null })).toBe(requirementId);
    expect(slotKey({ requirement: { id: requirementId }, agencyId: agency })).toBe(`${requirementId}.${agency}`);
    // The check reports at `documents.<requirement>[.<agency>]`; the slot's input has the anchor of that same field.
    expect(fieldAnchor(documentField(requirementId, null))).toBe(`field-documents-${requirementId}`);
    expect(fieldAnchor(documentField(requirementId, agency))).toBe(`field-documents-${requirementId}-${agency}`);
    expect(documentOfField(documentField(requirementId, agency))).toEqual({ requirementId, agencyId: agency });
  });
});

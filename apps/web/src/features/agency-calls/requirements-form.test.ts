import { describe, expect, it } from 'vitest';
import {
  bytesOf,
  type DocumentKind,
  limitInMegabytes,
  type DocumentRequirement,
  emptyRow,
  megabytesOf,
  moveRow,
  requirementField,
  requirementPath,
  requirementsBody,
  rowOf,
  withKind,
  withType,
} from './requirements-form';

const LABELS: Record<DocumentKind, { ja: string; en: string }> = {
  research_plan: { ja: '研究計画書', en: 'Research plan' },
  budget_justification: { ja: '予算の根拠', en: 'Budget justification' },
  cv: { ja: '履歴書', en: 'CV' },
  letter_of_support: { ja: '支援レター', en: 'Letter of support' },
  other: { ja: 'その他', en: 'Other' },
};
const labelOf = (kind: DocumentKind) => LABELS[kind];

const plan: DocumentRequirement = {
  id: '3f1c8f5e-5d7b-4c38-9d7e-0a1b2c3d4e5f',
  kind: 'research_plan',
  scope: 'proposal',
  label: { ja: '研究計画書', en: 'Research plan' },
  help: { ja: '10頁以内', en: 'At most 10 pages' },
  acceptedTypes: ['application/pdf'],
  maxBytes: 200_000,
  maxPages: 10,
  required: true,
};
const cv: DocumentRequirement = {
  id: '7a2b9c4d-1e2f-4a5b-8c6d-7e8f9a0b1c2d',
  kind: 'cv',
  scope: 'side',
  label: { ja: '履歴書', en: 'CV' },
  help: null,
  acceptedTypes: ['image/jpeg', 'application/pdf'],
  maxBytes: 5 * 1024 * 1024,
  maxPages: null,
  required: false,
};

describe('sizes in megabytes', () => {
  it('shows bytes as megabytes of 1024 × 1024, rounded for reading', () => {
    expect(megabytesOf(10 * 1024 * 1024)).toBe('10');
    expect(megabytesOf(2.5 * 1024 * 1024)).toBe('2.5');
    expect(megabytesOf(200_000)).toBe('0.19');
    expect(megabytesOf(1000)).toBe('0.00095');
  });

  it('reads what is typed, full-width digits included, and nothing that is no number', () => {
    expect(bytesOf('10')).toBe(10_485_760);
    expect(bytesOf('2.5')).toBe(2_621_440);
    expect(bytesOf('１０')).toBe(10_485_760);
    expect(bytesOf(' .5 ')).toBe(524_288);
    expect(bytesOf('ten')).toBeUndefined();
    expect(bytesOf('-1')).toBeUndefined();
    expect(bytesOf('1e3')).toBeUndefined();
  });

  it('says the api’s limits in megabytes too', () => {
    expect(limitInMegabytes('at most 52428800 bytes here')).toBe('50');
    expect(limitInMegabytes('requirements[0].maxBytes must not be greater than 209715200')).toBe('200');
    expect(limitInMegabytes('must be an integer number')).toBeUndefined();
  });
});

describe('the requirement rows', () => {
  it('take the api’s requirements in and give back the same body: the exact bytes while the size is untouched', () => {
    const rows = [plan, cv].map(rowOf);
    expect(rows[0]).toMatchObject({ maxMb: '0.19', maxPages: '10', helpEn: 'At most 10 pages', savedBytes: 200_000 });
    expect(rows[1]).toMatchObject({ acceptedTypes: ['application/pdf', 'image/jpeg'], maxPages: '', helpJa: '' });
    expect(requirementsBody(rows)).toEqual({
      body: {
        requirements: [
          {
            id: plan.id,
            kind: 'research_plan',
            scope: 'proposal',
            labelJa: '研究計画書',
            labelEn: 'Research plan',
            helpJa: '10頁以内',
            helpEn: 'At most 10 pages',
            acceptedTypes: ['application/pdf'],
            maxBytes: 200_000,
            maxPages: 10,
            required: true,
          },
          {
            id: cv.id,
            kind: 'cv',
            scope: 'side',
            labelJa: '履歴書',
            labelEn: 'CV',
            acceptedTypes: ['application/pdf', 'image/jpeg'],
            maxBytes: 5 * 1024 * 1024,
            maxPages: null,
            required: false,
          },
        ],
      },
      problems: [],
    });
  });

  it('sends a changed size in bytes, and a new row without an id', () => {
    const changed = { ...rowOf(plan), maxMb: '1.5' };
    const added = { ...emptyRow('cv', labelOf('cv')), scope: 'side' as const, maxPages: '４' };
    const built = requirementsBody([changed, added]);
    if (!('body' in built)) throw new Error(JSON.stringify(built.problems));
    expect(built.body.requirements[0]?.maxBytes).toBe(1_572_864);
    expect(built.body.requirements[1]).toEqual({
      kind: 'cv',
      scope: 'side',
      labelJa: '履歴書',
      labelEn: 'CV',
      acceptedTypes: ['application/pdf'],
      maxBytes: 10 * 1024 * 1024,
      maxPages: 4,
      required: true,
    });
  });

  it('lists every problem before sending, at the api’s field paths', () => {
    const built = requirementsBody([
      { ...rowOf(plan), labelEn: '  ', maxMb: 'lots', maxPages: '2.5' },
      { ...rowOf(cv), acceptedTypes: [], maxMb: '', maxPages: '0' },
      { ...rowOf(cv), labelJa: '', maxMb: '250' },
      { ...rowOf(cv), maxMb: '0', maxPages: '1001' },
    ]);
    expect(built.problems).toEqual([
      { field: 'requirements[0].labelEn', key: 'required' },
      { field: 'requirements[0].maxBytes', key: 'numberInvalid' },
      { field: 'requirements[0].maxPages', key: 'pagesRange' },
      { field: 'requirements[1].acceptedTypes', key: 'typesRequired' },
      { field: 'requirements[1].maxBytes', key: 'required' },
      { field: 'requirements[1].maxPages', key: 'pagesRange' },
      { field: 'requirements[2].labelJa', key: 'required' },
      { field: 'requirements[2].maxBytes', key: 'sizeRange' },
      { field: 'requirements[3].maxBytes', key: 'sizeRange' },
      { field: 'requirements[3].maxPages', key: 'pagesRange' },
    ]);
    expect('body' in built).toBe(false);
  });

  it('an empty list is a valid body: the call asks for no document', () => {
    expect(requirementsBody([])).toEqual({ body: { requirements: [] }, problems: [] });
  });

  it('relabels a row after its kind, unless the officer wrote the labels', () => {
    const fresh = emptyRow('research_plan', labelOf('research_plan'));
    expect(withKind(fresh, 'cv', labelOf)).toMatchObject({ kind: 'cv', labelJa: '履歴書', labelEn: 'CV' });
    const written = { ...fresh, labelEn: 'Project description' };
    expect(withKind(written, 'other', labelOf)).toMatchObject({ kind: 'other', labelJa: 'その他', labelEn: 'Project description' });
    expect(withKind({ ...fresh, labelJa: '', labelEn: '' }, 'cv', labelOf)).toMatchObject({ labelJa: '履歴書', labelEn: 'CV' });
  });

  it('keeps the accepted types in their usual order', () => {
    const row = emptyRow('other', labelOf('other'));
    expect(withType(withType(row, 'image/jpeg', true), 'image/png', true).acceptedTypes).toEqual([
      'application/pdf',
      'image/png',
      'image/jpeg',
    ]);
    expect(withType(row, 'application/pdf', false).acceptedTypes).toEqual([]);
  });

  it('moves a row up and down, and not past either end', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    const rows = ['a', 'b'];
    expect(moveRow(rows, 0, -1)).toBe(rows);
    expect(moveRow(rows, 1, 1)).toBe(rows);
  });
});

describe('field paths', () => {
  it('reads the row and the input of a path the api names', () => {
    expect(requirementPath('requirements[2].maxBytes')).toEqual({ index: 2, part: 'maxBytes' });
    expect(requirementPath('requirements[0].acceptedTypes[1]')).toEqual({ index: 0, part: 'acceptedTypes' });
    expect(requirementPath('requirements')).toEqual({});
    expect(requirementPath('titleEn')).toBeUndefined();
    expect(requirementField('requirements[0].acceptedTypes[1]')).toBe('requirements[0].acceptedTypes');
    expect(requirementField('requirements[3]')).toBe('requirements[3]');
    expect(requirementField('requirements')).toBe('requirements');
    expect(requirementField('body')).toBe('body');
  });
});

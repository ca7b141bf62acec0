import { describe, expect, it } from 'vitest';
import { exportLanguage, FIXED_EXPORT_HEADERS } from './export-headers.js';

describe('the headers of the application exports', () => {
  it('has a Japanese header for every English one, each unique, and none of them in English', () => {
    expect(FIXED_EXPORT_HEADERS.ja).toHaveLength(FIXED_EXPORT_HEADERS.en.length);
    expect(new Set(FIXED_EXPORT_HEADERS.ja).size).toBe(FIXED_EXPORT_HEADERS.ja.length);
    expect(new Set(FIXED_EXPORT_HEADERS.en).size).toBe(FIXED_EXPORT_HEADERS.en.length);
    for (const header of FIXED_EXPORT_HEADERS.ja) expect(header).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('keeps the English headers spreadsheets already read', () => {
    expect(FIXED_EXPORT_HEADERS.en.slice(0, 4)).toEqual(['application_id', 'call', 'title', 'status']);
    expect(FIXED_EXPORT_HEADERS.en).toContain('budget_total');
  });

  it('is written in the language asked for, else the reader’s own, else English', () => {
    expect(exportLanguage('ja', 'en')).toBe('ja');
    expect(exportLanguage('en', 'ja')).toBe('en');
    expect(exportLanguage(undefined, 'ja')).toBe('ja');
    expect(exportLanguage(undefined, 'en')).toBe('en');
    expect(exportLanguage(undefined, null)).toBe('en');
    expect(exportLanguage(undefined, 'fr')).toBe('en');
  });
});

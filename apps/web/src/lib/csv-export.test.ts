import { describe, expect, it } from 'vitest';
import { csvExportPath, csvLanguage } from './csv-export';

describe('CSV exports', () => {
  it('are written in the page’s language', () => {
    expect(csvLanguage('ja')).toBe('ja');
    expect(csvLanguage('ja-JP')).toBe('ja');
    expect(csvLanguage('en')).toBe('en');
    expect(csvLanguage('en-GB')).toBe('en');
    expect(csvLanguage('fr')).toBe('en');
  });

  it('ask for the language beside the parameters that are given', () => {
    expect(csvExportPath('/applications/export.csv', 'ja', { callId: 'c 1' })).toBe('/applications/export.csv?callId=c+1&lang=ja');
    expect(csvExportPath('/applications/export.csv', 'en', { callId: '' })).toBe('/applications/export.csv?lang=en');
    expect(csvExportPath('/calls/x/applications/export.csv', 'en')).toBe('/calls/x/applications/export.csv?lang=en');
  });
});

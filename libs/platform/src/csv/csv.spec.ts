import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';

describe('CSV', () => {
  it('quotes only what needs quoting, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('starts with a BOM and ends lines with CRLF', () => {
    expect(toCsv(['title', 'amount'], [['量子, センシング', 5]])).toBe('\uFEFFtitle,amount\r\n"量子, センシング",5\r\n');
  });
});

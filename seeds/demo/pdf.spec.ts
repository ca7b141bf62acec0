import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { makePdf, padPdf, pdfText, writePdf } from './pdf.js';

/** The text of each page, as pdf.js extracts it. */
async function pageTexts(pdf: Buffer): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0 });
  const texts: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    texts.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .filter((text) => text !== '')
        .join('\n'),
    );
  }
  return texts;
}

/**
 * Checks the cross-reference by hand, since pdf.js quietly rebuilds a wrong one: startxref points
 * at the xref table, and every entry in use points at its own `n 0 obj`.
 */
function expectSoundXref(pdf: Buffer): void {
  const text = pdf.toString('latin1');
  expect(text.endsWith('%%EOF\n')).toBe(true);
  const startxref = /startxref\r?\n(\d+)\n%%EOF\n$/.exec(text);
  expect(startxref).not.toBeNull();
  const xrefOffset = Number(startxref?.[1]);
  const table = /^xref\n0 (\d+)\n((?:\d{10} \d{5} [fn] \n)+)trailer\n/.exec(text.slice(xrefOffset));
  expect(table).not.toBeNull();
  const entries = table?.[2]?.match(/.{20}/gs) ?? [];
  expect(entries).toHaveLength(Number(table?.[1]));
  expect(entries[0]).toBe('0000000000 65535 f \n');
  entries.slice(1).forEach((entry, index) => {
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + 20)).toMatch(new RegExp(`^${index + 1} 0 obj\\n`));
  });
}

describe('makePdf', () => {
  it('writes a small PDF that pdf.js reads page by page', async () => {
    const pdf = makePdf({ pages: 3, title: 'Quantum sensing', lines: ['Aims', 'Methods'] });
    expect(pdf.subarray(0, 9).toString('latin1')).toBe('%PDF-1.4\n');
    expect(pdf.length).toBeLessThan(3000);
    expectSoundXref(pdf);
    expect(await pageTexts(pdf)).toEqual([1, 2, 3].map((n) => `Quantum sensing\nAims\nMethods\nPage ${n} of 3`));
  });

  it('writes as many pages as asked', async () => {
    const pdf = makePdf({ pages: 12 });
    expectSoundXref(pdf);
    const texts = await pageTexts(pdf);
    expect(texts).toHaveLength(12);
    expect(texts[11]).toBe('Research plan\nPage 12 of 12');
  });

  it('escapes parentheses and backslashes, and writes ASCII only', async () => {
    expect(pdfText('a (b) \\ c')).toBe('(a \\(b\\) \\\\ c)');
    const pdf = makePdf({ pages: 1, title: 'Plan (draft) \\ v2', lines: ['量子 sensing ('] });
    expect([...pdf].every((byte) => byte < 0x80)).toBe(true);
    expect(await pageTexts(pdf)).toEqual(['Plan (draft) \\ v2\n?? sensing (\nPage 1 of 1']);
  });

  it('refuses a document without pages', () => {
    expect(() => makePdf({ pages: 0 })).toThrow(RangeError);
    expect(() => makePdf({ pages: 1.5 })).toThrow(RangeError);
  });
});

describe('writePdf', () => {
  it('gives each stream its /Length and adds trailer entries', () => {
    const pdf = writePdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [] /Count 0 >>',
        { dictionary: '<< /Type /XObject >>', stream: Buffer.from('abc') },
      ],
      '/Info 4 0 R',
    );
    const text = pdf.toString('latin1');
    expect(text).toContain('3 0 obj\n<< /Type /XObject /Length 3 >>\nstream\nabc\nendstream\nendobj\n');
    expect(text).toContain('trailer\n<< /Size 4 /Root 1 0 R /Info 4 0 R >>\n');
    expectSoundXref(pdf);
  });
});

describe('padPdf', () => {
  const pdf = makePdf({ pages: 3, title: 'Padded plan' });
  const xrefOffset = Number(/startxref\n(\d+)/.exec(pdf.toString('latin1'))?.[1]);
  // The padding at which the startxref number gains a digit.
  const digitStep = 10 ** String(xrefOffset).length - xrefOffset;

  it.each([
    ['unchanged', pdf.length],
    ['one byte more', pdf.length + 1],
    ['two bytes more', pdf.length + 2],
    ['just before the startxref number gains a digit', pdf.length + digitStep - 1],
    ['where the number gains a digit', pdf.length + digitStep],
    ['just after', pdf.length + digitStep + 1],
    ['100 kB', 100_000],
  ])('grows a PDF to exactly the size asked: %s', async (_, size) => {
    const padded = padPdf(pdf, size);
    expect(padded.length).toBe(size);
    expectSoundXref(padded);
    expect(await pageTexts(padded)).toHaveLength(3);
  });

  it('makes a 10 MB document that is still the same document', async () => {
    const size = 10 * 1024 * 1024;
    const padded = padPdf(pdf, size);
    expect(padded.length).toBe(size);
    expect(padded.subarray(0, xrefOffset).equals(pdf.subarray(0, xrefOffset))).toBe(true);
    expectSoundXref(padded);
    expect(await pageTexts(padded)).toEqual([1, 2, 3].map((n) => `Padded plan\nPage ${n} of 3`));
  });

  it('cannot shrink a PDF, nor pad one it did not write', () => {
    expect(() => padPdf(pdf, pdf.length - 1)).toThrow(RangeError);
    expect(() => padPdf(Buffer.from('%PDF-1.4\nnot a document\n%%EOF\n'), 1000)).toThrow(/classic xref table/);
  });
});

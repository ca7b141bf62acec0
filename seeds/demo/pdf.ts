/**
 * Small PDF documents written by hand, for the demo's research plans, the benchmark's uploads and
 * the tests: PDF 1.4, uncompressed, one Helvetica text block per page, a classic xref table.
 * Nothing here depends on a PDF library, so the files are exactly what the bytes below say.
 */

/**
 * The body of one indirect object (what stands between `n 0 obj` and `endobj`): a plain value, or
 * a stream whose dictionary is written without /Length (the writer adds it from the bytes).
 */
export type PdfObject = string | { readonly dictionary: string; readonly stream: Uint8Array };

export interface PdfOptions {
  readonly pages: number;
  /** Printed at the top of every page; "Research plan" when absent. */
  readonly title?: string;
  /** Body text printed under the title on every page, one line each. */
  readonly lines?: readonly string[];
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 72;

/**
 * A literal string for a content stream: printable ASCII only (Helvetica's standard encoding
 * has no Japanese; anything else becomes `?`), with parentheses and backslashes escaped.
 */
export function pdfText(text: string): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, '?');
  return `(${ascii.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/**
 * The objects of a document of `pages` pages: 1 catalog, 2 page tree, 3 font, then for each page
 * its page object and its content stream. Object n is at index n - 1.
 */
export function makePdfObjects(options: PdfOptions): PdfObject[] {
  const { pages } = options;
  if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`A PDF needs at least one page, not ${pages}`);
  const title = options.title ?? 'Research plan';
  const lines = options.lines ?? [];
  const pageRef = (index: number): string => `${4 + 2 * index} 0 R`;
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => pageRef(i)).join(' ')}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  for (let index = 0; index < pages; index++) {
    const content = [
      `BT /F1 18 Tf ${MARGIN} ${PAGE_HEIGHT - MARGIN} Td ${pdfText(title)} Tj ET`,
      ...(lines.length > 0
        ? [`BT /F1 11 Tf 14 TL ${MARGIN} ${PAGE_HEIGHT - MARGIN - 32} Td`, ...lines.map((line) => `${pdfText(line)} '`), 'ET']
        : []),
      `BT /F1 9 Tf ${MARGIN} ${MARGIN / 2} Td ${pdfText(`Page ${index + 1} of ${pages}`)} Tj ET`,
    ].join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * index} 0 R >>`,
      { dictionary: '', stream: Buffer.from(content, 'latin1') },
    );
  }
  return objects;
}

/**
 * A complete file from its objects (object 1 is the catalog): header, bodies, an xref table of
 * 20-byte entries with 10-digit offsets, the trailer (with `trailerEntries` such as /Encrypt and
 * /ID added), startxref and `%%EOF`.
 */
export function writePdf(objects: readonly PdfObject[], trailerEntries = ''): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  const add = (chunk: Buffer): void => {
    chunks.push(chunk);
    length += chunk.length;
  };
  objects.forEach((object, index) => {
    offsets.push(length);
    if (typeof object === 'string') {
      add(Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`, 'latin1'));
    } else {
      const dictionary = object.dictionary.replace(/^\s*<<|>>\s*$/g, '').trim();
      add(
        Buffer.from(`${index + 1} 0 obj\n<< ${dictionary ? `${dictionary} ` : ''}/Length ${object.stream.length} >>\nstream\n`, 'latin1'),
      );
      add(Buffer.from(object.stream));
      add(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const xrefOffset = length;
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  const trailer = `<< /Size ${objects.length + 1} /Root 1 0 R${trailerEntries ? ` ${trailerEntries}` : ''} >>`;
  add(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n${trailer}\nstartxref\n${xrefOffset}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(chunks, length);
}

/** A valid PDF of `pages` pages, each with the title, the given lines and "Page n of N". */
export function makePdf(options: PdfOptions): Buffer {
  return writePdf(makePdfObjects(options));
}

/**
 * The same document grown to exactly `size` bytes: comment lines (`%...`) inserted just before
 * the xref table, so no object moves and only the startxref number changes. Works on a file with
 * a single classic xref table, as makePdf writes.
 */
export function padPdf(pdf: Buffer, size: number): Buffer {
  const marker = pdf.lastIndexOf('startxref');
  const match = marker < 0 ? null : /^startxref\s+(\d+)/.exec(pdf.subarray(marker).toString('latin1'));
  const xrefOffset = match ? Number(match[1]) : -1;
  if (!match || pdf.subarray(xrefOffset, xrefOffset + 4).toString('latin1') !== 'xref') {
    throw new Error('padPdf needs a PDF with one classic xref table, as makePdf writes');
  }
  if (size < pdf.length) throw new RangeError(`The PDF is already ${pdf.length} bytes, more than ${size}`);
  if (size === pdf.length) return pdf;
  // The new startxref number may have more digits than the old one, and those count too; where
  // one more digit would overshoot by a byte, a CR before the number makes up the difference.
  const target = size - pdf.length;
  const pointer = (padding: number, lineEnd: string): string => `startxref${lineEnd}${xrefOffset + padding}`;
  const grown = (padding: number, lineEnd: string): number => padding + pointer(padding, lineEnd).length - match[0].length;
  let padding = target;
  while (grown(padding, '\n') > target) padding--;
  const lineEnd = grown(padding, '\n') < target ? '\r\n' : '\n';
  const tail = pdf.subarray(xrefOffset).toString('latin1').replace(match[0], pointer(padding, lineEnd));
  return Buffer.concat([pdf.subarray(0, xrefOffset), commentBlock(padding), Buffer.from(tail, 'latin1')]);
}

/** `length` bytes of comment lines of at most 80 bytes; a single byte is a bare line end. */
function commentBlock(length: number): Buffer {
  const block = Buffer.alloc(length, 'x'.charCodeAt(0));
  for (let start = 0; start < length; start += 80) {
    const end = Math.min(start + 80, length) - 1;
    block[start] = '%'.charCodeAt(0);
    block[end] = '\n'.charCodeAt(0);
  }
  return block;
}

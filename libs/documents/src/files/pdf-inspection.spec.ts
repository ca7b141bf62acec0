import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { getDocumentProxy } from 'unpdf';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makePdf, padPdf } from '../../../../seeds/demo/pdf.js';
import {
  corruptPdf,
  ENCRYPTED_PDF_PAGES,
  ENCRYPTED_PDF_USER_PASSWORD,
  encryptedPdf,
  ownerOnlyEncryptedPdf,
  pngBytes,
  truncatedPdf,
} from '../../../../test/support/pdf-fixtures.js';
import { sniffMediaType } from './media-type.js';
import { inspectPdf, MAX_CONCURRENT_INSPECTIONS, pdfInspectionLoad } from './pdf-inspection.js';

let directory: string;
let written = 0;

/** Writes `bytes` to a file of its own in the test directory and gives its path. */
async function file(bytes: Buffer): Promise<string> {
  const path = join(directory, `upload-${++written}.pdf`);
  await writeFile(path, bytes);
  return path;
}

const open = (bytes: Buffer, password?: string) =>
  getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, ...(password ? { password } : {}) });

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'jointcall-pdf-inspection-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the fixtures, as pdf.js itself sees them', () => {
  it('encryptedPdf needs its user password, and opens with it', async () => {
    await expect(open(encryptedPdf())).rejects.toMatchObject({ name: 'PasswordException' });
    const document = await open(encryptedPdf(), ENCRYPTED_PDF_USER_PASSWORD);
    expect(document.numPages).toBe(ENCRYPTED_PDF_PAGES);
    // The content streams decrypt to the text that was written.
    const content = await (await document.getPage(1)).getTextContent();
    expect(content.items.map((item) => ('str' in item ? item.str : '')).join(' ')).toContain('Encrypted research plan');
  });

  it('ownerOnlyEncryptedPdf opens without a password, with its permissions restricted', async () => {
    const document = await open(ownerOnlyEncryptedPdf());
    expect(document.numPages).toBe(ENCRYPTED_PDF_PAGES);
    expect(await document.getPermissions()).not.toBeNull();
  });

  it('truncatedPdf and corruptPdf are refused, and a PNG is no PDF', async () => {
    expect(truncatedPdf().subarray(-1024).includes('%%EOF')).toBe(false);
    await expect(open(corruptPdf())).rejects.toMatchObject({ name: 'InvalidPDFException' });
    await expect(open(pngBytes())).rejects.toMatchObject({ name: 'InvalidPDFException' });
    expect(sniffMediaType(pngBytes())).toBe('image/png');
  });
});

describe('inspectPdf', () => {
  it('counts the pages of a readable PDF', async () => {
    expect(await inspectPdf(await file(makePdf({ pages: 3 })))).toEqual({ ok: true, pages: 3 });
    expect(await inspectPdf(await file(makePdf({ pages: 12, title: 'Work packages' })))).toEqual({ ok: true, pages: 12 });
  });

  it('reads a 10 MB file', async () => {
    expect(await inspectPdf(await file(padPdf(makePdf({ pages: 4 }), 10 * 1024 * 1024)))).toEqual({ ok: true, pages: 4 });
  });

  it('refuses an encrypted PDF, whether it asks for a password or not', async () => {
    expect(await inspectPdf(await file(encryptedPdf()))).toEqual({ ok: false, reason: 'encrypted' });
    expect(await inspectPdf(await file(ownerOnlyEncryptedPdf()))).toEqual({ ok: false, reason: 'encrypted' });
  });

  it('still finds the encryption when the /Encrypt key is spelt with a name escape', async () => {
    // `/Encr#79pt` is the name /Encrypt to a reader but not to a byte search; the trailer follows
    // the xref table, so making it longer moves no object.
    const disguise = (pdf: Buffer): Buffer => Buffer.from(pdf.toString('latin1').replace('/Encrypt ', '/Encr#79pt '), 'latin1');
    expect(disguise(encryptedPdf()).includes('/Encrypt')).toBe(false);
    expect(await inspectPdf(await file(disguise(encryptedPdf())))).toEqual({ ok: false, reason: 'encrypted' });
    expect(await inspectPdf(await file(disguise(ownerOnlyEncryptedPdf())))).toEqual({ ok: false, reason: 'encrypted' });
  });

  it('refuses a PDF cut short, which pdf.js would otherwise partly repair', async () => {
    expect(await inspectPdf(await file(truncatedPdf()))).toEqual({ ok: false, reason: 'truncated' });
    const longTail = Buffer.concat([makePdf({ pages: 2 }), Buffer.alloc(2000, ' ')]);
    expect(await inspectPdf(await file(longTail))).toEqual({ ok: false, reason: 'truncated' });
  });

  it('accepts what writers leave after %%EOF within the last 1024 bytes', async () => {
    const shortTail = Buffer.concat([makePdf({ pages: 2 }), Buffer.alloc(1000, '\n')]);
    expect(await inspectPdf(await file(shortTail))).toEqual({ ok: true, pages: 2 });
  });

  it('refuses what pdf.js cannot read, and what is not a PDF', async () => {
    expect(await inspectPdf(await file(corruptPdf()))).toEqual({ ok: false, reason: 'corrupt' });
    expect(await inspectPdf(await file(pngBytes()))).toEqual({ ok: false, reason: 'corrupt' });
    expect(await inspectPdf(await file(Buffer.alloc(0)))).toEqual({ ok: false, reason: 'corrupt' });
    const noPages = Buffer.from(makePdf({ pages: 1 }).toString('latin1').replace('/Count 1', '/Count 0'), 'latin1');
    expect(await inspectPdf(await file(noPages))).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('gives up on a file that takes too long, and ends its worker', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    expect(await inspectPdf(await file(makePdf({ pages: 3 })), { timeoutMs: 1 })).toEqual({ ok: false, reason: 'timeout' });
    expect(terminate).toHaveBeenCalledTimes(1);
    const [worker] = terminate.mock.contexts;
    if (!(worker instanceof Worker)) throw new Error('terminate was called on something other than a worker');
    // A worker that is no longer running has no thread id.
    expect(worker.threadId).toBe(-1);
  });

  it('fails, rather than judging the file, when the file is not there', async () => {
    await expect(inspectPdf(join(directory, 'missing.pdf'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it(`reads at most ${MAX_CONCURRENT_INSPECTIONS} files at once, the others waiting their turn`, async () => {
    const uploads = [
      { bytes: makePdf({ pages: 3 }), expected: { ok: true, pages: 3 } },
      { bytes: padPdf(makePdf({ pages: 5 }), 10 * 1024 * 1024), expected: { ok: true, pages: 5 } },
      { bytes: encryptedPdf(), expected: { ok: false, reason: 'encrypted' } },
      { bytes: makePdf({ pages: 12 }), expected: { ok: true, pages: 12 } },
      { bytes: corruptPdf(), expected: { ok: false, reason: 'corrupt' } },
      { bytes: ownerOnlyEncryptedPdf(), expected: { ok: false, reason: 'encrypted' } },
    ];
    const paths = await Promise.all(uploads.map(({ bytes }) => file(bytes)));
    let mostRunning = 0;
    let mostWaiting = 0;
    const sampler = setInterval(() => {
      const { running, waiting } = pdfInspectionLoad();
      mostRunning = Math.max(mostRunning, running);
      mostWaiting = Math.max(mostWaiting, waiting);
    }, 2);
    try {
      const results = await Promise.all(paths.map((path) => inspectPdf(path)));
      expect(results).toEqual(uploads.map(({ expected }) => expected));
    } finally {
      clearInterval(sampler);
    }
    expect(mostRunning).toBe(MAX_CONCURRENT_INSPECTIONS);
    expect(mostWaiting).toBe(uploads.length - MAX_CONCURRENT_INSPECTIONS);
    expect(pdfInspectionLoad()).toEqual({ running: 0, waiting: 0 });
  });
});

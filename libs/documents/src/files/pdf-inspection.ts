import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { TurnQueue } from '#platform';

/** What an uploaded PDF turned out to be: a readable document and its page count, or why not. */
export type PdfInspection =
  | { readonly ok: true; readonly pages: number }
  | { readonly ok: false; readonly reason: 'encrypted' | 'corrupt' | 'truncated' | 'timeout' };

export interface PdfInspectionOptions {
  /** How long pdf.js may take on the file once its turn has come; 15 s unless told. */
  readonly timeoutMs?: number;
}

/** How many files are being read by pdf.js right now, and how many wait for their turn. */
export interface PdfInspectionLoad {
  readonly running: number;
  readonly waiting: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** One per core: inspections are CPU-bound, and each holds a whole file in memory while it runs. */
export const MAX_CONCURRENT_INSPECTIONS = 2;
/** A reader looks for the header and for `%%EOF` within this many bytes of each end of the file. */
const END_WINDOW = 1024;
/**
 * The worker's JavaScript heap. The file's bytes live outside it, so a 10 MB upload fits many
 * times over; a crafted file whose objects would take more is refused rather than let grow.
 */
const WORKER_HEAP_MB = 256;

/**
 * The code of the inspection worker, as plain JavaScript handed to `new Worker(..., { eval: true })`.
 * A separate worker file would have to be JavaScript next to the compiled module yet TypeScript
 * under the test runner, and the compiler copies no other files; text in the module is the same in
 * both. The worker runs as a CommonJS script and imports pdf.js (through unpdf) from the URL the
 * module resolved for it, so it does not depend on the directory the process was started from.
 *
 * It reads the whole file, refuses it as encrypted when the trailer or an xref stream names an
 * /Encrypt dictionary (a file with only an owner password opens without asking, and is encrypted
 * all the same) or when pdf.js asks for a password or reports permissions (which it reads from the
 * encryption dictionary), and otherwise answers with the page count. pdf.js's warnings about the
 * files it repairs are silenced: a refused file is an answer, not something to log.
 */
const WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { readFile } = require('node:fs/promises');

const ENCRYPT_KEY = Buffer.from('/Encrypt', 'latin1');
// The value of /Encrypt: an indirect reference ("7 0 R") or a direct dictionary ("<<").
const ENCRYPT_VALUE = /^[\0\t\n\f\r ]*(?:<<|\d+[\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+R)/;

function namesEncryptDictionary(bytes) {
  for (let at = bytes.indexOf(ENCRYPT_KEY); at !== -1; at = bytes.indexOf(ENCRYPT_KEY, at + 1)) {
    const start = at + ENCRYPT_KEY.length;
    if (ENCRYPT_VALUE.test(bytes.toString('latin1', start, start + 48))) return true;
  }
  return false;
}

async function inspect() {
  const bytes = await readFile(workerData.path);
  if (namesEncryptDictionary(bytes)) return { ok: false, reason: 'encrypted' };
  const { getDocumentProxy } = await import(workerData.unpdfUrl);
  let document;
  try {
    const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    document = await getDocumentProxy(data, { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    return { ok: false, reason: error && error.name === 'PasswordException' ? 'encrypted' : 'corrupt' };
  }
  try {
    if ((await document.getPermissions()) !== null) return { ok: false, reason: 'encrypted' };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  const pages = document.numPages;
  return Number.isInteger(pages) && pages > 0 ? { ok: true, pages } : { ok: false, reason: 'corrupt' };
}

inspect().then(
  (inspection) => parentPort.postMessage(inspection),
  (error) => parentPort.postMessage({ failure: String(error && error.stack ? error.stack : error) }),
);
`;

/**
 * What pdf.js says of the PDF at `path`: its page count, or why it cannot be taken as a document.
 *
 * - truncated: no `%%EOF` in the last 1024 bytes. Checked before pdf.js sees the file, because
 *   pdf.js quietly rebuilds what it can of a file cut short and would count the pages left.
 * - encrypted: it needs a password, or it has an encryption dictionary at all.
 * - corrupt: no `%PDF-` header in the first 1024 bytes, anything else pdf.js refuses, no pages,
 *   or more memory than an honest file of an accepted size needs.
 * - timeout: pdf.js took longer than `timeoutMs`; its worker is ended.
 *
 * pdf.js runs in a worker thread, so a hostile or huge file never holds up the event loop and can
 * be stopped, and at most MAX_CONCURRENT_INSPECTIONS files are read at once; the others wait their
 * turn in order. The timeout counts from the start of the file's turn. The promise settles once the
 * worker has exited, so a file's turn ends only when its memory is given back. It rejects only when
 * the inspection itself fails (the file vanished, pdf.js could not be loaded), never for the file.
 */
export async function inspectPdf(path: string, options: PdfInspectionOptions = {}): Promise<PdfInspection> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { head, tail } = await readEnds(path, END_WINDOW);
  if (!head.includes('%PDF-')) return { ok: false, reason: 'corrupt' };
  if (!tail.includes('%%EOF')) return { ok: false, reason: 'truncated' };
  return inspections.run(() => inspectInWorker(path, timeoutMs));
}

/** The current use of the inspection turns, for metrics and health checks. */
export function pdfInspectionLoad(): PdfInspectionLoad {
  return inspections.load();
}

const inspections = new TurnQueue(MAX_CONCURRENT_INSPECTIONS);

/** The first and the last `window` bytes of a file (overlapping for a short file), as Latin-1 text. */
async function readEnds(path: string, window: number): Promise<{ head: string; tail: string }> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const read = async (position: number, length: number): Promise<string> => {
      const buffer = Buffer.alloc(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await file.read(buffer, filled, length - filled, position + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.toString('latin1', 0, filled);
    };
    const length = Math.min(window, size);
    return { head: await read(0, length), tail: await read(size - length, length) };
  } finally {
    await file.close();
  }
}

type WorkerOutcome = { readonly inspection: PdfInspection } | { readonly error: Error };

function inspectInWorker(path: string, timeoutMs: number): Promise<PdfInspection> {
  // Resolved from this module, not from the working directory, which the worker would use.
  const unpdfUrl = import.meta.resolve('unpdf');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, unpdfUrl },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let outcome: WorkerOutcome | undefined;
    const settle = (value: WorkerOutcome): void => {
      outcome ??= value;
      void worker.terminate();
    };
    const timer = setTimeout(() => settle({ inspection: { ok: false, reason: 'timeout' } }), timeoutMs);
    worker.on('message', (message: unknown) => {
      settle(isPdfInspection(message) ? { inspection: message } : { error: new Error(`The PDF inspection failed: ${failureOf(message)}`) });
    });
    worker.on('error', (error: Error) => {
      const outOfMemory = 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle(outOfMemory ? { inspection: { ok: false, reason: 'corrupt' } } : { error });
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      if (outcome === undefined) reject(new Error('The PDF inspection worker stopped without an answer'));
      else if ('inspection' in outcome) resolve(outcome.inspection);
      else reject(outcome.error);
    });
  });
}

const REASONS: readonly unknown[] = ['encrypted', 'corrupt', 'truncated', 'timeout'];

function isPdfInspection(message: unknown): message is PdfInspection {
  if (typeof message !== 'object' || message === null || !('ok' in message)) return false;
  if (message.ok === true) return 'pages' in message && typeof message.pages === 'number';
  return message.ok === false && 'reason' in message && REASONS.includes(message.reason);
}

function failureOf(message: unknown): string {
  return typeof message === 'object' && message !== null && 'failure' in message ? String(message.failure) : 'an unexpected message';
}

import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { makePdf, makePdfObjects, type PdfObject, writePdf } from '../../seeds/demo/pdf.js';

/**
 * Files that an upload of a research plan must refuse or handle: PDFs that are encrypted, cut
 * short or not PDFs at all, and a picture. Each is built from bytes here, so what makes it hostile
 * is written down rather than hidden in a binary file.
 */

/** The user password of encryptedPdf(). */
export const ENCRYPTED_PDF_USER_PASSWORD = 'plan-reader';
/** The owner password of both encrypted fixtures. */
export const ENCRYPTED_PDF_OWNER_PASSWORD = 'plan-owner';
/** The number of pages of the encrypted fixtures, once opened. */
export const ENCRYPTED_PDF_PAGES = 2;

/** The 32 bytes the Standard security handler pads passwords with (PDF 1.4, algorithm 3.2 step 1). */
const PASSWORD_PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
/** Print and copy allowed, modify and annotate not: what an owner password usually protects. */
const PERMISSIONS = -44;
/** Revision 2 keys are 40 bits. */
const KEY_LENGTH = 5;

/**
 * A PDF encrypted with the Standard security handler, revision 2 (40-bit RC4), that needs the
 * user password ENCRYPTED_PDF_USER_PASSWORD to be opened at all.
 */
export function encryptedPdf(): Buffer {
  return standardEncryptedPdf(ENCRYPTED_PDF_USER_PASSWORD, ENCRYPTED_PDF_OWNER_PASSWORD);
}

/**
 * The same with an empty user password: any reader opens it without asking, yet it is encrypted
 * (only the owner password lifts its restrictions), so a copy of it is not a plain document.
 */
export function ownerOnlyEncryptedPdf(): Buffer {
  return standardEncryptedPdf('', ENCRYPTED_PDF_OWNER_PASSWORD);
}

/** The first half of a valid three-page PDF, as an interrupted upload leaves it. */
export function truncatedPdf(): Buffer {
  const whole = makePdf({ pages: 3, title: 'Truncated research plan' });
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A PDF header, then bytes with no objects in them, then an end-of-file marker. */
export function corruptPdf(): Buffer {
  const garbage = Buffer.alloc(2048);
  let state = 0x2545_4f46;
  for (let index = 0; index < garbage.length; index++) {
    // A fixed linear congruential sequence, so the file is the same on every run.
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    garbage[index] = state >>> 24;
  }
  return Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), garbage, Buffer.from('\n%%EOF\n', 'latin1')]);
}

/** A real PNG of one opaque blue pixel. */
export function pngBytes(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per sample, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x1f, 0x4e, 0x9a, 0xff]))), // filter "none", then the pixel
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A two-page document encrypted per PDF 1.4 section 3.5: /O by algorithm 3.3, the file key by
 * algorithm 3.2, /U by algorithm 3.4, and every stream by its object key (algorithm 3.1).
 */
function standardEncryptedPdf(userPassword: string, ownerPassword: string): Buffer {
  const fileId = md5(Buffer.from('jointcall encrypted research plan', 'latin1'));
  const owner = ownerEntry(userPassword, ownerPassword);
  const key = fileKey(userPassword, owner, PERMISSIONS, fileId);
  const user = rc4(key, PASSWORD_PADDING);
  const objects: PdfObject[] = makePdfObjects({ pages: ENCRYPTED_PDF_PAGES, title: 'Encrypted research plan' }).map((object, index) =>
    typeof object === 'string' ? object : { dictionary: object.dictionary, stream: rc4(objectKey(key, index + 1, 0), object.stream) },
  );
  objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P ${PERMISSIONS} >>`);
  const id = `<${fileId.toString('hex')}>`;
  return writePdf(objects, `/Encrypt ${objects.length} 0 R /ID [${id} ${id}]`);
}

/** A password as its Latin-1 bytes, cut or padded to 32 bytes. */
function padded(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PASSWORD_PADDING]).subarray(0, 32);
}

/** Algorithm 3.3: the padded user password, RC4-encrypted with a key from the owner password. */
function ownerEntry(userPassword: string, ownerPassword: string): Buffer {
  const ownerKey = md5(padded(ownerPassword || userPassword)).subarray(0, KEY_LENGTH);
  return rc4(ownerKey, padded(userPassword));
}

/** Algorithm 3.2 for revision 2: MD5 of the padded password, /O, /P (little-endian) and the first /ID. */
function fileKey(userPassword: string, owner: Buffer, permissions: number, fileId: Buffer): Buffer {
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  return md5(Buffer.concat([padded(userPassword), owner, p, fileId])).subarray(0, KEY_LENGTH);
}

/** Algorithm 3.1: the file key, the low 3 bytes of the object number and 2 of the generation, hashed. */
function objectKey(key: Buffer, objectNumber: number, generation: number): Buffer {
  const suffix = Buffer.from([
    objectNumber & 0xff,
    (objectNumber >> 8) & 0xff,
    (objectNumber >> 16) & 0xff,
    generation & 0xff,
    (generation >> 8) & 0xff,
  ]);
  return md5(Buffer.concat([key, suffix])).subarray(0, Math.min(key.length + 5, 16));
}

function md5(data: Buffer): Buffer {
  return createHash('md5').update(data).digest();
}

/** RC4, written out because OpenSSL 3 leaves it to the legacy provider, which Node may not load. */
function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_MEDIA_TYPES, extensionFor, readHead, sniffMediaType } from './media-type.js';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const text = (value: string): Uint8Array => new Uint8Array(Buffer.from(value, 'latin1'));

describe('sniffMediaType', () => {
  it('knows a PDF by %PDF-', () => {
    expect(sniffMediaType(text('%PDF-1.4\n%...'))).toBe('application/pdf');
    expect(sniffMediaType(text('%PDF-2.0'))).toBe('application/pdf');
  });

  it('knows a PNG by its 8-byte signature, and only the whole of it', () => {
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe('image/png');
    // A signature whose line ends were converted by a text-mode transfer is a damaged file.
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a, 0))).toBeNull();
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
  });

  it('knows a JPEG by FF D8 FF, whatever segment follows', () => {
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10))).toBe('image/jpeg');
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('image/jpeg');
    expect(sniffMediaType(bytes(0xff, 0xd8))).toBeNull();
  });

  it('accepts nothing else, however it is named', () => {
    expect(sniffMediaType(new Uint8Array())).toBeNull();
    expect(sniffMediaType(text('PK\u0003\u0004word/document.xml'))).toBeNull(); // a .docx
    expect(sniffMediaType(text('GIF89a'))).toBeNull();
    expect(sniffMediaType(text('<html><body>plan.pdf</body></html>'))).toBeNull();
    expect(sniffMediaType(text(' %PDF-1.4'))).toBeNull();
    expect(sniffMediaType(text('%PDF'))).toBeNull();
  });
});

describe('extensionFor', () => {
  it('gives each accepted type its usual extension', () => {
    expect(DOCUMENT_MEDIA_TYPES.map(extensionFor)).toEqual(['.pdf', '.png', '.jpg']);
  });
});

describe('readHead', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'jointcall-media-type-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads the first bytes of a file, 16 unless told', async () => {
    const path = join(directory, 'long.bin');
    await writeFile(path, Buffer.from(Array.from({ length: 100_000 }, (_, i) => i % 256)));
    expect(Array.from(await readHead(path))).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(Array.from(await readHead(path, 4))).toEqual([0, 1, 2, 3]);
  });

  it('reads what there is of a shorter file', async () => {
    const short = join(directory, 'short.pdf');
    await writeFile(short, '%PDF-');
    expect(sniffMediaType(await readHead(short))).toBe('application/pdf');
    const empty = join(directory, 'empty.pdf');
    await writeFile(empty, '');
    expect(await readHead(empty)).toHaveLength(0);
  });

  it('fails for a file that is not there', async () => {
    await expect(readHead(join(directory, 'missing.pdf'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

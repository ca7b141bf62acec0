import { open } from 'node:fs/promises';

/** The kinds of file a proposal document may be. */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

const SIGNATURES: readonly { readonly type: DocumentMediaType; readonly bytes: readonly number[] }[] = [
  // "%PDF-"
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // \x89 "PNG" CR LF \x1a LF
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // SOI marker followed by the first segment's marker
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/**
 * What a file is, from its first bytes alone. The name and the type a browser declares are the
 * uploader's to choose, so neither is trusted; a file that starts with none of the signatures is
 * none of the accepted types (null).
 */
export function sniffMediaType(head: Uint8Array): DocumentMediaType | null {
  const match = SIGNATURES.find(({ bytes }) => bytes.length <= head.length && bytes.every((byte, index) => head[index] === byte));
  return match?.type ?? null;
}

/**
 * The first `bytes` bytes of a file (fewer when the file is shorter), without reading the rest,
 * so sniffing a large upload costs one small read.
 */
export async function readHead(path: string, bytes = 16): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = new Uint8Array(bytes);
    let filled = 0;
    while (filled < bytes) {
      const { bytesRead } = await file.read(buffer, filled, bytes - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await file.close();
  }
}

/** The file name extension a stored or downloaded copy gets, decided by the sniffed type. */
export function extensionFor(type: DocumentMediaType): string {
  switch (type) {
    case 'application/pdf':
      return '.pdf';
    case 'image/png':
      return '.png';
    case 'image/jpeg':
      return '.jpg';
  }
}

import { isProblem, type Problem } from '../../api/problem';
import type { Schemas } from '../../api/client';

export type DocumentSlot = Schemas['DocumentSlotDto'];
export type DocumentRequirement = Schemas['DocumentRequirementDto'];
export type DocumentVersion = Schemas['DocumentVersionDto'];
export type DocumentWarning = Schemas['DocumentWarningDto'];
export type UploadedDocument = Schemas['UploadedDocumentDto'];
export type MediaType = DocumentRequirement['acceptedTypes'][number];

/** Sizes are shown in binary units, as file managers show them: 1 MB is 1024 × 1024 bytes. */
const KB = 1024;
const MB = KB * KB;

/**
 * A size as a reader of `locale` writes it: bytes below 1 KB, kilobytes below 1 MB, megabytes
 * above, with at most one decimal (none for whole numbers, so a 10 MB limit reads "10 MB"). The
 * unit symbols are the same in Japanese and English.
 */
export function formatFileSize(bytes: number, locale: string): string {
  const [value, unit] = bytes >= MB ? [bytes / MB, 'MB'] : bytes >= KB ? [bytes / KB, 'KB'] : [bytes, 'B'];
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 'B' ? 0 : 1 }).format(value);
  return `${number} ${unit}`;
}

/** The whole percentage sent, or undefined while the total is unknown (the bar is then indeterminate). */
export function uploadPercent(loaded: number, total: number): number | undefined {
  if (!(total > 0)) return undefined;
  return Math.min(100, Math.max(0, Math.floor((loaded / total) * 100)));
}

/** A whole percentage as the reader writes it ("45%", "45%" in Japanese too, "45 %" in French). */
export function formatPercent(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** Sentences run together as the language writes them: with a space between in English, without one in Japanese. */
export function joinSentences(sentences: readonly string[], language: string): string {
  return sentences.join(/^(ja|zh)\b/.test(language) ? '' : ' ');
}

/** The first characters of a SHA-256, enough to tell versions apart at a glance; the full value is always one step away. */
export function shortHash(sha256: string, length = 12): string {
  return sha256.length <= length ? sha256 : `${sha256.slice(0, length)}…`;
}

/** The short names of the types a requirement accepts, for the reader: "PDF", "PDF, PNG, JPEG". */
export function typeNames(types: readonly MediaType[]): string {
  const names: Record<MediaType, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };
  return types.map((type) => names[type]).join(', ');
}

/** The file input's `accept`: the media types and their usual extensions, so the browser's picker offers the right files. */
export function acceptAttribute(types: readonly MediaType[]): string {
  const extensions: Record<MediaType, readonly string[]> = {
    'application/pdf': ['.pdf'],
    'image/png': ['.png'],
    'image/jpeg': ['.jpg', '.jpeg'],
  };
  return types.flatMap((type) => [type, ...extensions[type]]).join(',');
}

/** The path an upload goes to: the requirement, and the side for a document each side gives. */
export function uploadPath(applicationId: string, requirementId: string, agencyId: string | null): string {
  const path = `/applications/${encodeURIComponent(applicationId)}/documents/${encodeURIComponent(requirementId)}`;
  return agencyId === null ? path : `${path}?${new URLSearchParams({ agencyId }).toString()}`;
}

/** A slot's key among the slots of a proposal: its requirement, and its side for a document of each side. */
export function slotKey(slot: Pick<DocumentSlot, 'agencyId'> & { readonly requirement: Pick<DocumentRequirement, 'id'> }): string {
  return slot.agencyId === null ? slot.requirement.id : `${slot.requirement.id}.${slot.agencyId}`;
}

/** The field a check reports a document's problem at (`documents.<requirement>[.<agency>]`), which is also where its slot is found. */
export function documentField(requirementId: string, agencyId: string | null): string {
  return agencyId === null ? `documents.${requirementId}` : `documents.${requirementId}.${agencyId}`;
}

export type UploadOutcome =
  { readonly kind: 'uploaded'; readonly uploaded: UploadedDocument } | { readonly kind: 'refused'; readonly problem: Problem };

/**
 * What the api's answer to an upload means for the page: the version kept (with its warnings), or
 * the problem to show. An answer that is not a problem (a proxy's error page) still names its status.
 */
export function uploadOutcome(answer: { readonly status: number; readonly body: unknown }): UploadOutcome {
  if (answer.status >= 200 && answer.status < 300 && isUploaded(answer.body)) return { kind: 'uploaded', uploaded: answer.body };
  if (isProblem(answer.body)) return { kind: 'refused', problem: answer.body };
  return {
    kind: 'refused',
    problem: {
      type: 'about:blank',
      title: 'Upload failed',
      status: answer.status,
      code: answer.status === 0 ? 'NETWORK_ERROR' : 'UNKNOWN',
    },
  };
}

function isUploaded(body: unknown): body is UploadedDocument {
  if (typeof body !== 'object' || body === null || !('version' in body) || !('warnings' in body)) return false;
  const { version, warnings } = body;
  return typeof version === 'object' && version !== null && 'sha256' in version && Array.isArray(warnings);
}

/** What the page says of a slot's current file, most serious first: each of these stops a submission. */
export type SlotAlert =
  | { readonly kind: 'pages'; readonly pages: number; readonly maxPages: number }
  | { readonly kind: 'infected' }
  | { readonly kind: 'other'; readonly message: string };

/** The warnings of a slot with the figures their message needs (the server's English sentence only for a code the page does not know). */
export function slotAlerts(slot: Pick<DocumentSlot, 'warnings' | 'current' | 'requirement'>): SlotAlert[] {
  return slot.warnings.map((warning): SlotAlert => {
    const pages = slot.current?.pages;
    if (warning.code === 'PAGES_OVER_LIMIT' && typeof pages === 'number' && slot.requirement.maxPages !== null) {
      return { kind: 'pages', pages, maxPages: slot.requirement.maxPages };
    }
    if (warning.code === 'INFECTED') return { kind: 'infected' };
    return { kind: 'other', message: warning.message };
  });
}

import type { Schemas } from '../../api/client';
import { newKey } from './call-form';

export type DocumentRequirement = Schemas['DocumentRequirementDto'];
export type DocumentRequirementInput = Schemas['DocumentRequirementInputDto'];
export type PutDocumentRequirements = Schemas['PutDocumentRequirementsDto'];
export type DocumentKind = DocumentRequirement['kind'];
export type DocumentScope = DocumentRequirement['scope'];
export type MediaType = DocumentRequirement['acceptedTypes'][number];

export const DOCUMENT_KINDS = [
  'research_plan',
  'budget_justification',
  'cv',
  'letter_of_support',
  'other',
] as const satisfies readonly DocumentKind[];
export const DOCUMENT_SCOPES = ['proposal', 'side'] as const satisfies readonly DocumentScope[];
export const MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const satisfies readonly MediaType[];

/** The api counts sizes in bytes; officers think in megabytes of 1024 × 1024 bytes (the api's own limits are round numbers of them). */
export const BYTES_PER_MB = 1024 * 1024;
/** The api's ceiling for any requirement; the server may be configured lower, and then says so at the field. */
export const MAX_MB = 200;
export const MAX_PAGES = 1000;
/** What a new requirement allows until the officer says otherwise. */
export const DEFAULT_MB = 10;

/** One requirement as its inputs hold it: texts as typed, the size in megabytes. */
export interface RequirementRow {
  /** Stable across edits, for React and for focus (a new row has no id yet). */
  readonly key: string;
  /** The requirement's id once saved: sent back so that the api keeps it (and the uploads made for it). */
  readonly id: string | undefined;
  readonly kind: DocumentKind;
  readonly scope: DocumentScope;
  readonly labelJa: string;
  readonly labelEn: string;
  readonly helpJa: string;
  readonly helpEn: string;
  readonly acceptedTypes: readonly MediaType[];
  /** Megabytes as typed. */
  readonly maxMb: string;
  /** Empty for no page limit. */
  readonly maxPages: string;
  readonly required: boolean;
  /**
   * The size the api answered, in bytes. Megabytes are shown rounded, so a limit saved as 200 000
   * bytes reads "0.19": while that text is untouched the exact bytes are sent back, not 0.19 MB.
   */
  readonly savedBytes: number | null;
}

/** A problem found before sending, at the field path the api would use, with a message key of the catalogue. */
export interface RequirementProblem {
  readonly field: string;
  readonly key: 'required' | 'numberInvalid' | 'sizeRange' | 'pagesRange' | 'typesRequired';
}

/** The body to send, or the problems in the way. */
export type BuiltRequirements =
  { readonly body: PutDocumentRequirements; readonly problems: readonly [] } | { readonly problems: readonly RequirementProblem[] };

/** Full-width digits and separators (typed with a Japanese input method) read as their ASCII forms. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
}

/** A size in bytes as megabytes for the input: two decimals at most, more only for sizes under 0.01 MB. */
export function megabytesOf(bytes: number): string {
  const mb = bytes / BYTES_PER_MB;
  const rounded = Number(mb.toFixed(2));
  return String(rounded === 0 && bytes > 0 ? Number(mb.toPrecision(2)) : rounded);
}

/** Megabytes as typed ("10", "2.5", "１０") in whole bytes; undefined when it is no number. */
export function bytesOf(megabytes: string): number | undefined {
  const text = asciiDigits(megabytes).replace(/,/g, '');
  if (!/^\d*\.?\d+$|^\d+\.$/.test(text)) return undefined;
  return Math.round(Number(text) * BYTES_PER_MB);
}

export function rowOf(requirement: DocumentRequirement): RequirementRow {
  return {
    key: requirement.id,
    id: requirement.id,
    kind: requirement.kind,
    scope: requirement.scope,
    labelJa: requirement.label.ja,
    labelEn: requirement.label.en,
    helpJa: requirement.help?.ja ?? '',
    helpEn: requirement.help?.en ?? '',
    acceptedTypes: MEDIA_TYPES.filter((type) => requirement.acceptedTypes.includes(type)),
    maxMb: megabytesOf(requirement.maxBytes),
    maxPages: requirement.maxPages === null ? '' : String(requirement.maxPages),
    required: requirement.required,
    savedBytes: requirement.maxBytes,
  };
}

/** A new requirement: a PDF of up to 10 MB, required, for the whole proposal, labelled after its kind. */
export function emptyRow(kind: DocumentKind, label: { readonly ja: string; readonly en: string }): RequirementRow {
  return {
    key: newKey(),
    id: undefined,
    kind,
    scope: 'proposal',
    labelJa: label.ja,
    labelEn: label.en,
    helpJa: '',
    helpEn: '',
    acceptedTypes: ['application/pdf'],
    maxMb: String(DEFAULT_MB),
    maxPages: '',
    required: true,
    savedBytes: null,
  };
}

/**
 * The row with another kind. Labels still empty or still the previous kind's name take the new
 * kind's name; labels the officer wrote stay.
 */
export function withKind(
  row: RequirementRow,
  kind: DocumentKind,
  labelOf: (kind: DocumentKind) => { readonly ja: string; readonly en: string },
): RequirementRow {
  const before = labelOf(row.kind);
  const after = labelOf(kind);
  const keep = (typed: string, old: string, next: string) => (typed.trim() === '' || typed === old ? next : typed);
  return { ...row, kind, labelJa: keep(row.labelJa, before.ja, after.ja), labelEn: keep(row.labelEn, before.en, after.en) };
}

/** The type ticked or unticked, the list kept in its usual order (PDF, PNG, JPEG). */
export function withType(row: RequirementRow, type: MediaType, accepted: boolean): RequirementRow {
  return { ...row, acceptedTypes: MEDIA_TYPES.filter((t) => (t === type ? accepted : row.acceptedTypes.includes(t))) };
}

/** The list with one row moved up (-1) or down (+1); unchanged at either end. */
export function moveRow<T>(rows: readonly T[], index: number, by: -1 | 1): readonly T[] {
  const to = index + by;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return rows;
  const next = [...rows];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** The body of PUT /calls/:id/document-requirements, in the rows' order; or every problem seen before sending. */
export function requirementsBody(rows: readonly RequirementRow[]): BuiltRequirements {
  const problems: RequirementProblem[] = [];
  const requirements = rows.map((row, i): DocumentRequirementInput => {
    const at = (part: string) => `requirements[${i}].${part}`;
    const labelJa = row.labelJa.trim();
    const labelEn = row.labelEn.trim();
    if (labelJa === '') problems.push({ field: at('labelJa'), key: 'required' });
    if (labelEn === '') problems.push({ field: at('labelEn'), key: 'required' });
    if (row.acceptedTypes.length === 0) problems.push({ field: at('acceptedTypes'), key: 'typesRequired' });
    const maxBytes = readBytes(row, at('maxBytes'), problems);
    const maxPages = readPages(row.maxPages, at('maxPages'), problems);
    const helpJa = row.helpJa.trim();
    const helpEn = row.helpEn.trim();
    return {
      ...(row.id ? { id: row.id } : {}),
      kind: row.kind,
      scope: row.scope,
      labelJa,
      labelEn,
      ...(helpJa ? { helpJa } : {}),
      ...(helpEn ? { helpEn } : {}),
      acceptedTypes: [...row.acceptedTypes],
      maxBytes,
      maxPages,
      required: row.required,
    };
  });
  if (problems.length > 0) return { problems };
  return { body: { requirements }, problems: [] };
}

function readBytes(row: RequirementRow, field: string, problems: RequirementProblem[]): number {
  if (row.maxMb.trim() === '') {
    problems.push({ field, key: 'required' });
    return 0;
  }
  if (row.savedBytes !== null && asciiDigits(row.maxMb) === megabytesOf(row.savedBytes)) return row.savedBytes;
  const bytes = bytesOf(row.maxMb);
  if (bytes === undefined) {
    problems.push({ field, key: 'numberInvalid' });
    return 0;
  }
  if (bytes < 1 || bytes > MAX_MB * BYTES_PER_MB) {
    problems.push({ field, key: 'sizeRange' });
    return 0;
  }
  return bytes;
}

function readPages(text: string, field: string, problems: RequirementProblem[]): number | null {
  const typed = asciiDigits(text);
  if (typed === '') return null;
  const pages = /^\d+$/.test(typed) ? Number(typed) : NaN;
  if (!(pages >= 1 && pages <= MAX_PAGES)) {
    problems.push({ field, key: 'pagesRange' });
    return null;
  }
  return pages;
}

/** A field path of the requirements: requirements[2].maxBytes → { index: 2, part: 'maxBytes' }; the whole list → {}. */
export function requirementPath(path: string): { readonly index?: number; readonly part?: string } | undefined {
  const match = /^requirements(?:\[(\d+)\](?:\.([A-Za-z]+))?)?(?:\.|\[|$)/.exec(path);
  if (!match) return undefined;
  return {
    ...(match[1] !== undefined ? { index: Number(match[1]) } : {}),
    ...(match[2] !== undefined ? { part: match[2] } : {}),
  };
}

/** A field path the api names, as the input it concerns: requirements[0].acceptedTypes[1] → requirements[0].acceptedTypes. */
export function requirementField(path: string): string {
  const at = requirementPath(path);
  if (!at) return path;
  if (at.index === undefined) return 'requirements';
  return at.part === undefined ? `requirements[${at.index}]` : `requirements[${at.index}].${at.part}`;
}

/**
 * The limit in megabytes that the api's message about a size names in bytes ("at most 52428800
 * bytes here", "must not be greater than 209715200"), so that it is shown in the unit typed.
 */
export function limitInMegabytes(message: string): string | undefined {
  const bytes = /(?:at most|greater than) (\d+)/.exec(message)?.[1];
  return bytes === undefined ? undefined : megabytesOf(Number(bytes));
}

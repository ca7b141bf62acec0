/**
 * What a frozen submission holds, and how two of them differ. A submission is written once, at
 * submit, and never changed: these types are its stored shape, so a field is added, never renamed.
 */

export interface FrozenSide {
  readonly agencyId: string;
  readonly agencyShortName: string;
  readonly role: 'lead' | 'partner';
  readonly pi: {
    readonly userId: string | null;
    readonly name: string | null;
    readonly email: string | null;
    readonly orcid: string | null;
  };
  readonly institution: { readonly id: string; readonly shortName: string | null; readonly country: string | null } | null;
  readonly budgetPerYear: readonly number[];
  readonly budgetCurrency: string | null;
  readonly existingGrantNumber: string | null;
}

export interface FrozenMember {
  readonly id: string;
  readonly userId: string | null;
  readonly name: string;
  readonly email: string | null;
  readonly orcid: string | null;
  readonly role: string;
  readonly earlyCareer: boolean;
  readonly institutionId: string | null;
  readonly country: string | null;
}

/** The proposal's own fields, sides and team at the instant of submission. */
export interface FrozenProposal {
  readonly title: string;
  readonly abstract: string;
  readonly trackId: string;
  readonly fieldCode: string | null;
  readonly keywords: readonly string[];
  readonly durationMonths: number | null;
  readonly sides: readonly FrozenSide[];
  readonly members: readonly FrozenMember[];
}

/** One document version frozen with a submission: enough to name it on a receipt and to prove its bytes. */
export interface FrozenDocument {
  readonly documentId: string;
  readonly requirementId: string;
  readonly kind: string;
  readonly label: { readonly en: string; readonly ja: string };
  /** The side it belongs to; null for a document of the whole proposal. */
  readonly agencyId: string | null;
  readonly versionId: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly pages: number | null;
  readonly sha256: string;
}

/** The answers to the call's form, on the version the draft was answered on. */
export interface FrozenAnswers {
  readonly formVersion: number;
  readonly answers: Readonly<Record<string, unknown>>;
}

/** What other features froze with the proposal, each under its own name. */
export interface FrozenParts {
  readonly documents?: readonly FrozenDocument[];
  readonly answers?: FrozenAnswers;
}

export type SubmissionChange =
  | { readonly kind: 'field'; readonly path: string; readonly before: unknown; readonly after: unknown }
  | {
      readonly kind: 'document';
      readonly change: 'added' | 'removed' | 'replaced';
      readonly requirementId: string;
      readonly agencyId: string | null;
      readonly label: { readonly en: string; readonly ja: string };
      readonly before: Pick<FrozenDocument, 'versionId' | 'fileName' | 'size' | 'sha256'> | null;
      readonly after: Pick<FrozenDocument, 'versionId' | 'fileName' | 'size' | 'sha256'> | null;
    };

const PROPOSAL_FIELDS = ['title', 'abstract', 'trackId', 'fieldCode', 'keywords', 'durationMonths'] as const;
const SIDE_FIELDS = ['pi', 'institution', 'budgetPerYear', 'budgetCurrency', 'existingGrantNumber'] as const;

/**
 * Every difference between two submissions of one application: proposal fields by name, side
 * fields as `sides[<agency>].<field>`, the team as one `members` change, and documents as added,
 * removed or replaced (a replacement is a different SHA-256, not merely a new upload of the same bytes).
 */
export function compareSubmissions(
  before: { readonly proposal: FrozenProposal; readonly parts: FrozenParts },
  after: { readonly proposal: FrozenProposal; readonly parts: FrozenParts },
): SubmissionChange[] {
  const changes: SubmissionChange[] = [];
  const field = (path: string, a: unknown, b: unknown): void => {
    if (!same(a, b)) changes.push({ kind: 'field', path, before: a ?? null, after: b ?? null });
  };
  for (const name of PROPOSAL_FIELDS) field(name, before.proposal[name], after.proposal[name]);
  const agencies = unique([...before.proposal.sides, ...after.proposal.sides].map((s) => s.agencyId));
  for (const agency of agencies) {
    const a = before.proposal.sides.find((s) => s.agencyId === agency);
    const b = after.proposal.sides.find((s) => s.agencyId === agency);
    const label = (b ?? a)!.agencyShortName;
    if (!a || !b) field(`sides[${label}]`, a ?? null, b ?? null);
    else for (const name of SIDE_FIELDS) field(`sides[${label}].${name}`, a[name], b[name]);
  }
  field('members', sortedMembers(before.proposal.members), sortedMembers(after.proposal.members));

  const slot = (d: FrozenDocument): string => `${d.requirementId}/${d.agencyId ?? ''}`;
  const earlier = new Map((before.parts.documents ?? []).map((d) => [slot(d), d]));
  const later = new Map((after.parts.documents ?? []).map((d) => [slot(d), d]));
  for (const key of unique([...earlier.keys(), ...later.keys()])) {
    const a = earlier.get(key);
    const b = later.get(key);
    if (a && b && a.sha256 === b.sha256) continue;
    const either = (b ?? a)!;
    changes.push({
      kind: 'document',
      change: !a ? 'added' : !b ? 'removed' : 'replaced',
      requirementId: either.requirementId,
      agencyId: either.agencyId,
      label: either.label,
      before: a ? brief(a) : null,
      after: b ? brief(b) : null,
    });
  }
  return changes;
}

function brief(d: FrozenDocument): Pick<FrozenDocument, 'versionId' | 'fileName' | 'size' | 'sha256'> {
  return { versionId: d.versionId, fileName: d.fileName, size: d.size, sha256: d.sha256 };
}

function sortedMembers(members: readonly FrozenMember[]): FrozenMember[] {
  return [...members].sort((a, b) => `${a.role}/${a.name}/${a.id}`.localeCompare(`${b.role}/${b.name}/${b.id}`));
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Structural equality of JSON values (what a submission holds). */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

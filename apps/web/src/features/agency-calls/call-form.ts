import { DateTime } from 'luxon';
import type { Schemas } from '../../api/client';
import { minorUnitsPerMajor } from '../../lib/format';

export type Call = Schemas['CallDto'];
export type CallAction = Schemas['CallAction'];
export type CooperationMode = Call['mode'];
export type CreateCall = Schemas['CreateCallDto'];
export type UpdateCall = Schemas['UpdateCallDto'];

export const MODES = ['joint_call', 'co_funding', 'twinning'] as const satisfies readonly CooperationMode[];

/** A local date-time as a datetime-local input holds it: 2027-03-31T17:00. */
const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** An instant as the wall-clock time in `zone`, for a datetime-local input. */
export function localInZone(utc: string, zone: string): string {
  return DateTime.fromISO(utc, { zone: 'utc' }).setZone(zone).toFormat(LOCAL_FORMAT);
}

export type InstantReading = { readonly utc: string } | { readonly error: 'invalid' | 'skipped' };

/**
 * The instant of a wall-clock time in `zone`, as UTC (2027-03-31T08:00:00Z). The offset is the
 * zone's on that day, so a time in summer is read with the summer offset. A time a daylight-saving
 * change skips does not exist there and is refused rather than moved; a time the change repeats
 * is read as its first occurrence.
 */
export function instantFromLocal(local: string, zone: string): InstantReading {
  if (!LOCAL.test(local)) return { error: 'invalid' };
  const at = DateTime.fromFormat(local, LOCAL_FORMAT, { zone });
  if (!at.isValid) return { error: 'invalid' };
  if (at.toFormat(LOCAL_FORMAT) !== local) return { error: 'skipped' };
  const first = at.getPossibleOffsets().reduce((a, b) => (b.toMillis() < a.toMillis() ? b : a), at);
  return { utc: first.toUTC().toISO({ suppressMilliseconds: true }) ?? '' };
}

export interface AgencyRow {
  readonly agencyId: string;
  readonly shortName: string;
  readonly role: 'lead' | 'partner';
  readonly timeZone: string;
  /** Wall-clock time in timeZone. */
  readonly deadline: string;
  /** In major units as typed (yen, dollars); empty for no cap. */
  readonly budgetAmount: string;
  readonly budgetCurrency: string;
  readonly institutionApprovalRequired: boolean;
  readonly reviewOnceFinal: boolean;
  readonly notesJa: string;
  readonly notesEn: string;
}

export interface TrackRow {
  /** Stable across edits, for React (a new row has no id yet). */
  readonly key: string;
  readonly code: string;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly budgetAmount: string;
  readonly budgetCurrency: string;
  readonly maxDurationMonths: string;
  readonly earlyCareerRequired: boolean;
}

export interface CriterionRow {
  readonly key: string;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly descriptionJa: string;
  readonly descriptionEn: string;
  readonly scaleMin: string;
  readonly scaleMax: string;
  readonly weight: string;
  readonly threshold: string;
}

/** What the editor's inputs hold: text as typed, dates as wall-clock times (the timeline in the lead agency's zone). */
export interface CallForm {
  readonly programId: string;
  readonly titleJa: string;
  readonly titleEn: string;
  readonly summaryJa: string;
  readonly summaryEn: string;
  readonly mode: CooperationMode;
  readonly agencies: readonly AgencyRow[];
  readonly tracks: readonly TrackRow[];
  readonly criteria: readonly CriterionRow[];
  /** Research-field codes, separated by commas. */
  readonly fields: string;
  /** ISO 3166-1 alpha-2 codes, separated by commas. */
  readonly eligibleCountries: string;
  readonly announcedAt: string;
  readonly opensAt: string;
  readonly reviewStartsAt: string;
  readonly decisionAt: string;
  /** YYYY-MM-DD. */
  readonly projectStartOn: string;
}

/** A problem found before sending, in the api's shape: a field path and a message key of the catalogue. */
export interface FormProblem {
  readonly field: string;
  readonly key: 'dateInvalid' | 'dateSkipped' | 'numberInvalid' | 'required';
}

let rowCounter = 0;
export function newKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

function amountText(money: { amount: number; currency: string } | null): [string, string] {
  return money ? [String(money.amount / minorUnitsPerMajor(money.currency)), money.currency] : ['', ''];
}

export function leadZone(form: Pick<CallForm, 'agencies'>): string {
  return form.agencies.find((a) => a.role === 'lead')?.timeZone ?? 'UTC';
}

export function agencyRow(agency: { id: string; shortName: string; timeZone: string }, role: AgencyRow['role']): AgencyRow {
  return {
    agencyId: agency.id,
    shortName: agency.shortName,
    role,
    timeZone: agency.timeZone,
    deadline: '',
    budgetAmount: '',
    budgetCurrency: '',
    institutionApprovalRequired: true,
    reviewOnceFinal: false,
    notesJa: '',
    notesEn: '',
  };
}

export function emptyTrack(): TrackRow {
  return {
    key: newKey(),
    code: '',
    nameJa: '',
    nameEn: '',
    budgetAmount: '',
    budgetCurrency: '',
    maxDurationMonths: '',
    earlyCareerRequired: false,
  };
}

export function emptyCriterion(): CriterionRow {
  return {
    key: newKey(),
    nameJa: '',
    nameEn: '',
    descriptionJa: '',
    descriptionEn: '',
    scaleMin: '1',
    scaleMax: '5',
    weight: '1',
    threshold: '',
  };
}

/** A new call: the officer's agency leads; one track to start with. */
export function emptyForm(lead: { id: string; shortName: string; timeZone: string }): CallForm {
  return {
    programId: '',
    titleJa: '',
    titleEn: '',
    summaryJa: '',
    summaryEn: '',
    mode: 'joint_call',
    agencies: [agencyRow(lead, 'lead')],
    tracks: [emptyTrack()],
    criteria: [emptyCriterion()],
    fields: '',
    eligibleCountries: '',
    announcedAt: '',
    opensAt: '',
    reviewStartsAt: '',
    decisionAt: '',
    projectStartOn: '',
  };
}

/** The form of a call the api answered: each deadline shown back in its own agency's zone, the timeline in the lead's. */
export function formOf(call: Call): CallForm {
  const lead = call.agencies.find((a) => a.role === 'lead')?.deadline.timeZone ?? 'UTC';
  const local = (at: { utc: string } | null) => (at ? localInZone(at.utc, lead) : '');
  return {
    programId: call.program.id,
    titleJa: call.title.ja,
    titleEn: call.title.en,
    summaryJa: call.summary.ja,
    summaryEn: call.summary.en,
    mode: call.mode,
    agencies: call.agencies.map((a) => {
      const [budgetAmount, budgetCurrency] = amountText(a.budgetCap);
      return {
        agencyId: a.agency.id,
        shortName: a.agency.shortName,
        role: a.role,
        timeZone: a.deadline.timeZone,
        deadline: localInZone(a.deadline.utc, a.deadline.timeZone),
        budgetAmount,
        budgetCurrency,
        institutionApprovalRequired: a.institutionApprovalRequired,
        reviewOnceFinal: a.reviewOnceFinal,
        notesJa: a.eligibilityNotes.ja,
        notesEn: a.eligibilityNotes.en,
      };
    }),
    tracks: call.tracks.map((t) => {
      const [budgetAmount, budgetCurrency] = amountText(t.maxBudget);
      return {
        key: t.id || newKey(),
        code: t.code,
        nameJa: t.name.ja,
        nameEn: t.name.en,
        budgetAmount,
        budgetCurrency,
        maxDurationMonths: String(t.maxDurationMonths),
        earlyCareerRequired: t.earlyCareerRequired,
      };
    }),
    criteria: call.criteria.map((c) => ({
      key: c.id || newKey(),
      nameJa: c.name.ja,
      nameEn: c.name.en,
      descriptionJa: c.description.ja,
      descriptionEn: c.description.en,
      scaleMin: String(c.scaleMin),
      scaleMax: String(c.scaleMax),
      weight: String(c.weight),
      threshold: c.threshold === null ? '' : String(c.threshold),
    })),
    fields: call.fields.join(', '),
    eligibleCountries: call.eligibleCountries.join(', '),
    announcedAt: local(call.timeline.announcedAt),
    opensAt: local(call.timeline.opensAt),
    reviewStartsAt: local(call.timeline.reviewStartsAt),
    decisionAt: local(call.timeline.decisionAt),
    projectStartOn: call.timeline.projectStartOn ?? '',
  };
}

export function splitList(text: string): string[] {
  return text
    .split(/[,、，\s]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Reads the form into api values, collecting every problem it can see before sending. */
class Reader {
  readonly problems: FormProblem[] = [];

  instant(field: string, local: string, zone: string, required: boolean): string | null {
    if (local.trim() === '') {
      if (required) this.problems.push({ field, key: 'required' });
      return null;
    }
    const read = instantFromLocal(local, zone);
    if ('utc' in read) return read.utc;
    this.problems.push({ field, key: read.error === 'skipped' ? 'dateSkipped' : 'dateInvalid' });
    return null;
  }

  number(field: string, text: string, required: boolean): number | null {
    if (text.trim() === '') {
      if (required) this.problems.push({ field, key: 'required' });
      return null;
    }
    const value = Number(text.replace(/[,\s]/g, ''));
    if (Number.isFinite(value)) return value;
    this.problems.push({ field, key: 'numberInvalid' });
    return null;
  }

  /** Money in minor units; null for no cap (both inputs empty). */
  money(field: string, amount: string, currency: string, mode: CooperationMode): Schemas['MoneyDto'] | null {
    if (mode === 'twinning' || (amount.trim() === '' && currency.trim() === '')) return null;
    const code = currency.trim().toUpperCase();
    if (code === '') {
      this.problems.push({ field: `${field}.currency`, key: 'required' });
      return null;
    }
    const major = this.number(`${field}.amount`, amount, true);
    if (major === null) return null;
    return { amount: Math.round(major * minorUnitsPerMajor(code)), currency: code };
  }
}

function sharedOf(form: CallForm, read: Reader): Omit<CreateCall, 'programId' | 'agencies'> {
  const zone = leadZone(form);
  return {
    titleJa: form.titleJa.trim(),
    titleEn: form.titleEn.trim(),
    summaryJa: form.summaryJa,
    summaryEn: form.summaryEn,
    mode: form.mode,
    tracks: form.tracks.map((t, i) => ({
      code: t.code.trim(),
      nameJa: t.nameJa.trim(),
      nameEn: t.nameEn.trim(),
      maxBudget: read.money(`tracks[${i}].maxBudget`, t.budgetAmount, t.budgetCurrency, form.mode),
      maxDurationMonths: read.number(`tracks[${i}].maxDurationMonths`, t.maxDurationMonths, true) ?? 0,
      earlyCareerRequired: t.earlyCareerRequired,
    })),
    criteria: form.criteria.map((c, i) => ({
      nameJa: c.nameJa.trim(),
      nameEn: c.nameEn.trim(),
      descriptionJa: c.descriptionJa,
      descriptionEn: c.descriptionEn,
      scaleMin: read.number(`criteria[${i}].scaleMin`, c.scaleMin, true) ?? 0,
      scaleMax: read.number(`criteria[${i}].scaleMax`, c.scaleMax, true) ?? 0,
      weight: read.number(`criteria[${i}].weight`, c.weight, true) ?? 0,
      threshold: read.number(`criteria[${i}].threshold`, c.threshold, false),
    })),
    fields: splitList(form.fields),
    eligibleCountries: splitList(form.eligibleCountries).map((c) => c.toUpperCase()),
    announcedAt: read.instant('announcedAt', form.announcedAt, zone, false),
    opensAt: read.instant('opensAt', form.opensAt, zone, true) ?? '',
    reviewStartsAt: read.instant('reviewStartsAt', form.reviewStartsAt, zone, false),
    decisionAt: read.instant('decisionAt', form.decisionAt, zone, false),
    projectStartOn: form.projectStartOn === '' ? null : form.projectStartOn,
  };
}

function agencyInput(row: AgencyRow, index: number, mode: CooperationMode, read: Reader): Schemas['CallAgencyPatchDto'] {
  return {
    agencyId: row.agencyId,
    deadline: read.instant(`agencies[${index}].deadline`, row.deadline, row.timeZone, true) ?? '',
    timeZone: row.timeZone,
    budgetCap: read.money(`agencies[${index}].budgetCap`, row.budgetAmount, row.budgetCurrency, mode),
    institutionApprovalRequired: row.institutionApprovalRequired,
    reviewOnceFinal: row.reviewOnceFinal,
    eligibilityNotesJa: row.notesJa,
    eligibilityNotesEn: row.notesEn,
  };
}

export type Built<T> = { readonly body: T; readonly problems: readonly [] } | { readonly problems: readonly FormProblem[] };

/** The body of POST /calls, deadlines as UTC instants; or the problems in the way. */
export function createBody(form: CallForm): Built<CreateCall> {
  const read = new Reader();
  if (form.programId === '') read.problems.push({ field: 'programId', key: 'required' });
  const shared = sharedOf(form, read);
  const agencies = form.agencies.map((row, i) => ({ ...agencyInput(row, i, form.mode, read), role: row.role }));
  if (read.problems.length > 0) return { problems: read.problems };
  return { body: { programId: form.programId, ...shared, agencies }, problems: [] };
}

const SHARED_KEYS = [
  'titleJa',
  'titleEn',
  'summaryJa',
  'summaryEn',
  'mode',
  'tracks',
  'criteria',
  'fields',
  'eligibleCountries',
  'announcedAt',
  'opensAt',
  'reviewStartsAt',
  'decisionAt',
  'projectStartOn',
] as const;

/**
 * The body of PATCH /calls/:id: what differs from the saved call, limited to what the caller may
 * change (the shared fields only with `edit_shared`, and only their own agency's entry); undefined
 * when nothing differs. Lists are sent whole when they differ (the api replaces them).
 */
export function updateBody(
  form: CallForm,
  saved: CallForm,
  allowed: readonly CallAction[],
  ownAgencyId: string | null,
): Built<UpdateCall | undefined> {
  const read = new Reader();
  const patch: Record<string, unknown> = {};
  if (allowed.includes('edit_shared')) {
    const mine = sharedOf(form, read);
    const theirs = sharedOf(saved, new Reader());
    for (const key of SHARED_KEYS) {
      if (JSON.stringify(mine[key]) !== JSON.stringify(theirs[key])) patch[key] = mine[key];
    }
  }
  if (allowed.includes('edit_own_entry') && ownAgencyId !== null) {
    const index = form.agencies.findIndex((a) => a.agencyId === ownAgencyId);
    const row = form.agencies[index];
    const before = saved.agencies.find((a) => a.agencyId === ownAgencyId);
    if (row && before && JSON.stringify(row) !== JSON.stringify(before)) {
      patch['agencies'] = [agencyInput(row, index, form.mode, read)];
    }
  }
  if (read.problems.length > 0) return { problems: read.problems };
  // The keys come from SHARED_KEYS and the values from sharedOf, both typed by UpdateCall.
  const body: UpdateCall = patch;
  return { body: Object.keys(body).length > 0 ? body : undefined, problems: [] };
}

/** The id of the input a field path points to: agencies[1].budgetCap.amount → call-agencies-1-budgetCap-amount; list items point to their list. */
export function anchorOf(path: string): string {
  const normalised = path
    .replace(/^(fields|eligibleCountries)\[\d+\]$/, '$1')
    .replace(/^(agencies\[\d+\]\.budgetCap|tracks\[\d+\]\.maxBudget)$/, '$1.amount');
  return `call-${normalised.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`;
}

/**
 * The form after someone else saved the call: each value the user has not changed since they
 * loaded it takes the newer saved value, each value they changed stays theirs (agencies row by
 * row), to be sent with the newer version. Nothing typed is lost.
 */
export function rebaseForm(mine: CallForm, base: CallForm, theirs: CallForm): CallForm {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(theirs) as (keyof CallForm)[]) {
    merged[key] = same(mine[key], base[key]) ? theirs[key] : mine[key];
  }
  merged['agencies'] = theirs.agencies.map((row) => {
    const own = mine.agencies.find((a) => a.agencyId === row.agencyId);
    const old = base.agencies.find((a) => a.agencyId === row.agencyId);
    return own && old && !same(own, old) ? own : row;
  });
  return merged as unknown as CallForm;
}

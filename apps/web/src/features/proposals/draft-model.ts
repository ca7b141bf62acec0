import { minorUnitsPerMajor } from '../../lib/format';
import type { Application, UpdateApplication, UpdateSide } from './proposal-queries';

/**
 * What the editor's inputs hold: text as typed (numbers too, so a half-typed value is kept as it
 * is), and the difference from what the server has, as the PATCH bodies that would send it.
 */
export interface DraftFields {
  readonly title: string;
  readonly abstract: string;
  readonly fieldCode: string;
  readonly keywords: string;
  readonly durationMonths: string;
}

export interface DraftSide {
  readonly agencyId: string;
  readonly institutionId: string;
  readonly budgetCurrency: string;
  /** Per project year, in major units as typed (yen, dollars). */
  readonly budgetPerYear: readonly string[];
}

export interface DraftModel {
  readonly fields: DraftFields;
  readonly sides: readonly DraftSide[];
}

export function draftOf(application: Application): DraftModel {
  return {
    fields: {
      title: application.title,
      abstract: application.abstract,
      fieldCode: application.fieldCode ?? '',
      keywords: application.keywords.join(', '),
      durationMonths: application.durationMonths === null ? '' : String(application.durationMonths),
    },
    sides: application.sides.map((side) => {
      const currency = side.budgetCurrency ?? '';
      const unit = currency ? minorUnitsPerMajor(currency) : 1;
      return {
        agencyId: side.agency.id,
        institutionId: side.institution?.id ?? '',
        budgetCurrency: currency,
        budgetPerYear: side.budgetPerYear.map((amount) => String(amount / unit)),
      };
    }),
  };
}

/** The application as a save with `patch` left it at `version` (its answer names only the version): the fields as sent. */
export function withSavedFields(application: Application, patch: UpdateApplication, version: number): Application {
  return { ...application, ...patch, version };
}

export function parseKeywords(text: string): string[] {
  return text
    .split(/[,、，]/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/** The fields that differ from the saved application, as a PATCH body; undefined when none do. */
export function fieldsPatch(draft: DraftFields, saved: DraftFields): UpdateApplication | undefined {
  const patch: UpdateApplication = {};
  if (draft.title !== saved.title && draft.title.trim() !== '') patch.title = draft.title;
  if (draft.abstract !== saved.abstract) patch.abstract = draft.abstract;
  if (draft.fieldCode !== saved.fieldCode) patch.fieldCode = draft.fieldCode === '' ? null : draft.fieldCode;
  if (draft.keywords !== saved.keywords) patch.keywords = parseKeywords(draft.keywords);
  if (draft.durationMonths !== saved.durationMonths) {
    const months = Number(draft.durationMonths);
    if (draft.durationMonths.trim() === '') patch.durationMonths = null;
    else if (Number.isInteger(months) && months > 0) patch.durationMonths = months;
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** A side's changes as a PATCH body (budget in minor units); undefined when nothing differs or a value is not yet a number. */
export function sidePatch(draft: DraftSide, saved: DraftSide): UpdateSide | undefined {
  const patch: UpdateSide = {};
  if (draft.institutionId !== saved.institutionId) patch.institutionId = draft.institutionId === '' ? null : draft.institutionId;
  if (draft.budgetCurrency !== saved.budgetCurrency) patch.budgetCurrency = draft.budgetCurrency === '' ? null : draft.budgetCurrency;
  if (draft.budgetPerYear.join('|') !== saved.budgetPerYear.join('|') || patch.budgetCurrency !== undefined) {
    const unit = draft.budgetCurrency ? minorUnitsPerMajor(draft.budgetCurrency) : 1;
    const amounts = draft.budgetPerYear.map((text) => (text.trim() === '' ? 0 : Math.round(Number(text.replace(/[,\s]/g, '')) * unit)));
    if (amounts.every((amount) => Number.isSafeInteger(amount) && amount >= 0)) patch.budgetPerYear = amounts;
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/**
 * The draft after the server answered a write: each value the user has not changed since the last
 * answer takes the server's new value (a partner PI's institution set by the lookup, say), and each
 * value the user changed stays theirs, to be sent by the next save. Without this, a value written
 * by another control would look like a local change back to the old value and be undone.
 */
export function rebaseDraft(draft: DraftModel, before: DraftModel, after: DraftModel): DraftModel {
  const pickEach = <T extends object>(mine: T, old: T, theirs: T): T =>
    Object.fromEntries(
      Object.keys(theirs).map((key) => {
        const k = key as keyof T;
        return [key, JSON.stringify(mine[k]) === JSON.stringify(old[k]) ? theirs[k] : mine[k]];
      }),
    ) as T;
  return {
    fields: pickEach(draft.fields, before.fields, after.fields),
    sides: after.sides.map((side) => {
      const mine = draft.sides.find((s) => s.agencyId === side.agencyId);
      const old = before.sides.find((s) => s.agencyId === side.agencyId);
      return mine && old ? pickEach(mine, old, side) : side;
    }),
  };
}

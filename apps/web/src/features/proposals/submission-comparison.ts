import type { TFunction } from 'i18next';
import { formatMoney, formatNumber } from '../../lib/format';

/** What the page needs to name the values of a change in the reader's words. */
export interface ChangeContext {
  readonly t: TFunction;
  readonly language: string;
  /** The track's name, for a `trackId`. */
  readonly trackName: (trackId: string) => string | undefined;
  /** The research field's name, for a `fieldCode`. */
  readonly fieldName: (code: string) => string | undefined;
  /** A side's budget currency, by the agency's short name, as the later submission has it (budgets are in minor units). */
  readonly currencyOf: (agency: string) => string | null | undefined;
}

/**
 * The parts of a changed field's path: `title` → { name: 'title' }; `sides[JST].budgetPerYear` →
 * { agency: 'JST', name: 'budgetPerYear' }; `sides[NSF]` (a side added or dropped) → { agency: 'NSF', name: 'side' }.
 */
export function parseChangePath(path: string): { readonly agency?: string; readonly name: string } {
  const side = /^sides\[([^\]]+)\](?:\.(.+))?$/.exec(path);
  if (side?.[1]) return { agency: side[1], name: side[2] ?? 'side' };
  return { name: path };
}

/** A changed field's name for the reader: "Title", "JST side: Budget per year". */
export function changeLabel(path: string, t: TFunction): string {
  const { agency, name } = parseChangePath(path);
  const field = t(`proposalDocuments.comparison.fields.${name}`, { defaultValue: name });
  return agency === undefined ? field : t('proposalDocuments.comparison.ofSide', { agency, field });
}

/**
 * A value of a changed field as text a person reads: names for ids (track, field), money in the
 * side's currency per year, a person's name and e-mail, the team one member a line; JSON only for
 * a shape the page does not know.
 */
export function changeValueText(path: string, value: unknown, context: ChangeContext): string {
  const { t } = context;
  if (isEmpty(value)) return t('common.none');
  const { agency, name } = parseChangePath(path);
  switch (name) {
    case 'trackId':
      return typeof value === 'string' ? (context.trackName(value) ?? value) : plain(value, context);
    case 'fieldCode':
      return typeof value === 'string' ? (context.fieldName(value) ?? value) : plain(value, context);
    case 'durationMonths':
      return typeof value === 'number' ? t('proposalDocuments.comparison.months', { count: value }) : plain(value, context);
    case 'budgetPerYear': {
      if (!Array.isArray(value)) return plain(value, context);
      const currency = agency === undefined ? undefined : context.currencyOf(agency);
      return value
        .map((amount: unknown, index) =>
          t('proposalDocuments.comparison.yearAmount', {
            year: index + 1,
            amount: typeof amount === 'number' && currency ? formatMoney(amount, currency, context.language) : plain(amount, context),
          }),
        )
        .join('\n');
    }
    case 'pi':
      return person(value) ?? plain(value, context);
    case 'institution': {
      const shortName = property(value, 'shortName');
      return typeof shortName === 'string' ? shortName : plain(value, context);
    }
    case 'members':
      return Array.isArray(value) ? value.map((member: unknown) => memberText(member, context)).join('\n') : plain(value, context);
    case 'side': {
      const shortName = property(value, 'agencyShortName');
      const pi = person(property(value, 'pi'));
      return typeof shortName === 'string' ? [shortName, pi].filter(Boolean).join(': ') : plain(value, context);
    }
    default:
      return plain(value, context);
  }
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A property of a JSON object, or undefined for anything else. */
function property(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Reflect.get(value, key) : undefined;
}

/** "Name <e-mail>", the name alone, or the e-mail alone; undefined when neither is known. */
function person(value: unknown): string | undefined {
  const name = property(value, 'name');
  const email = property(value, 'email');
  const parts = [typeof name === 'string' ? name : '', typeof email === 'string' ? `<${email}>` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function memberText(member: unknown, context: ChangeContext): string {
  const { t } = context;
  const name = property(member, 'name');
  const role = property(member, 'role');
  if (typeof name !== 'string') return plain(member, context);
  const details = [
    typeof role === 'string' ? t(`roles.${role}`, { defaultValue: role }) : '',
    property(member, 'earlyCareer') === true ? t('proposal.earlyCareer') : '',
  ].filter(Boolean);
  return details.length > 0 ? `${name} (${details.join(t('proposalDocuments.comparison.detailsJoin'))})` : name;
}

function plain(value: unknown, context: ChangeContext): string {
  if (isEmpty(value)) return context.t('common.none');
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, context.language);
  if (typeof value === 'boolean') return context.t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.map((item: unknown) => plain(item, context)).join(', ');
  return JSON.stringify(value);
}

import { pagePath } from '../../app/page-paths';
import type { Role } from '../me/me-query';

/** What a notice is about, as the api names it. */
export interface NoticeSubject {
  readonly kind: string;
  readonly subject: { readonly type: string; readonly id: string };
}

/** Kinds that reach a research office about an application waiting for its approval. */
const OFFICE_KINDS: ReadonlySet<string> = new Set(['approval_requested', 'approval_reminder']);

/**
 * The page a notice leads to, for a reader with these roles: an assignment opens the reviewer's
 * assignment; an application opens the office's page for approval notices (to an office) and the
 * researcher's proposal page otherwise, falling back to whichever of the two the reader's roles
 * open. Undefined when no page of the reader's shows the object.
 */
export function noticePath(notice: NoticeSubject, roles: readonly Role[]): string | undefined {
  const has = new Set(roles);
  const { type, id } = notice.subject;
  if (!id) return undefined;
  if (type === 'assignment') return has.has('reviewer') ? pagePath('reviewerAssignment', { id }) : undefined;
  if (type !== 'application') return undefined;
  const office = has.has('institution_admin') ? pagePath('officeProposal', { id }) : undefined;
  const researcher = has.has('researcher') ? pagePath('proposal', { id }) : undefined;
  return OFFICE_KINDS.has(notice.kind) ? (office ?? researcher) : (researcher ?? office);
}

/** What an officer may do with a call, as the pages offer it; the service enforces the same rules when they try. */
export const CALL_ACTIONS = ['edit_shared', 'edit_own_entry', 'publish', 'cancel'] as const;
export type CallAction = (typeof CALL_ACTIONS)[number];

export interface CallActor {
  /** An officer of the lead agency. */
  readonly leads: boolean;
  /** An officer of an agency taking part (the lead included). */
  readonly participates: boolean;
}

/**
 * The lead agency's officers change the shared fields, publish (once) and cancel; every
 * participating agency's officers change their own agency's entry. A cancelled call changes no more.
 */
export function callActions(
  call: { readonly publishedAt: Date | null; readonly cancelledAt: Date | null },
  actor: CallActor,
): CallAction[] {
  if (call.cancelledAt !== null || !actor.participates) return [];
  const actions: CallAction[] = ['edit_own_entry'];
  if (!actor.leads) return actions;
  actions.unshift('edit_shared');
  if (call.publishedAt === null) actions.push('publish');
  actions.push('cancel');
  return actions;
}

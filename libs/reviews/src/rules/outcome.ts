/**
 * The overall outcome of a joint application from each agency's decision on its side, by the
 * call's cooperation mode:
 * - joint_call: funded only when every side is funded;
 * - co_funding: the lead agency funds and every partner confirms that it co-funds;
 * - twinning: linked only when every side agrees to link (no money moves).
 * One refusal settles it at once; otherwise the outcome waits for the missing decisions.
 */
export type CooperationMode = 'joint_call' | 'co_funding' | 'twinning';
export type SideDecision = 'yes' | 'no' | null;
export type Outcome = 'pending' | 'funded' | 'not_funded' | 'linked' | 'not_linked';

export function applicationOutcome(
  mode: CooperationMode,
  sides: readonly { readonly role: 'lead' | 'partner'; readonly decision: SideDecision }[],
): Outcome {
  const [yes, no] = mode === 'twinning' ? (['linked', 'not_linked'] as const) : (['funded', 'not_funded'] as const);
  if (mode === 'co_funding') {
    const lead = sides.find((s) => s.role === 'lead');
    if (lead?.decision === 'no') return no;
    if (lead?.decision !== 'yes') return 'pending';
  }
  if (sides.some((s) => s.decision === 'no')) return no;
  if (sides.length === 0 || sides.some((s) => s.decision === null)) return 'pending';
  return yes;
}

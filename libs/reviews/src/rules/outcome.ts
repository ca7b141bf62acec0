/**
 * The overall outcome of a joint application from each agency's decision on its side, by the
 * call's cooperation mode (docs/decisions.md, "Outcomes by cooperation mode"):
 * - joint_call (共同公募): every agency solicits and funds its own side; funded only when every side
 *   is funded, not funded as soon as one is not;
 * - co_funding (共同支援): the lead agency selects and funds; each partner confirms whether it
 *   co-funds the selected project. Co-funded when the lead funds and at least one partner confirms,
 *   funded by the lead alone when every partner declines, not funded when the lead does not select it;
 * - twinning (連携支援): no new money; linked only when every side agrees to link.
 * The outcome is pending while a decision it depends on is missing, and a settled outcome never
 * changes as the missing decisions come in. statistics.repository.ts counts funded, not funded and
 * pending with the same rule in SQL.
 */
export type CooperationMode = 'joint_call' | 'co_funding' | 'twinning';
export type SideDecision = 'yes' | 'no' | null;

/** What each mode's outcome can be once settled: funded in some way, or not. */
export const MODE_OUTCOMES = {
  joint_call: { funded: ['funded'], notFunded: ['not_funded'] },
  co_funding: { funded: ['co_funded', 'funded_by_lead'], notFunded: ['not_funded'] },
  twinning: { funded: ['linked'], notFunded: ['not_linked'] },
} as const satisfies Record<CooperationMode, { readonly funded: readonly string[]; readonly notFunded: readonly string[] }>;

type Settled = (typeof MODE_OUTCOMES)[CooperationMode];
export type Outcome = 'pending' | Settled['funded'][number] | Settled['notFunded'][number];

/** Every outcome value, pending first: the enum of the API's outcome. */
export const OUTCOMES: readonly Outcome[] = [
  'pending',
  ...new Set(Object.values(MODE_OUTCOMES).flatMap((m): Outcome[] => [...m.funded, ...m.notFunded])),
];

export function applicationOutcome(
  mode: CooperationMode,
  sides: readonly { readonly role: 'lead' | 'partner'; readonly decision: SideDecision }[],
): Outcome {
  if (mode === 'co_funding') {
    const lead = sides.find((s) => s.role === 'lead')?.decision ?? null;
    const partners = sides.filter((s) => s.role === 'partner').map((s) => s.decision);
    if (lead === 'no') return 'not_funded';
    if (lead === null || partners.includes(null)) return 'pending';
    return partners.includes('yes') ? 'co_funded' : 'funded_by_lead';
  }
  const [yes, no] = mode === 'twinning' ? (['linked', 'not_linked'] as const) : (['funded', 'not_funded'] as const);
  if (sides.some((s) => s.decision === 'no')) return no;
  if (sides.length === 0 || sides.some((s) => s.decision === null)) return 'pending';
  return yes;
}

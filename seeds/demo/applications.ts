import type { SideStatus } from '#applications';

/**
 * Applications the demo users find waiting, all to the open SICORP Japan-US call: the Tokyo PI has
 * a draft, one pending the Tokyo office, one returned and one submitted; the Osaka PI has one
 * pending the Osaka office and a draft.
 */
export interface ApplicationSeed {
  readonly key: string;
  readonly pi: string;
  readonly title: string;
  readonly abstract: string;
  readonly lead: { readonly institution: string; readonly status: SideStatus };
  readonly partner: { readonly pi: string; readonly institution: string; readonly status: SideStatus };
  /** The comment of the office's return, for a returned application. */
  readonly returnComment?: string;
  /** The call, when not the open SICORP Japan-US call. */
  readonly call?: string;
}

export const applicationSeeds: readonly ApplicationSeed[] = [
  {
    key: 'UTOKYO-DRAFT',
    pi: 'pi.utokyo@example.org',
    title: '半導体材料のAI設計に関する日米共同研究',
    abstract: 'AI-driven design of semiconductor materials, with the MIT partner team.',
    lead: { institution: 'UTOKYO', status: 'draft' },
    partner: { pi: 'pi.mit@example.org', institution: 'MIT', status: 'draft' },
  },
  {
    key: 'UTOKYO-PENDING',
    pi: 'pi.utokyo@example.org',
    title: '量子センシングによる次世代半導体検査',
    abstract: 'Quantum sensing for next-generation semiconductor inspection.',
    lead: { institution: 'UTOKYO', status: 'pending_institution' },
    partner: { pi: 'pi.mit@example.org', institution: 'MIT', status: 'pending_institution' },
  },
  {
    key: 'UTOKYO-RETURNED',
    pi: 'pi.utokyo@example.org',
    title: '大規模言語モデルを用いたチップ設計検証',
    abstract: 'Verifying chip designs with large language models.',
    lead: { institution: 'UTOKYO', status: 'returned' },
    partner: { pi: 'pi.mit@example.org', institution: 'MIT', status: 'draft' },
    returnComment: 'Please attach the export-control self-check sheet and the disclosure of other funding.',
  },
  {
    key: 'UTOKYO-SUBMITTED',
    pi: 'pi.utokyo@example.org',
    title: 'エッジAI向け省電力半導体アーキテクチャ',
    abstract: 'Low-power semiconductor architectures for edge AI.',
    lead: { institution: 'UTOKYO', status: 'submitted' },
    partner: { pi: 'pi.mit@example.org', institution: 'MIT', status: 'submitted' },
  },
  {
    key: 'OSAKA-PENDING',
    pi: 'pi.osaka@example.org',
    title: '光電融合デバイスの信頼性評価',
    abstract: 'Reliability of opto-electronic devices.',
    lead: { institution: 'OSAKA', status: 'pending_institution' },
    partner: { pi: 'pi.mit@example.org', institution: 'MIT', status: 'pending_institution' },
  },
  {
    key: 'OSAKA-DRAFT',
    pi: 'pi.osaka@example.org',
    title: '機械学習による結晶成長の制御',
    abstract: 'Controlling crystal growth with machine learning.',
    lead: { institution: 'OSAKA', status: 'draft' },
    partner: { pi: 'pi.mit@example.org', institution: 'MIT', status: 'draft' },
  },
  {
    key: 'UTOKYO-IN-REVIEW',
    call: 'SICORP-US-REVIEW',
    pi: 'pi.utokyo@example.org',
    title: '半導体製造プロセスの異常検知AI',
    abstract: 'Anomaly detection for semiconductor fabrication with AI.',
    lead: { institution: 'UTOKYO', status: 'under_review' },
    partner: { pi: 'pi.mit@example.org', institution: 'MIT', status: 'submitted' },
  },
  {
    key: 'OSAKA-IN-REVIEW',
    call: 'SICORP-US-REVIEW',
    pi: 'pi.osaka@example.org',
    title: '次世代パワー半導体の信頼性モデル',
    abstract: 'Reliability models for next-generation power semiconductors.',
    lead: { institution: 'OSAKA', status: 'eligible' },
    partner: { pi: 'pi.mit@example.org', institution: 'MIT', status: 'submitted' },
  },
];

/**
 * Reviews in the call under review: reviewer.kyoto submitted a review and reviewer.tohoku saved one
 * on the Tokyo proposal; reviewer.osaka is in the pool but conflicted with the Osaka proposal.
 */
export const reviewSeeds = {
  call: 'SICORP-US-REVIEW',
  pool: ['reviewer.kyoto@example.org', 'reviewer.osaka@example.org', 'reviewer.tohoku@example.org'],
  assignments: [
    {
      application: 'UTOKYO-IN-REVIEW',
      reviewer: 'reviewer.kyoto@example.org',
      scores: { excellence: 4, synergy: 5, circulation: 4, feasibility: 3 },
      submitted: true,
      comment: 'A strong, well-matched team.',
    },
    {
      application: 'UTOKYO-IN-REVIEW',
      reviewer: 'reviewer.tohoku@example.org',
      scores: { excellence: 3, synergy: 4 },
      submitted: false,
      comment: 'Draft: check the budget plan.',
    },
  ],
} as const;

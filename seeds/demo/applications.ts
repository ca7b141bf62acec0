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
];

import type { DataSource } from 'typeorm';
import type { Question } from '#forms';
import { seedId } from '../seed-id.js';
import { applicationSeeds } from './applications.js';

const text = (en: string, ja: string) => ({ en, ja });
const choice = (value: string, en: string, ja: string) => ({ value, label: text(en, ja) });

/**
 * The demo calls' own questions, as their agencies ask them: ASPIRE's plan for sending and inviting
 * young researchers, with the numbers planned; e-ASIA's contribution of each partner country;
 * the twinning call's linked grants; and for the SICORP Japan-US calls, where the demo proposals
 * are, a data plan and visits read by reviewers and an export-control check read only by the
 * office and the agencies.
 */
export const demoForms: Readonly<Record<string, readonly Question[]>> = {
  'ASPIRE-2023': [
    {
      key: 'young_researchers_plan',
      type: 'long_text',
      label: text('Plan for sending and inviting young researchers', '若手研究者の派遣・招へい計画'),
      help: text(
        'Who will be sent to the partner institutions and who invited to Japan, for how long, and for which part of the joint research.',
        '誰を相手国の機関へ派遣し、誰を日本へ招へいするか、その期間と、共同研究のどの部分を担うかを記載してください。',
      ),
      required: true,
      scope: 'proposal',
      visibility: 'reviewers',
      maxWords: 500,
    },
    {
      key: 'young_researchers_sent',
      type: 'number',
      label: text('Young researchers to be sent abroad (people)', '海外へ派遣する若手研究者数(人)'),
      help: null,
      required: true,
      scope: 'proposal',
      visibility: 'reviewers',
      integer: true,
      min: 0,
      max: 200,
    },
    {
      key: 'person_months_abroad',
      type: 'number',
      label: text('Total planned stay abroad (person-months)', '派遣期間の合計(人月)'),
      help: text(
        'The sum of every stay, in months; half months are allowed.',
        '全派遣者の滞在期間の合計を月単位で記載してください(0.5か月単位可)。',
      ),
      required: true,
      scope: 'proposal',
      visibility: 'reviewers',
      min: 0,
      max: 2400,
    },
    {
      key: 'researchers_invited',
      type: 'number',
      label: text('Researchers to be invited to Japan (people)', '日本へ招へいする研究者数(人)'),
      help: null,
      required: true,
      scope: 'proposal',
      visibility: 'reviewers',
      integer: true,
      min: 0,
      max: 200,
    },
    {
      key: 'network_after_project',
      type: 'long_text',
      label: text('How the international network will continue after the project', '事業終了後の国際ネットワークの継続方策'),
      help: null,
      required: false,
      scope: 'proposal',
      visibility: 'reviewers',
      maxChars: 2000,
    },
    {
      key: 'pi_doctorate_date',
      type: 'date',
      label: text("Date of the PI's doctorate", '研究代表者の博士号取得年月日'),
      help: text(
        'For the early-career conditions of the next-generation track; read only by the research office and the agencies.',
        '次世代型の若手要件の確認に用います。研究機関の事務担当と配分機関のみが閲覧します。',
      ),
      required: true,
      scope: 'proposal',
      visibility: 'office_agency',
    },
  ],
  'EASIA-NEXT': [
    {
      key: 'research_area',
      type: 'single_choice',
      label: text('Research area of the call', '研究分野'),
      help: null,
      required: true,
      scope: 'proposal',
      visibility: 'reviewers',
      choices: [
        choice('environment', 'Environment', '環境'),
        choice('disaster_prevention', 'Disaster prevention', '防災'),
        choice('infectious_diseases', 'Infectious diseases', '感染症'),
      ],
    },
    {
      key: 'regional_benefit',
      type: 'long_text',
      label: text('Benefit to the East Asian region', '東アジア地域への裨益'),
      help: null,
      required: true,
      scope: 'proposal',
      visibility: 'reviewers',
      maxWords: 400,
    },
    {
      key: 'country_contribution',
      type: 'long_text',
      label: text("This country's contribution to the joint research", 'この国のチームの共同研究への貢献'),
      help: text(
        "The research tasks, facilities, data and in-kind resources this country's team brings.",
        'この国のチームが担う研究課題、提供する設備・データ・現物資源を記載してください。',
      ),
      required: true,
      scope: 'side',
      visibility: 'reviewers',
      maxWords: 300,
    },
    {
      key: 'country_team_size',
      type: 'number',
      label: text("Researchers in this country's team", 'この国のチームの研究者数'),
      help: null,
      required: true,
      scope: 'side',
      visibility: 'reviewers',
      integer: true,
      min: 1,
      max: 50,
    },
    {
      key: 'in_kind_contribution',
      type: 'yes_no',
      label: text(
        'Does this country contribute in kind (facilities, samples, data)?',
        'この国からの現物による貢献(設備・試料・データ)がありますか',
      ),
      help: null,
      required: false,
      scope: 'side',
      visibility: 'reviewers',
    },
  ],
  'TWIN-UKRI-CURRENT': [
    {
      key: 'linked_grant_number',
      type: 'short_text',
      label: text('The grant already funded on this side (its number)', 'この側で既に採択されている課題の課題番号'),
      help: null,
      required: true,
      scope: 'side',
      visibility: 'reviewers',
      maxChars: 60,
    },
    {
      key: 'linked_grant_title',
      type: 'short_text',
      label: text('Title of the funded project', '採択課題の課題名'),
      help: null,
      required: true,
      scope: 'side',
      visibility: 'reviewers',
      maxChars: 300,
    },
    {
      key: 'linked_grant_ends_on',
      type: 'date',
      label: text('End of the funded project', '採択課題の終了日'),
      help: null,
      required: true,
      scope: 'side',
      visibility: 'reviewers',
    },
    {
      key: 'cooperation_forms',
      type: 'multiple_choice',
      label: text('How the two projects will cooperate', '連携の形態'),
      help: null,
      required: true,
      scope: 'proposal',
      visibility: 'reviewers',
      choices: [
        choice('researcher_exchange', 'Researcher exchange', '研究者の相互派遣'),
        choice('joint_workshops', 'Joint workshops', '合同ワークショップ'),
        choice('shared_data', 'Shared data', 'データの共有'),
        choice('shared_facilities', 'Shared facilities', '設備の共用'),
      ],
    },
    {
      key: 'linkage_plan',
      type: 'long_text',
      label: text('How the linked projects will work together', '二つの課題の連携計画'),
      help: null,
      required: true,
      scope: 'proposal',
      visibility: 'reviewers',
      maxWords: 400,
    },
  ],
  'SICORP-US-CURRENT': sicorpQuestions(),
  'SICORP-US-REVIEW': sicorpQuestions(),
};

function sicorpQuestions(): Question[] {
  return [
    {
      key: 'data_management',
      type: 'long_text',
      label: text('Data management and sharing', 'データマネジメントと共有の方針'),
      help: text(
        'Which data the teams produce, where they keep them, and how they share them with each other and publicly.',
        '両チームが生み出すデータ、その保管場所、チーム間および公開での共有方法を記載してください。',
      ),
      required: true,
      scope: 'proposal',
      visibility: 'reviewers',
      maxWords: 300,
    },
    {
      key: 'exchange_visits',
      type: 'number',
      label: text('Visits planned between the teams', 'チーム間の相互訪問(予定回数)'),
      help: null,
      required: true,
      scope: 'proposal',
      visibility: 'reviewers',
      integer: true,
      min: 0,
      max: 50,
    },
    {
      key: 'export_control',
      type: 'single_choice',
      label: text("Export control review at this side's institution", 'この側の機関における安全保障輸出管理の確認'),
      help: text('Read only by the research office and the agencies.', '研究機関の事務担当と配分機関のみが閲覧します。'),
      required: true,
      scope: 'side',
      visibility: 'office_agency',
      choices: [
        choice('cleared', 'Reviewed and cleared', '確認済み(該当なし・許可取得済み)'),
        choice('in_progress', 'Review in progress', '確認中'),
        choice('licence_needed', 'A licence is needed', '許可申請が必要'),
      ],
    },
  ];
}

/** What the demo proposals answered: complete for those submitted, half for the Tokyo draft. */
export function demoAnswers(applicationKey: string): Record<string, unknown> | undefined {
  const JST = seedId('organisation', 'JST');
  const NSF = seedId('organisation', 'NSF');
  const complete = (visits: number, plan: string) => ({
    proposal: { data_management: plan, exchange_visits: visits },
    sides: { [JST]: { export_control: 'cleared' }, [NSF]: { export_control: 'cleared' } },
  });
  switch (applicationKey) {
    case 'UTOKYO-DRAFT':
      return { proposal: { exchange_visits: 4 }, sides: {} };
    case 'OSAKA-DRAFT':
      return undefined;
    case 'OSAKA-PENDING':
    case 'OSAKA-IN-REVIEW':
      return complete(
        3,
        'Measurement data stay in the Osaka repository; the MIT team reads them through a shared project space. Data behind publications are deposited in a public repository with a DOI.',
      );
    default:
      return complete(
        6,
        'Both teams keep their raw data at their own institution and exchange processed data sets monthly. Data behind publications are published under CC BY with a DOI.',
      );
  }
}

/**
 * The demo calls' forms (version 1, saved by the JST officer) and the demo proposals' answers.
 * Loaded by `npm start` before the demo documents, which freeze these answers into each
 * submission; the tests' seeds leave them out. Idempotent: what exists is left alone.
 */
export async function seedDemoForms(dataSource: DataSource, now: Date = new Date()): Promise<number> {
  let changed = 0;
  const officer = seedId('user', 'officer.jst@example.org');
  for (const [call, questions] of Object.entries(demoForms)) {
    const rows = await dataSource.query<{ id: string }[]>(
      `INSERT INTO call_forms (call_id, version, questions, saved_by)
       SELECT $1, 1, $2::jsonb, $3 WHERE EXISTS (SELECT 1 FROM calls WHERE id = $1)
       ON CONFLICT (call_id, version) DO NOTHING RETURNING id`,
      [seedId('call', call), JSON.stringify(questions), officer],
    );
    changed += rows.length;
  }
  for (const application of applicationSeeds) {
    const answers = demoAnswers(application.key);
    if (!answers) continue;
    const rows = await dataSource.query<{ application_id: string }[]>(
      `INSERT INTO application_answers (application_id, form_version, answers, updated_at, updated_by, version)
       SELECT a.id, 1, $2::jsonb, $3, a.pi_user_id, 1 FROM applications a WHERE a.id = $1
       ON CONFLICT (application_id) DO NOTHING RETURNING application_id`,
      [seedId('application', application.key), JSON.stringify(answers), new Date(Math.floor(now.getTime() / 1000) * 1000)],
    );
    changed += rows.length;
  }
  return changed;
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The research-field vocabulary: ASPIRE's seven advanced fields and health, then the fields other joint programs use. */
const FIELDS: readonly [code: string, ja: string, en: string][] = [
  ['bio', 'バイオ', 'Biotechnology'],
  ['ai_information', 'AI・情報', 'AI and information'],
  ['materials', 'マテリアル', 'Materials'],
  ['semiconductors', '半導体', 'Semiconductors'],
  ['energy', 'エネルギー', 'Energy'],
  ['quantum', '量子', 'Quantum'],
  ['communications', '通信', 'Communications'],
  ['health_medicine', '健康・医療', 'Health and medicine'],
  ['environment', '環境', 'Environment'],
  ['disaster_prevention', '防災', 'Disaster prevention'],
  ['infectious_diseases', '感染症', 'Infectious diseases'],
  ['agriculture_food', '農業・食料', 'Agriculture and food'],
  ['water', '水資源', 'Water resources'],
  ['climate', '気候変動', 'Climate change'],
  ['ocean', '海洋', 'Ocean'],
  ['space', '宇宙', 'Space'],
  ['ageing', '高齢化', 'Ageing'],
  ['mathematics', '数学', 'Mathematics'],
  ['physics', '物理学', 'Physics'],
  ['chemistry', '化学', 'Chemistry'],
  ['engineering', '工学', 'Engineering'],
  ['humanities_social', '人文学・社会科学', 'Humanities and social sciences'],
];

export class LoadResearchFields1795359618938 implements MigrationInterface {
  name = 'LoadResearchFields1795359618938';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [index, [code, ja, en]] of FIELDS.entries()) {
      await queryRunner.query(`INSERT INTO "research_fields" ("code", "name_ja", "name_en", "sort_order") VALUES ($1, $2, $3, $4)`, [
        code,
        ja,
        en,
        index + 1,
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "research_fields" WHERE "code" = ANY($1)`, [FIELDS.map(([code]) => code)]);
  }
}

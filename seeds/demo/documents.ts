import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { ApplicationsRepository, freezeProposal } from '#applications';
import { type DocumentStorage, newStorageKey, WHOLE_PROPOSAL } from '#documents';
import { LaggingReads } from '#platform';
import { seedId } from '../seed-id.js';
import { applicationSeeds } from './applications.js';
import { makePdf } from './pdf.js';

/** The demo calls that ask for a research plan: the open SICORP Japan-US call and the one under review. */
const CALLS_WITH_PLANS = ['SICORP-US-CURRENT', 'SICORP-US-REVIEW'];
const PLAN_MAX_BYTES = 10 * 1024 * 1024;
const PLAN_MAX_PAGES = 10;

/**
 * The demo's documents, loaded by `npm start` (the tests' seeds leave them out): each demo call asks
 * for a research plan, each demo proposal carries a small generated PDF, and each one already
 * submitted has its frozen submission naming that plan. Idempotent: what exists is left alone.
 */
export async function seedDemoDocuments(dataSource: DataSource, storage: DocumentStorage, now: Date = new Date()): Promise<number> {
  let changed = 0;
  const at = new Date(Math.floor(now.getTime() / 1000) * 1000);
  for (const call of CALLS_WITH_PLANS) {
    const rows = await dataSource.query<{ id: string }[]>(
      `INSERT INTO document_requirements (id, call_id, position, kind, scope, label_en, label_ja, help_en, help_ja, max_bytes, max_pages, required)
       SELECT $1, $2, 0, 'research_plan', 'proposal', 'Research plan', '研究計画書',
              'The joint research plan agreed with the partner team, as one PDF of at most 10 pages.',
              '相手国チームと合意した共同研究計画を、10ページ以内のPDF 1件で提出してください。', $3, $4, true
        WHERE EXISTS (SELECT 1 FROM calls WHERE id = $2)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [seedId('document-requirement', `${call}:plan`), seedId('call', call), PLAN_MAX_BYTES, PLAN_MAX_PAGES],
    );
    changed += rows.length;
  }

  const applications = new ApplicationsRepository(dataSource, new LaggingReads(dataSource));
  const folder = await mkdtemp(join(tmpdir(), 'jointcall-seed-'));
  try {
    for (const [index, seed] of applicationSeeds.entries()) {
      const applicationId = seedId('application', seed.key);
      const requirementId = seedId('document-requirement', `${seed.call ?? 'SICORP-US-CURRENT'}:plan`);
      const [held] = await dataSource.query<{ id: string }[]>(
        `SELECT id FROM application_documents WHERE application_id = $1 AND requirement_id = $2`,
        [applicationId, requirementId],
      );
      if (held) continue;
      const application = await applications.load(applicationId);
      if (!application) continue;
      const pdf = makePdf({
        pages: 3 + (index % 4),
        title: `Research plan: ${seed.abstract}`,
        lines: ['1. Background and aims', '2. Joint research plan and the role of each team', '3. Schedule and budget'],
      });
      const path = join(folder, `${index}.pdf`);
      await writeFile(path, pdf);
      const storageKey = newStorageKey(at);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      await storage.put(storageKey, path, { size: pdf.length, mediaType: 'application/pdf', sha256 });
      await dataSource.transaction(async (manager) => {
        const [slot] = await manager.query<{ id: string }[]>(
          `INSERT INTO application_documents (application_id, requirement_id, agency_id) VALUES ($1, $2, $3) RETURNING id`,
          [applicationId, requirementId, WHOLE_PROPOSAL],
        );
        const [version] = await manager.query<{ id: string }[]>(
          `INSERT INTO document_versions (document_id, number, storage_key, file_name, media_type, size, sha256, pages, scan_status,
                                          uploaded_by, uploaded_at, attached_at)
           VALUES ($1, 1, $2, $3, 'application/pdf', $4, $5, $6, 'not_scanned', $7, $8, $8) RETURNING id`,
          [
            slot!.id,
            storageKey,
            `research-plan-${seed.key.toLowerCase()}.pdf`,
            pdf.length,
            sha256,
            3 + (index % 4),
            application.piUserId,
            at,
          ],
        );
        await manager.query(`UPDATE application_documents SET current_version_id = $2 WHERE id = $1`, [slot!.id, version!.id]);
        // A proposal that was submitted is read by its office and reviewers from its frozen submission.
        if (application.sides.some((s) => s.status !== 'draft')) {
          const documents = [
            {
              documentId: slot!.id,
              requirementId,
              kind: 'research_plan',
              label: { en: 'Research plan', ja: '研究計画書' },
              agencyId: null,
              versionId: version!.id,
              fileName: `research-plan-${seed.key.toLowerCase()}.pdf`,
              mediaType: 'application/pdf',
              size: pdf.length,
              pages: 3 + (index % 4),
              sha256,
            },
          ];
          // The answers the demo gave its call's form (seedDemoForms runs first) are frozen with the documents.
          const [answers] = await manager.query<{ form_version: number; answers: Record<string, unknown> }[]>(
            `SELECT form_version, answers FROM application_answers WHERE application_id = $1`,
            [applicationId],
          );
          const parts = { documents, ...(answers ? { answers: { formVersion: answers.form_version, answers: answers.answers } } : {}) };
          await manager.query(
            `INSERT INTO application_submissions (application_id, number, submitted_at, submitted_by, proposal, parts)
             SELECT $1, 1, $2, $3, $4::jsonb, $5::jsonb WHERE NOT EXISTS (SELECT 1 FROM application_submissions WHERE application_id = $1)`,
            [applicationId, at, application.piUserId, JSON.stringify(freezeProposal(application)), JSON.stringify(parts)],
          );
        }
      });
      changed += 1;
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return changed;
}

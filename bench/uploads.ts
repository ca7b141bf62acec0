import { openAsBlob } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { makePdf, padPdf } from '../seeds/demo/pdf.js';
import type { Draft } from './scenarios.js';

/** What the surge's uploads did: every one should be a 201; their times, and the api's peak memory meanwhile. */
export interface UploadReport {
  readonly uploads: number;
  readonly bytesEach: number;
  readonly created: number;
  readonly failed: readonly string[];
  readonly p50Ms: number;
  readonly maxMs: number;
  readonly seconds: number;
  readonly apiPeakMemoryMb: number;
}

/**
 * Gives the calls of the drafts a research plan to upload (the generated data has no document
 * requirements), and writes the file every upload sends: a PDF of exactly `bytes`.
 */
export async function prepareUploads(
  client: pg.Client,
  drafts: readonly Draft[],
  bytes: number,
  folder: string,
): Promise<Map<string, string>> {
  const { rows } = await client.query<{ application_id: string; requirement_id: string }>(
    `WITH calls AS (SELECT DISTINCT call_id FROM applications WHERE id = ANY($1::uuid[])),
          made AS (
            INSERT INTO document_requirements (call_id, position, kind, scope, label_en, label_ja, max_bytes, max_pages, required)
            SELECT call_id, 0, 'research_plan', 'proposal', 'Research plan', '研究計画書', $2, 50, false FROM calls
            WHERE NOT EXISTS (SELECT 1 FROM document_requirements r WHERE r.call_id = calls.call_id AND r.retired_at IS NULL)
            RETURNING id, call_id)
     SELECT a.id AS application_id,
            coalesce((SELECT m.id FROM made m WHERE m.call_id = a.call_id),
                     (SELECT r.id FROM document_requirements r WHERE r.call_id = a.call_id AND r.retired_at IS NULL ORDER BY position LIMIT 1)) AS requirement_id
       FROM applications a WHERE a.id = ANY($1::uuid[])`,
    [drafts.map((d) => d.id), bytes * 2],
  );
  await writeFile(join(folder, 'plan.pdf'), padPdf(makePdf({ pages: 12, title: 'Research plan for the upload bench' }), bytes));
  return new Map(rows.map((row) => [row.application_id, row.requirement_id]));
}

/** `count` uploads of the prepared file at once, each to its own draft, by its PI. */
export async function uploadAll(
  url: string,
  drafts: readonly Draft[],
  requirements: ReadonlyMap<string, string>,
  token: (draft: Draft) => string,
  file: string,
  count: number,
): Promise<Omit<UploadReport, 'apiPeakMemoryMb' | 'bytesEach' | 'uploads'>> {
  const started = performance.now();
  const blob = await openAsBlob(file, { type: 'application/pdf' });
  const times: number[] = [];
  const failed: string[] = [];
  await Promise.all(
    drafts.slice(0, count).map(async (draft) => {
      const form = new FormData();
      form.append('file', blob, '研究計画書.pdf');
      const t = performance.now();
      try {
        const response = await fetch(`${url}/applications/${draft.id}/documents/${requirements.get(draft.id)}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token(draft)}` },
          body: form,
        });
        const text = await response.text();
        if (response.status !== 201) failed.push(`${response.status} ${text.slice(0, 200)}`);
      } catch (error) {
        failed.push(error instanceof Error ? error.message : String(error));
      }
      times.push(performance.now() - t);
    }),
  );
  times.sort((a, b) => a - b);
  return {
    created: Math.min(count, drafts.length) - failed.length,
    failed,
    p50Ms: Math.round(times[Math.floor(times.length / 2)] ?? 0),
    maxMs: Math.round(times.at(-1) ?? 0),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

import { Injectable } from '@nestjs/common';
import type { ExportLanguage } from '../rules/export-headers.js';
import type { FrozenParts } from '../rules/submission-snapshot.js';

/**
 * A column another feature adds to an export of one call's applications (the answers to the call's
 * form, say): its header in the export's language, and its cell on a row, read from the
 * application's latest submission, never from the live draft.
 */
export interface ExportColumn {
  readonly header: string;
  /** The cell of the row of the side of `agencyId`, from what the latest submission froze; null for a blank cell. */
  cell(submission: FrozenParts, agencyId: string): string | null;
}

/** Something another feature adds to the exports; it is asked once per export, for the call the export is about. */
export interface ExportColumnSource {
  readonly name: string;
  columns(callId: string, language: ExportLanguage): Promise<readonly ExportColumn[]>;
}

/** The column sources other features registered at start-up; the exports ask them, in that order, after the fixed columns. */
@Injectable()
export class ExportColumns {
  private readonly sources = new Map<string, ExportColumnSource>();

  register(source: ExportColumnSource): void {
    if (this.sources.has(source.name)) throw new Error(`Export columns ${source.name} are registered twice`);
    this.sources.set(source.name, source);
  }

  async columns(callId: string, language: ExportLanguage): Promise<ExportColumn[]> {
    const columns: ExportColumn[] = [];
    for (const source of this.sources.values()) columns.push(...(await source.columns(callId, language)));
    return columns;
  }
}

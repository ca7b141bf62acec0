import { Injectable } from '@nestjs/common';
import type { ExportColumn, ExportColumnSource, ExportLanguage, FrozenParts } from '#applications';
import { questionColumns, questionHeader, submittedAnswerCell } from '../rules/answer-columns.js';
import type { Question } from '../rules/form-definition.js';
import { FormsRepository } from './forms.repository.js';

/**
 * The call's questions as columns of the application exports: one per question key of any version
 * of its form (document questions have no value, so no column), each cell the answer of the
 * application's latest submission. Who may read which submission the export decides before it asks.
 */
@Injectable()
export class FormAnswerColumns implements ExportColumnSource {
  readonly name = 'answers';

  constructor(private readonly forms: FormsRepository) {}

  async columns(callId: string, language: ExportLanguage): Promise<ExportColumn[]> {
    const versions = await this.forms.formVersions(callId);
    const byVersion = new Map<number, readonly Question[]>(versions.map((v) => [v.version, v.questions]));
    return questionColumns(versions).map((question) => ({
      header: questionHeader(question, language),
      cell: (submission: FrozenParts, agencyId: string) =>
        submission.answers ? submittedAnswerCell(question, byVersion, submission.answers, agencyId, language) : null,
    }));
  }
}

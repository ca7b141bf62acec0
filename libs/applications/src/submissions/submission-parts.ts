import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SubmissionProblem } from '../rules/submission-checks.js';
import type { FrozenParts } from '../rules/submission-snapshot.js';

/** The application a part is asked about: enough to find its own rows. */
export interface SubmissionSubject {
  readonly applicationId: string;
  readonly callId: string;
  /** The agencies of the application's sides. */
  readonly agencyIds: readonly string[];
}

/** What a part answers about a proposal: what of it stops a submission now, and what a submission now freezes of it. */
export interface PartInspection {
  readonly problems: readonly SubmissionProblem[];
  readonly frozen: FrozenParts;
}

/**
 * Something another feature keeps with a proposal (its documents, its answers to the call's form)
 * that a submission checks and freezes. `inspect` answers both from one read of the feature's own
 * tables; at submit it runs inside the submitting transaction, while the application is locked, so
 * what is checked is what is frozen.
 */
export interface SubmissionPart {
  readonly name: keyof FrozenParts;
  inspect(subject: SubmissionSubject, manager: EntityManager): Promise<PartInspection>;
}

/** The parts other features registered at start-up; applications asks them at check and submit. */
@Injectable()
export class SubmissionParts {
  private readonly parts = new Map<string, SubmissionPart>();

  register(part: SubmissionPart): void {
    if (this.parts.has(part.name)) throw new Error(`Submission part ${part.name} is registered twice`);
    this.parts.set(part.name, part);
  }

  /** Every part's problems, in the order the parts registered, and all they would freeze. */
  async inspect(subject: SubmissionSubject, manager: EntityManager): Promise<PartInspection> {
    const problems: SubmissionProblem[] = [];
    let frozen: FrozenParts = {};
    // One after the other: they share the transaction's connection.
    for (const part of this.parts.values()) {
      const inspection = await part.inspect(subject, manager);
      problems.push(...inspection.problems);
      frozen = { ...frozen, ...inspection.frozen };
    }
    return { problems, frozen };
  }
}

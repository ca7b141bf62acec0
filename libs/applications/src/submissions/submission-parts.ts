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

/**
 * Something another feature keeps with a proposal (its documents, its answers to the call's form)
 * that a submission checks and freezes. Both run inside the submitting transaction, while the
 * application is locked, so what is checked is what is frozen.
 */
export interface SubmissionPart {
  readonly name: keyof FrozenParts;
  problems(subject: SubmissionSubject, manager: EntityManager): Promise<SubmissionProblem[]>;
  freeze(subject: SubmissionSubject, manager: EntityManager): Promise<FrozenParts>;
}

/** The parts other features registered at start-up; applications asks them at check and submit. */
@Injectable()
export class SubmissionParts {
  private readonly parts = new Map<string, SubmissionPart>();

  register(part: SubmissionPart): void {
    if (this.parts.has(part.name)) throw new Error(`Submission part ${part.name} is registered twice`);
    this.parts.set(part.name, part);
  }

  async problems(subject: SubmissionSubject, manager: EntityManager): Promise<SubmissionProblem[]> {
    // One after the other: they share the transaction's connection.
    const problems: SubmissionProblem[] = [];
    for (const part of this.parts.values()) problems.push(...(await part.problems(subject, manager)));
    return problems;
  }

  async freeze(subject: SubmissionSubject, manager: EntityManager): Promise<FrozenParts> {
    let frozen: FrozenParts = {};
    for (const part of this.parts.values()) frozen = { ...frozen, ...(await part.freeze(subject, manager)) };
    return frozen;
  }
}

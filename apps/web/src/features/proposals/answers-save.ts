import { ApiError } from '../../api/problem';
import { answersOf, answersToSave, sameAnswers } from '../forms/answers-model';
import type { Answers } from '../forms/form-types';

/** How many times a save reads the server's answers and tries again after a co-PI's save came first. */
export const ANSWER_SAVE_ATTEMPTS = 4;

/** The answers as the api answers them: their version (the ETag to send as If-Match) and the answers. */
export interface ServerAnswers {
  readonly version: number;
  readonly answers: unknown;
}

/** What the page sends: its answers now (`mine`), as they were at its last save (`base`), and the fields not to send. */
export interface AnswersChange {
  readonly mine: Answers;
  readonly base: Answers;
  /** Fields whose answer has a problem: they stay as the server has them until fixed. */
  readonly blocked: ReadonlySet<string>;
}

export interface AnswersServer<T extends ServerAnswers> {
  /** What the server holds now. */
  readonly read: () => Promise<T>;
  /** Saves `answers` if the server still holds `version`; throws the refusal otherwise. */
  readonly write: (answers: Answers, version: number) => Promise<T>;
  /** The refusal says the answers changed since `version` was read (409 VERSION_MISMATCH). */
  readonly stale: (error: unknown) => boolean;
}

/** A refusal because a co-PI saved the answers since they were read: 409 VERSION_MISMATCH. */
export function isStaleAnswers(error: unknown): boolean {
  return error instanceof ApiError && error.problem.code === 'VERSION_MISMATCH';
}

/**
 * One save of the page's answers. It reads what the server holds, puts in each answer this page
 * changed since its last save (an answer both changed is this page's; the others are the server's,
 * a co-PI's included), and saves that on the version it read. When a co-PI saved in between (409),
 * it reads again, merges again and saves again, at most `attempts` times in all; the last refusal is
 * then thrown, and the page's answers stay for the next save. Any other refusal is thrown at once.
 * Answers what the server holds afterwards: what it answered the save, or what was read when the
 * page had nothing the server lacks.
 */
export async function saveMergedAnswers<T extends ServerAnswers>(
  change: AnswersChange,
  server: AnswersServer<T>,
  attempts = ANSWER_SAVE_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const fresh = await server.read();
    const theirs = answersOf(fresh.answers);
    const body = answersToSave(change.mine, change.base, theirs, change.blocked);
    if (sameAnswers(body, theirs)) return fresh;
    try {
      return await server.write(body, fresh.version);
    } catch (error) {
      if (attempt >= attempts || !server.stale(error)) throw error;
    }
  }
}

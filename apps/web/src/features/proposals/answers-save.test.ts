import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import type { Answers } from '../forms/form-types';
import { ANSWER_SAVE_ATTEMPTS, type AnswersServer, isStaleAnswers, saveMergedAnswers, type ServerAnswers } from './answers-save';

const NSF = '0f8a7c2e-1111-4222-8333-444455556666';

function refusal(status: number, code: string, extra: Record<string, unknown> = {}): ApiError {
  return new ApiError({ type: 'about:blank', title: code, status, code, ...extra }, undefined);
}

/**
 * The api's answers as PUT /applications/{id}/answers keeps them: a save is conditional on the
 * version (409 with the current one when stale) and bumps it. `between` runs after each read and
 * before the write that follows it, as a co-PI's save landing in that moment would.
 */
class AnswersOnServer {
  version = 0;
  answers: Answers = {};
  reads = 0;
  readonly sent: { answers: Answers; version: number }[] = [];
  between: ((server: AnswersOnServer) => void) | undefined;

  save(answers: Answers): void {
    this.answers = answers;
    this.version += 1;
  }

  io(): AnswersServer<ServerAnswers> {
    return {
      read: () => {
        this.reads += 1;
        const read = { version: this.version, answers: this.answers };
        this.between?.(this);
        return Promise.resolve(read);
      },
      write: (answers, version) => {
        this.sent.push({ answers, version });
        if (version !== this.version) return Promise.reject(refusal(409, 'VERSION_MISMATCH', { currentVersion: this.version }));
        this.save(answers);
        return Promise.resolve({ version: this.version, answers: this.answers });
      },
      stale: isStaleAnswers,
    };
  }
}

describe('saving the page’s answers on the version read', () => {
  const base: Answers = { proposal: { plan: 'Tidal', size: 3 } };

  it('sends the server’s answers with this page’s changes in, on the version it read', async () => {
    const server = new AnswersOnServer();
    server.save(base);
    const result = await saveMergedAnswers(
      { mine: { proposal: { plan: 'Tidal models', size: 3 } }, base, blocked: new Set() },
      server.io(),
    );
    expect(server.sent).toEqual([{ answers: { proposal: { plan: 'Tidal models', size: 3 } }, version: 1 }]);
    expect(result).toEqual({ version: 2, answers: { proposal: { plan: 'Tidal models', size: 3 } } });
  });

  it('starts from version 0 when nothing is saved yet', async () => {
    const server = new AnswersOnServer();
    await saveMergedAnswers({ mine: { proposal: { plan: 'Tidal' } }, base: {}, blocked: new Set() }, server.io());
    expect(server.sent).toEqual([{ answers: { proposal: { plan: 'Tidal' } }, version: 0 }]);
    expect(server.version).toBe(1);
  });

  it('after a co-PI’s save on another question, reads again, merges again and keeps both answers', async () => {
    const server = new AnswersOnServer();
    server.save(base);
    server.between = (s) => {
      // The co-PI answers the NSF side's question, once, between this page's read and its write.
      server.between = undefined;
      s.save({ ...s.answers, sides: { [NSF]: { ethics: true } } });
    };
    const result = await saveMergedAnswers(
      { mine: { proposal: { plan: 'Tidal models', size: 3 } }, base, blocked: new Set() },
      server.io(),
    );
    expect(server.sent.map((s) => s.version)).toEqual([1, 2]);
    expect(server.reads).toBe(2);
    expect(result.answers).toEqual({ proposal: { plan: 'Tidal models', size: 3 }, sides: { [NSF]: { ethics: true } } });
    expect(server.answers).toEqual(result.answers);
    expect(result.version).toBe(3);
  });

  it('on the same question keeps this page’s answer where it changed it, and the co-PI’s where it did not', async () => {
    const server = new AnswersOnServer();
    server.save(base);
    server.between = (s) => {
      server.between = undefined;
      s.save({ proposal: { plan: 'Tidal turbines', size: 5 } });
    };
    await saveMergedAnswers({ mine: { proposal: { plan: 'Tidal models', size: 3 } }, base, blocked: new Set() }, server.io());
    expect(server.answers).toEqual({ proposal: { plan: 'Tidal models', size: 5 } });
  });

  it('keeps an answer with a problem as the server has it', async () => {
    const server = new AnswersOnServer();
    server.save(base);
    await saveMergedAnswers(
      { mine: { proposal: { plan: 'Tidal models', size: 'many' } }, base, blocked: new Set(['answers.proposal.size']) },
      server.io(),
    );
    expect(server.answers).toEqual({ proposal: { plan: 'Tidal models', size: 3 } });
  });

  it('sends nothing when the server already holds every change', async () => {
    const server = new AnswersOnServer();
    server.save({ proposal: { plan: 'Tidal models', size: 3 } });
    const result = await saveMergedAnswers(
      { mine: { proposal: { plan: 'Tidal models', size: 3 } }, base, blocked: new Set() },
      server.io(),
    );
    expect(server.sent).toEqual([]);
    expect(result).toEqual({ version: 1, answers: { proposal: { plan: 'Tidal models', size: 3 } } });
  });

  it('gives up after a bounded number of attempts, throwing the last conflict, with nothing of the co-PI’s lost', async () => {
    const server = new AnswersOnServer();
    server.save(base);
    let n = 0;
    server.between = (s) => s.save({ ...s.answers, sides: { [NSF]: { note: `co-PI ${++n}` } } });
    const saving = saveMergedAnswers({ mine: { proposal: { plan: 'Tidal models', size: 3 } }, base, blocked: new Set() }, server.io());
    await expect(saving).rejects.toMatchObject({ problem: { code: 'VERSION_MISMATCH', currentVersion: 1 + ANSWER_SAVE_ATTEMPTS } });
    expect(server.sent).toHaveLength(ANSWER_SAVE_ATTEMPTS);
    expect(server.answers).toEqual({ ...base, sides: { [NSF]: { note: `co-PI ${ANSWER_SAVE_ATTEMPTS}` } } });
  });

  it('throws any other refusal at once, without trying again', async () => {
    const server = new AnswersOnServer();
    const io = server.io();
    const invalid = refusal(400, 'VALIDATION_FAILED');
    const saving = saveMergedAnswers(
      { mine: { proposal: { size: 'many' } }, base: {}, blocked: new Set() },
      { ...io, write: () => Promise.reject(invalid) },
    );
    await expect(saving).rejects.toBe(invalid);
    expect(server.reads).toBe(1);
    expect(isStaleAnswers(invalid)).toBe(false);
    expect(isStaleAnswers(new Error('VERSION_MISMATCH'))).toBe(false);
  });
});

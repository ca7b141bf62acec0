import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/problem';
import { validateAnswers } from '../forms/answer-validation';
import {
  answerField,
  type AnswerPlace,
  answersOf,
  missingCount,
  problemsByField,
  rebaseAnswers,
  type RefusedAnswer,
  refusedAnswers,
  sameAnswers,
  standingRefusals,
  withAnswer,
} from '../forms/answers-model';
import { type Answers, asQuestions, type Language, type Question } from '../forms/form-types';
import { isStaleAnswers, saveMergedAnswers } from './answers-save';
import { type ApplicationAnswers, fetchAnswers, proposalKeys, putAnswers } from './proposal-queries';

export interface DraftAnswers {
  /** The questions of the draft's own form version, in order; none when the call asks none. */
  readonly questions: readonly Question[];
  readonly answers: Answers;
  /** Sets one answer (undefined clears it); the editor's autosave sends it. */
  readonly change: (place: AnswerPlace, value: unknown) => void;
  /** The applicant left a question: from now on it also says when its answer is missing for submission. */
  readonly leave: (place: AnswerPlace) => void;
  /** After a check: every question says what it still lacks. */
  readonly revealMissing: () => void;
  /** The problem to show at a question, in `language`: its answer is invalid, was refused, or (once left) is missing. */
  readonly problemAt: (place: AnswerPlace, language: Language) => string | null;
  /** Required answers still missing for submission. */
  readonly missing: number;
  /**
   * Sends the answers changed since the last save, within the editor's queue of writes, on the
   * version of the answers it read (a co-PI's save in between is read, merged and saved again, a
   * few times at most). Throws the api's refusal (an ApiError); a 400's problems are then shown at
   * their questions, and a conflict still standing leaves the answers for the next save.
   */
  readonly save: () => Promise<void>;
}

/**
 * The draft's answers to the call's questions, as the editor holds them: checked as they are typed
 * against the form's draft schema (each given answer valid) and its submit schema (what is still
 * missing), and saved whole with PUT, merged with what the server holds at that moment and
 * conditional on its version (If-Match), so that a co-PI's answers to other questions are not undone,
 * even when their save lands between this page's read and its write. An answer with a problem stays
 * on the page, unsent, until it is fixed.
 */
export function useDraftAnswers(applicationId: string, form: ApplicationAnswers | null): DraftAnswers {
  const client = useQueryClient();
  const questions = useMemo(() => (form === null || form.formVersion === null ? [] : asQuestions(form.questions)), [form]);
  const [answers, setAnswers] = useState<Answers>(() => answersOf(form?.answers));
  const answersRef = useRef(answers);
  useLayoutEffect(() => {
    answersRef.current = answers;
  }, [answers]);
  const saved = useRef<Answers>(answersOf(form?.answers));
  const [refusals, setRefusals] = useState<readonly RefusedAnswer[]>([]);
  const refusalsRef = useRef(refusals);
  useLayoutEffect(() => {
    refusalsRef.current = refusals;
  }, [refusals]);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());

  const draftSchema = form?.draftSchema;
  const submitSchema = form?.submitSchema;
  const draftProblems = useMemo(
    () => (draftSchema && questions.length > 0 ? validateAnswers(draftSchema, answers) : []),
    [draftSchema, questions, answers],
  );
  const submitProblems = useMemo(
    () => (submitSchema && questions.length > 0 ? validateAnswers(submitSchema, answers) : []),
    [submitSchema, questions, answers],
  );
  const draftByField = useMemo(() => problemsByField(draftProblems), [draftProblems]);
  const submitByField = useMemo(() => problemsByField(submitProblems), [submitProblems]);
  const standing = useMemo(() => standingRefusals(refusals, answers), [refusals, answers]);

  const change = useCallback((place: AnswerPlace, value: unknown) => setAnswers((current) => withAnswer(current, place, value)), []);
  const leave = useCallback(
    (place: AnswerPlace) =>
      setRevealed((current) => {
        const field = answerField(place);
        return current.has(field) ? current : new Set([...current, field]);
      }),
    [],
  );
  const revealMissing = useCallback(() => setRevealed(new Set(submitProblems.map((problem) => problem.field))), [submitProblems]);

  const problemAt = useCallback(
    (place: AnswerPlace, language: Language): string | null => {
      const field = answerField(place);
      const invalid = draftByField.get(field) ?? standing.find((refusal) => refusal.field === field);
      if (invalid) return invalid.message[language];
      const missing = submitByField.get(field);
      return missing && missing.code === 'ANSWER_MISSING' && revealed.has(field) ? missing.message[language] : null;
    },
    [draftByField, standing, submitByField, revealed],
  );

  const save = useCallback(async () => {
    if (!draftSchema || questions.length === 0) return;
    const mine = answersRef.current;
    const base = saved.current;
    if (sameAnswers(mine, base)) return;
    const blocked = new Set([
      ...validateAnswers(draftSchema, mine).map((problem) => problem.field),
      ...standingRefusals(refusalsRef.current, mine).map((refusal) => refusal.field),
    ]);
    const result = await saveMergedAnswers(
      { mine, base, blocked },
      {
        read: () => fetchAnswers(applicationId),
        write: async (body, version) => {
          try {
            return await putAnswers(applicationId, version, { ...body });
          } catch (error) {
            if (error instanceof ApiError && error.status === 400 && error.problem.errors) {
              const refused = refusedAnswers(error.problem.errors, body);
              setRefusals((current) => [...current.filter((r) => !refused.some((n) => n.field === r.field)), ...refused]);
            }
            throw error;
          }
        },
        stale: isStaleAnswers,
      },
    );
    const after = answersOf(result.answers);
    saved.current = after;
    client.setQueryData(proposalKeys.answers(applicationId), result);
    setAnswers((current) => rebaseAnswers(current, base, after));
  }, [applicationId, client, draftSchema, questions]);

  return { questions, answers, change, leave, revealMissing, problemAt, missing: missingCount(submitProblems), save };
}

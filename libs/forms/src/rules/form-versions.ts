import type { Question } from './form-definition.js';

/**
 * How a save of a call's form is taken. Before the call opens, the officers shape its one form
 * freely: a save replaces it. Once the call opens, applicants answer it, so it is frozen: a change
 * is a new version, made only on purpose (by the lead agency's officers), and drafts begun on the
 * earlier version keep it.
 */
export type FormEdit =
  | { readonly ok: true; readonly action: 'create' | 'replace'; readonly version: number }
  | { readonly ok: false; readonly code: 'FORM_FROZEN'; readonly message: string };

export function formEdit(current: { readonly version: number } | null, opened: boolean, newVersion: boolean): FormEdit {
  if (current === null) return { ok: true, action: 'create', version: 1 };
  if (!opened && !newVersion) return { ok: true, action: 'replace', version: current.version };
  if (newVersion) return { ok: true, action: 'create', version: current.version + 1 };
  return {
    ok: false,
    code: 'FORM_FROZEN',
    message: `The call is open and applicants answer version ${current.version} of its form; make a new version on purpose (newVersion=true) to change it.`,
  };
}

export interface QuestionChange {
  readonly key: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** The question as the later version asks it (as the earlier one did, for a removed question). */
  readonly question: Question;
}

/**
 * What a later version of a form changed for someone who began on an earlier one: questions added,
 * removed, and changed in anything that affects an answer (type, constraints, choices, required,
 * scope, visibility) or in its wording. Order alone is no change.
 */
export function questionChanges(earlier: readonly Question[], later: readonly Question[]): QuestionChange[] {
  const before = new Map(earlier.map((q) => [q.key, q]));
  const after = new Map(later.map((q) => [q.key, q]));
  const changes: QuestionChange[] = [];
  for (const question of later) {
    const old = before.get(question.key);
    if (!old) changes.push({ key: question.key, change: 'added', question });
    else if (canonical(old) !== canonical(question)) changes.push({ key: question.key, change: 'changed', question });
  }
  for (const question of earlier) if (!after.has(question.key)) changes.push({ key: question.key, change: 'removed', question });
  return changes;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

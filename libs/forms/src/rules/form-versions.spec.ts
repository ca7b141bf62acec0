import { describe, expect, it } from 'vitest';
import type { Question } from './form-definition.js';
import { formEdit, questionChanges } from './form-versions.js';

const question = (key: string, extra: Partial<Question> = {}): Question => ({
  key,
  type: 'short_text',
  label: { en: key, ja: key },
  help: null,
  required: true,
  scope: 'proposal',
  visibility: 'reviewers',
  ...extra,
});

describe('versions of a call form', () => {
  it('creates the first version, and replaces it freely until the call opens', () => {
    expect(formEdit(null, false, false)).toEqual({ ok: true, action: 'create', version: 1 });
    expect(formEdit(null, true, false)).toEqual({ ok: true, action: 'create', version: 1 });
    expect(formEdit({ version: 1 }, false, false)).toEqual({ ok: true, action: 'replace', version: 1 });
  });

  it('refuses to change the form of an open call unless a new version is made on purpose', () => {
    expect(formEdit({ version: 2 }, true, false)).toMatchObject({ ok: false, code: 'FORM_FROZEN' });
    expect(formEdit({ version: 2 }, true, true)).toEqual({ ok: true, action: 'create', version: 3 });
    expect(formEdit({ version: 2 }, false, true)).toEqual({ ok: true, action: 'create', version: 3 });
  });

  it('tells a draft on an earlier version what was added, removed and changed; order alone is no change', () => {
    const earlier = [question('plan'), question('young', { type: 'number', min: 0 }), question('grant')];
    const later = [question('young', { type: 'number', min: 1 }), question('plan'), question('budget_note')];
    expect(questionChanges(earlier, later).map((c) => [c.key, c.change])).toEqual([
      ['young', 'changed'],
      ['budget_note', 'added'],
      ['grant', 'removed'],
    ]);
    expect(questionChanges(earlier, [...earlier].reverse())).toEqual([]);
  });
});

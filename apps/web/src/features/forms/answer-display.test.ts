import { describe, expect, it } from 'vitest';
import { answerDisplay } from './answer-display';
import type { Question } from './form-types';

const question = (extra: Partial<Question>): Question => ({
  key: 'q',
  type: 'short_text',
  label: { en: 'Q', ja: '質問' },
  help: null,
  required: false,
  scope: 'proposal',
  visibility: 'reviewers',
  ...extra,
});

describe('a submitted answer as the pages show it', () => {
  it('is of its question’s kind', () => {
    const choices = [{ value: 'ai', label: { en: 'AI', ja: '人工知能' } }];
    expect(answerDisplay(question({ type: 'number' }), 4)).toEqual({ kind: 'number', value: 4 });
    expect(answerDisplay(question({ type: 'date' }), '2027-02-28')).toEqual({ kind: 'date', day: '2027-02-28' });
    expect(answerDisplay(question({ type: 'yes_no' }), false)).toEqual({ kind: 'yesNo', value: false });
    expect(answerDisplay(question({ type: 'url' }), ' https://example.org ')).toEqual({ kind: 'link', href: 'https://example.org' });
    expect(answerDisplay(question({ type: 'single_choice', choices }), 'ai')).toEqual({
      kind: 'choices',
      choices: [{ value: 'ai', label: { en: 'AI', ja: '人工知能' } }],
    });
  });

  it('is no answer when empty, blank or an empty choice', () => {
    expect(answerDisplay(question({}), undefined)).toEqual({ kind: 'none' });
    expect(answerDisplay(question({}), ' \n')).toEqual({ kind: 'none' });
    expect(answerDisplay(question({ type: 'multiple_choice' }), [])).toEqual({ kind: 'none' });
  });

  it('shows what does not fit its question as text, never dropping it, and names a choice the form lost by its value', () => {
    expect(answerDisplay(question({ type: 'number' }), 'many')).toEqual({ kind: 'text', text: 'many' });
    expect(answerDisplay(question({ type: 'date' }), '2027-13-45')).toEqual({ kind: 'text', text: '2027-13-45' });
    expect(answerDisplay(question({ type: 'url' }), 'javascript:alert(1)')).toEqual({ kind: 'text', text: 'javascript:alert(1)' });
    expect(answerDisplay(question({ type: 'yes_no' }), 'yes')).toEqual({ kind: 'text', text: 'yes' });
    expect(answerDisplay(question({ type: 'multiple_choice', choices: [] }), ['gone'])).toEqual({
      kind: 'choices',
      choices: [{ value: 'gone', label: null }],
    });
    expect(answerDisplay(question({ type: 'document' }), undefined)).toEqual({ kind: 'document', files: [] });
    expect(answerDisplay(question({ type: 'document' }), ['plan.pdf'])).toEqual({ kind: 'document', files: ['plan.pdf'] });
    expect(answerDisplay(question({ type: 'document' }), [])).toEqual({ kind: 'none' });
  });
});

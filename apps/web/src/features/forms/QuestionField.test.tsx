import { act, fireEvent, render, screen } from '@testing-library/react';
import { createInstance, type i18n as I18n } from 'i18next';
import { type ReactNode, useState } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { catalogues } from '../../i18n/catalogues';
import { AnswerView } from './AnswerView';
import type { Language, Question } from './form-types';
import { QuestionField, questionFieldId } from './QuestionField';
import { SubmittedAnswers } from './SubmittedAnswers';

let i18n: I18n;
beforeAll(async () => {
  i18n = createInstance();
  await i18n.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    showSupportNotice: false,
    interpolation: { escapeValue: false },
    resources: { en: { translation: catalogues.en }, ja: { translation: catalogues.ja } },
  });
});

const inPages = (children: ReactNode) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;

const question = (extra: Partial<Question>): Question => ({
  key: 'plan_summary',
  type: 'short_text',
  label: { en: 'Summary of the plan', ja: '計画の概要' },
  help: null,
  required: false,
  scope: 'proposal',
  visibility: 'reviewers',
  ...extra,
});

/** A field holding its answer as the editor does, reporting each answer given. */
function Held({ q, initial, language = 'en', problem }: { q: Question; initial?: unknown; language?: Language; problem?: string }) {
  const [value, setValue] = useState<unknown>(initial);
  return (
    <>
      <QuestionField question={q} value={value} onChange={setValue} language={language} idPrefix="p" problem={problem ?? null} />
      <output data-testid="answer">{value === undefined ? 'undefined' : JSON.stringify(value)}</output>
    </>
  );
}

const answer = () => screen.getByTestId('answer').textContent;
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent);

describe('QuestionField', () => {
  it('labels a short text with its question, says Required in words, counts characters as the server does, and clears on empty', () => {
    render(inPages(<Held q={question({ required: true, maxChars: 20, help: { en: 'In a sentence.', ja: '一文で。' } })} />));
    const input = screen.getByRole('textbox', { name: 'Summary of the plan Required' });
    expect(input.id).toBe(questionFieldId('p', 'plan_summary'));
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(describedBy(input)).toEqual(['In a sentence.', '0 of 20 characters']);
    fireEvent.change(input, { target: { value: '😀 Tides' } });
    expect(answer()).toBe('"😀 Tides"');
    expect(screen.getByText('7 of 20 characters')).toBeTruthy();
    fireEvent.change(input, { target: { value: '' } });
    expect(answer()).toBe('undefined');
  });

  it('shows a problem at the field, tied to it and marking it invalid', () => {
    render(inPages(<Held q={question({})} initial="x" problem="Use at most 20 characters." />));
    const input = screen.getByRole('textbox');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(input)).toContain('Use at most 20 characters.');
  });

  it('counts the words of a long text with a word limit, and says how many are over', () => {
    render(inPages(<Held q={question({ type: 'long_text', maxWords: 3 })} initial="one two three four" />));
    expect(screen.getByRole('textbox').tagName).toBe('TEXTAREA');
    expect(screen.getByText('4 of 3 words: 1 too many')).toBeTruthy();
  });

  it('speaks the language it is given, not the page’s: the builder previews Japanese beside English', () => {
    render(
      inPages(
        <Held
          q={question({ type: 'yes_no', required: true, label: { en: 'Ethics approval obtained?', ja: '倫理審査の承認を得ていますか' } })}
          language="ja"
        />,
      ),
    );
    const group = screen.getByRole('radiogroup', { name: '倫理審査の承認を得ていますか 必須' });
    expect(group.getAttribute('lang')).toBe('ja');
    fireEvent.click(screen.getByRole('radio', { name: 'いいえ' }));
    expect(answer()).toBe('false');
    fireEvent.click(screen.getByRole('radio', { name: 'はい' }));
    expect(answer()).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '回答を取り消す' }));
    expect(answer()).toBe('undefined');
    expect(i18n.language).toBe('en');
  });

  it('keeps a number as typed and answers a number, never the text of one', () => {
    render(inPages(<Held q={question({ type: 'number', integer: true, min: 0, max: 50 })} />));
    const input = screen.getByRole('textbox');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(describedBy(input)).toEqual(['A whole number from 0 to 50']);
    fireEvent.change(input, { target: { value: '１２' } });
    expect(answer()).toBe('12');
    expect((input as HTMLInputElement).value).toBe('１２');
    fireEvent.change(input, { target: { value: '4.' } });
    expect(answer()).toBe('4');
    expect((input as HTMLInputElement).value).toBe('4.');
    fireEvent.change(input, { target: { value: 'four' } });
    expect(answer()).toBe('"four"');
    fireEvent.change(input, { target: { value: '' } });
    expect(answer()).toBe('undefined');
  });

  it('shows a number answered elsewhere (a reload) as its value', () => {
    const { rerender } = render(
      inPages(<QuestionField question={question({ type: 'number' })} value={2.5} onChange={vi.fn()} language="en" idPrefix="p" />),
    );
    expect(screen.getByRole<HTMLInputElement>('textbox').value).toBe('2.5');
    rerender(inPages(<QuestionField question={question({ type: 'number' })} value={7} onChange={vi.fn()} language="en" idPrefix="p" />));
    expect(screen.getByRole<HTMLInputElement>('textbox').value).toBe('7');
  });

  it('asks a single choice with radios in a group named by the question', () => {
    const choices = [
      { value: 'ai', label: { en: 'AI', ja: '人工知能' } },
      { value: 'bio', label: { en: 'Biology', ja: '生物学' } },
    ];
    render(
      inPages(
        <>
          <Held q={question({ key: 'field', type: 'single_choice', choices, label: { en: 'Main field', ja: '主な分野' } })} />
        </>,
      ),
    );
    const group = screen.getByRole('radiogroup', { name: 'Main field' });
    expect(group.id).toBe('p-field');
    fireEvent.click(screen.getByRole('radio', { name: 'Biology' }));
    expect(answer()).toBe('"bio"');
  });

  it('answers a multiple choice with the values ticked, in the order of the choices', () => {
    const choices = [
      { value: 'ai', label: { en: 'AI', ja: '人工知能' } },
      { value: 'bio', label: { en: 'Biology', ja: '生物学' } },
    ];
    render(inPages(<Held q={question({ key: 'topics', type: 'multiple_choice', choices, label: { en: 'Topics', ja: '分野' } })} />));
    const group = screen.getByRole('group', { name: 'Topics' });
    expect(describedBy(group)).toEqual(['Choose all that apply.']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Biology' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'AI' }));
    expect(answer()).toBe('["ai","bio"]');
    fireEvent.click(screen.getByRole('checkbox', { name: 'AI' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Biology' }));
    expect(answer()).toBe('undefined');
  });

  it('takes a date as YYYY-MM-DD and a web address as typed', () => {
    render(
      inPages(
        <>
          <QuestionField
            question={question({ key: 'start', type: 'date' })}
            value="2027-10-01"
            onChange={vi.fn()}
            language="en"
            idPrefix="p"
          />
          <QuestionField
            question={question({ key: 'site', type: 'url', label: { en: 'Project website', ja: 'ウェブサイト' } })}
            value={undefined}
            onChange={vi.fn()}
            language="en"
            idPrefix="p"
          />
        </>,
      ),
    );
    const date = document.getElementById('p-start') as HTMLInputElement;
    expect(date.type).toBe('date');
    expect(date.value).toBe('2027-10-01');
    const url = screen.getByRole('textbox', { name: 'Project website' });
    expect(url.getAttribute('type')).toBe('url');
    expect(describedBy(url)).toEqual(['A web address starting with https:// (or http://)']);
  });

  it('points a document question to its requirement in the Documents section and moves there', () => {
    render(
      inPages(
        <>
          <QuestionField
            question={question({
              key: 'plan',
              type: 'document',
              documentRequirementId: 'r1',
              label: { en: 'Research plan', ja: '研究計画書' },
            })}
            value={undefined}
            onChange={vi.fn()}
            language="en"
            idPrefix="p"
          />
          <section id="document-requirement-r1" tabIndex={-1} aria-label="Research plan slot" />
        </>,
      ),
    );
    const link = screen.getByRole('link', { name: 'Go to the Documents section' });
    expect(link.getAttribute('href')).toBe('#document-requirement-r1');
    expect(link.id).toBe('p-plan');
    expect(describedBy(link)).toContain('Research plan');
    Element.prototype.scrollIntoView = vi.fn();
    act(() => link.click());
    expect(document.activeElement?.id).toBe('document-requirement-r1');
  });

  it('disables every input', () => {
    render(
      inPages(
        <QuestionField question={question({ type: 'yes_no' })} value={true} onChange={vi.fn()} language="en" idPrefix="p" disabled />,
      ),
    );
    expect(screen.getAllByRole('radio').every((radio) => (radio as HTMLInputElement).disabled)).toBe(true);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('AnswerView', () => {
  const view = (q: Partial<Question>, value: unknown) =>
    render(inPages(<AnswerView question={question(q)} value={value} />)).container.textContent;

  it('reads each kind of answer in the page’s language', async () => {
    const choices = [
      { value: 'ai', label: { en: 'AI', ja: '人工知能' } },
      { value: 'bio', label: { en: 'Biology', ja: '生物学' } },
    ];
    expect(view({}, undefined)).toBe('Not answered');
    expect(view({ type: 'yes_no' }, true)).toBe('Yes');
    expect(view({ type: 'number' }, 1234.5)).toBe('1,234.5');
    expect(view({ type: 'date' }, '2027-10-01')).toBe('Oct 1, 2027');
    expect(view({ type: 'multiple_choice', choices }, ['ai', 'bio'])).toBe('AI and Biology');
    expect(view({ type: 'document' }, undefined)).toBe('Submitted as a document: see the submitted documents.');
    await act(() => i18n.changeLanguage('ja'));
    expect(view({ type: 'yes_no' }, false)).toBe('いいえ');
    expect(view({ type: 'single_choice', choices }, 'bio')).toBe('生物学');
    expect(view({ type: 'multiple_choice', choices }, ['ai', 'bio'])).toBe('人工知能、生物学');
    expect(view({ type: 'date' }, '2027-10-01')).toBe('2027年10月1日');
    expect(view({}, '  ')).toBe('未回答');
    await act(() => i18n.changeLanguage('en'));
  });

  it('links only a web address, never another scheme', () => {
    render(inPages(<AnswerView question={question({ type: 'url' })} value="https://example.org/tides" />));
    expect(screen.getByRole('link', { name: 'https://example.org/tides' }).getAttribute('href')).toBe('https://example.org/tides');
    const other = render(inPages(<AnswerView question={question({ type: 'url' })} value="javascript:alert(1)" />));
    expect(other.container.querySelector('a')).toBeNull();
    expect(other.container.textContent).toBe('javascript:alert(1)');
  });
});

describe('SubmittedAnswers', () => {
  const NSF = '0f8a7c2e-1111-4222-8333-444455556666';
  const questions: Question[] = [
    question({ key: 'plan_summary' }),
    question({ key: 'people', type: 'number', label: { en: 'People', ja: '人数' }, visibility: 'office_agency' }),
    question({ key: 'plan', type: 'document', documentRequirementId: 'r1', label: { en: 'Research plan', ja: '研究計画書' } }),
    question({ key: 'cv', type: 'document', documentRequirementId: 'r2', label: { en: 'CV', ja: '履歴書' }, scope: 'side' }),
    question({ key: 'ethics', type: 'yes_no', label: { en: 'Ethics', ja: '倫理' }, scope: 'side' }),
  ];

  it('lists the proposal’s answers, then each side’s under its agency, with the files a document question was answered by', () => {
    render(
      inPages(
        <SubmittedAnswers
          questions={questions}
          answers={{ proposal: { plan_summary: 'Tides', people: 3 }, sides: { [NSF]: { ethics: true } } }}
          agencies={[
            { id: 'jst', shortName: 'JST' },
            { id: NSF, shortName: 'NSF' },
          ]}
          level={3}
          idPrefix="a"
          documents={[
            { requirementId: 'r1', agencyId: null, fileName: 'plan.pdf' },
            { requirementId: 'r2', agencyId: NSF, fileName: 'cv-nsf.pdf' },
          ]}
        />,
      ),
    );
    const all = screen.getByRole('region', { name: "Answers to the call's questions" });
    const terms = [...all.querySelectorAll(':scope > dl dt')].map((dt) => dt.textContent);
    expect(terms).toEqual(['Summary of the plan', 'People Not shown to reviewers', 'Research plan']);
    expect(all.querySelector(':scope > dl')?.textContent).toContain('Submitted as a document: plan.pdf');
    const nsf = screen.getByRole('region', { name: 'NSF side' });
    expect(nsf.textContent).toContain('Submitted as a document: cv-nsf.pdf');
    expect(nsf.textContent).toContain('EthicsYes');
    const jst = screen.getByRole('region', { name: 'JST side' });
    expect(jst.textContent).toBe('JST sideCVNot answeredEthicsNot answered');
  });

  it('shows nothing for a call without questions', () => {
    const { container } = render(
      inPages(<SubmittedAnswers questions={[]} answers={{}} agencies={[]} level={4} idPrefix="a" documents={[]} />),
    );
    expect(container.textContent).toBe('');
  });
});

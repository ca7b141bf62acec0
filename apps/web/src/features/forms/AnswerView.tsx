import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatNumber, pick } from '../../lib/format';
import { answerDisplay } from './answer-display';
import type { Question } from './form-types';

/**
 * A submitted answer, read-only, in the page's language: a choice by its label, yes/no as words, a
 * date as the reader writes dates, a web address as a link, and "Not answered" where there is none.
 * A document question's answer is its upload: `value` is then the names of the files submitted for
 * its document requirement, when known (see answerDisplay).
 */
export function AnswerView({ question, value }: { readonly question: Question; readonly value: unknown }): JSX.Element {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const shown = answerDisplay(question, value);
  switch (shown.kind) {
    case 'none':
      return <span className="muted">{t('forms.answer.notAnswered')}</span>;
    case 'document':
      return shown.files.length === 0 ? (
        <span className="muted">{t('forms.answer.document')}</span>
      ) : (
        <span>
          {t('forms.answer.documentFiles', { files: new Intl.ListFormat(language, { type: 'conjunction' }).format(shown.files) })}
        </span>
      );
    case 'text':
      return <span className={question.type === 'long_text' ? 'pre-line answer-text' : 'answer-text'}>{shown.text}</span>;
    case 'number':
      return <span>{formatNumber(shown.value, language)}</span>;
    case 'date':
      return <time dateTime={shown.day}>{formatDay(shown.day, language)}</time>;
    case 'yesNo':
      return <span>{shown.value ? t('forms.answer.yes') : t('forms.answer.no')}</span>;
    case 'link':
      return (
        <a href={shown.href} rel="noopener noreferrer" className="answer-link">
          {shown.href}
        </a>
      );
    case 'choices': {
      const labels = shown.choices.map((choice) => (choice.label ? pick(choice.label, language) : choice.value));
      return <span>{new Intl.ListFormat(language, { type: 'conjunction' }).format(labels)}</span>;
    }
  }
}

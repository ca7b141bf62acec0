import { type JSX, type MouseEvent, type ReactNode, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber, pick } from '../../lib/format';
import {
  documentRequirementAnchor,
  numberAnswer,
  numberHint,
  numberText,
  questionFieldId,
  sameAnswer,
  textAnswer,
  textCount,
  textLimit,
  toggleChoice,
} from './answers-model';
import type { Language, Question } from './form-types';
import './forms.css';

export { questionFieldId } from './answers-model';

export interface QuestionFieldProps {
  readonly question: Question;
  /** The current answer; undefined when unanswered. */
  readonly value: unknown;
  /** Called with the new answer (undefined clears it: empty text, no choice). */
  readonly onChange: (value: unknown) => void;
  /**
   * The language of the question's texts and of the field's own words (Yes/No, "120 of 500 words"),
   * which may differ from the page's: the form builder previews both languages side by side.
   */
  readonly language: Language;
  /** Makes ids unique where a question appears more than once (a side question per side; two previews). */
  readonly idPrefix: string;
  /** A problem to show at the field, already in `language`; linked by aria-describedby, aria-invalid set. */
  readonly problem?: string | null;
  readonly disabled?: boolean;
}

/** The ids of a field's parts, each linked to its input where it describes it. */
interface FieldIds {
  readonly input: string;
  readonly help: string;
  readonly hint: string;
  readonly count: string;
  readonly problem: string;
}

interface ControlProps {
  readonly question: Question;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  readonly language: Language;
  readonly t: TFunction;
  readonly ids: FieldIds;
  /** The ids that describe the input: help, hints, counter and problem, those present. */
  readonly describedBy: (...own: readonly (string | false | null | undefined)[]) => string | undefined;
  readonly invalid: true | undefined;
  readonly disabled: boolean;
}

/**
 * One question of a call's form as an input of its type, labelled with the question, its help and
 * hints tied to it, the problem shown at it, and "Required" said in words (not by colour or a star
 * alone). Texts count characters or words as the server does; a number keeps what was typed; a
 * document question points to the Documents section, where it is answered by an upload.
 */
export function QuestionField({
  question,
  value,
  onChange,
  language,
  idPrefix,
  problem,
  disabled = false,
}: QuestionFieldProps): JSX.Element {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(language);
  const input = questionFieldId(idPrefix, question.key);
  const ids: FieldIds = {
    input,
    help: `${input}-help`,
    hint: `${input}-hint`,
    count: `${input}-count`,
    problem: `${input}-problem`,
  };
  const help = question.help ? pick(question.help, language) : '';
  const shownProblem = problem ? problem : null;
  const describedBy = (...own: readonly (string | false | null | undefined)[]) =>
    [help && ids.help, ...own, shownProblem && ids.problem].filter((id): id is string => typeof id === 'string' && id !== '').join(' ') ||
    undefined;
  const props: ControlProps = {
    question,
    value,
    onChange,
    language,
    t,
    ids,
    describedBy,
    invalid: shownProblem ? true : undefined,
    disabled,
  };
  const label = (
    <>
      {pick(question.label, language)}
      {question.required && (
        <>
          {' '}
          <span className="badge question-required">{t('forms.field.required')}</span>
        </>
      )}
    </>
  );
  const helpText = help && (
    <p id={ids.help} className="hint pre-line question-help">
      {help}
    </p>
  );
  const problemText = shownProblem && (
    <span id={ids.problem} className="error">
      {shownProblem}
    </span>
  );

  if (question.type === 'single_choice' || question.type === 'multiple_choice' || question.type === 'yes_no') {
    return (
      <fieldset
        id={input}
        tabIndex={-1}
        lang={language}
        className="question-field question-choices"
        aria-describedby={describedBy(question.type === 'multiple_choice' && ids.hint)}
        {...(question.type === 'multiple_choice'
          ? {}
          : { role: 'radiogroup', 'aria-invalid': props.invalid, 'aria-required': question.required || undefined })}
        disabled={disabled}
      >
        <legend>{label}</legend>
        {helpText}
        {question.type === 'multiple_choice' ? <Checkboxes {...props} /> : <Radios {...props} />}
        {problemText}
      </fieldset>
    );
  }

  if (question.type === 'document') {
    return (
      <div className="field question-field question-document" lang={language}>
        <p className="question-label" id={`${input}-label`}>
          {label}
        </p>
        {helpText}
        <DocumentLink {...props} />
        {problemText}
      </div>
    );
  }

  return (
    <div className="field question-field" lang={language}>
      <label htmlFor={input}>{label}</label>
      {helpText}
      <TextLikeControl {...props} />
      {problemText}
    </div>
  );
}

/** The attributes every text-like input shares. */
function inputAttributes({ question, ids, invalid, disabled }: ControlProps, describedBy: string | undefined) {
  return {
    id: ids.input,
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
    'aria-required': question.required || undefined,
    disabled,
  };
}

function TextLikeControl(props: ControlProps) {
  switch (props.question.type) {
    case 'short_text':
    case 'long_text':
      return <TextControl {...props} />;
    case 'number':
      return <NumberControl {...props} />;
    case 'date':
      return <DateControl {...props} />;
    default:
      return <UrlControl {...props} />;
  }
}

function TextControl(props: ControlProps) {
  const { question, value, onChange, language, t, ids, describedBy } = props;
  const text = typeof value === 'string' ? value : '';
  const limit = textLimit(question);
  const count = limit && textCount(limit, text);
  const attributes = inputAttributes(props, describedBy(count ? ids.count : undefined));
  return (
    <>
      {question.type === 'long_text' ? (
        <textarea {...attributes} rows={6} value={text} onChange={(event) => onChange(textAnswer(event.target.value))} />
      ) : (
        <input {...attributes} type="text" value={text} onChange={(event) => onChange(textAnswer(event.target.value))} />
      )}
      {count && (
        <span id={ids.count} className={count.over > 0 ? 'hint question-count question-count-over' : 'hint question-count'}>
          {t(count.over > 0 ? `forms.field.count.${count.unit}Over` : `forms.field.count.${count.unit}`, {
            n: formatNumber(count.count, language),
            max: formatNumber(count.max, language),
            over: formatNumber(count.over, language),
          })}
        </span>
      )}
    </>
  );
}

/**
 * A number as typed: the field keeps the text (a half-typed "1." or "-" stays), and answers the
 * number it reads, or the text itself when it reads none, so that the check names the problem.
 */
function NumberControl(props: ControlProps) {
  const { question, value, onChange, language, t, ids, describedBy } = props;
  const [typed, setTyped] = useState<{ readonly text: string; readonly answer: unknown }>();
  // What was typed here, while the answer is still the one it gave; else the answer as it stands (a reload, another editor).
  const text = typed && sameAnswer(typed.answer, value) ? typed.text : numberText(value);
  const hint = numberHint(question);
  const wholeAndNotNegative = question.integer === true && question.min !== undefined && question.min >= 0;
  return (
    <>
      <input
        {...inputAttributes(props, describedBy(ids.hint))}
        type="text"
        inputMode={wholeAndNotNegative ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={text}
        onChange={(event) => {
          const answer = numberAnswer(event.target.value);
          setTyped({ text: event.target.value, answer });
          onChange(answer);
        }}
      />
      <span id={ids.hint} className="hint">
        {t(`forms.field.number.${hint.key}`, {
          min: hint.min === undefined ? '' : formatNumber(hint.min, language),
          max: hint.max === undefined ? '' : formatNumber(hint.max, language),
        })}
      </span>
    </>
  );
}

function DateControl(props: ControlProps) {
  const { value, onChange, describedBy } = props;
  return (
    <input
      {...inputAttributes(props, describedBy())}
      type="date"
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => onChange(textAnswer(event.target.value))}
    />
  );
}

function UrlControl(props: ControlProps) {
  const { value, onChange, t, ids, describedBy } = props;
  return (
    <>
      <input
        {...inputAttributes(props, describedBy(ids.hint))}
        type="url"
        inputMode="url"
        autoComplete="url"
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => onChange(textAnswer(event.target.value))}
      />
      <span id={ids.hint} className="hint">
        {t('forms.field.url')}
      </span>
    </>
  );
}

/** A single choice, or yes/no: radios, with a button to take the answer back (radios cannot be unticked). */
function Radios({ question, value, onChange, language, t, ids, disabled }: ControlProps) {
  const options: readonly { readonly key: string; readonly answer: string | boolean; readonly label: ReactNode }[] =
    question.type === 'yes_no'
      ? [
          { key: 'yes', answer: true, label: t('forms.field.yes') },
          { key: 'no', answer: false, label: t('forms.field.no') },
        ]
      : (question.choices ?? []).map((choice) => ({ key: choice.value, answer: choice.value, label: pick(choice.label, language) }));
  return (
    <>
      <div className={question.type === 'yes_no' ? 'question-options question-options-inline' : 'question-options'}>
        {options.map((option) => {
          const id = `${ids.input}-${option.key}`;
          return (
            <label key={option.key} className="checkbox" htmlFor={id}>
              <input
                id={id}
                type="radio"
                name={ids.input}
                checked={value === option.answer}
                disabled={disabled}
                onChange={() => onChange(option.answer)}
              />
              {option.label}
            </label>
          );
        })}
      </div>
      {value !== undefined && !disabled && (
        <p className="question-clear">
          <button type="button" className="link-button" onClick={() => onChange(undefined)}>
            {t('forms.field.clear')}
          </button>
        </p>
      )}
    </>
  );
}

function Checkboxes({ question, value, onChange, language, t, ids, invalid, disabled }: ControlProps) {
  const chosen = Array.isArray(value) ? value : [];
  return (
    <>
      <p id={ids.hint} className="hint">
        {t('forms.field.chooseAll')}
      </p>
      <div className="question-options">
        {(question.choices ?? []).map((choice) => {
          const id = `${ids.input}-${choice.value}`;
          return (
            <label key={choice.value} className="checkbox" htmlFor={id}>
              <input
                id={id}
                type="checkbox"
                checked={chosen.includes(choice.value)}
                aria-invalid={invalid}
                disabled={disabled}
                onChange={(event) => onChange(toggleChoice(question, value, choice.value, event.target.checked))}
              />
              {pick(choice.label, language)}
            </label>
          );
        })}
      </div>
    </>
  );
}

/** A document question: answered by an upload in the Documents section, which this links to. */
function DocumentLink({ question, t, ids, describedBy }: ControlProps) {
  const requirementId = question.documentRequirementId;
  const anchor = requirementId === undefined ? undefined : documentRequirementAnchor(requirementId);
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = anchor === undefined ? null : document.getElementById(anchor);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
    target.focus();
  };
  return (
    <>
      <p id={ids.hint} className="hint">
        {t('forms.field.document')}
      </p>
      {anchor !== undefined && (
        <p>
          <a id={ids.input} href={`#${anchor}`} aria-describedby={describedBy(`${ids.input}-label`, ids.hint)} onClick={follow}>
            {t('forms.field.documentLink')}
          </a>
        </p>
      )}
    </>
  );
}

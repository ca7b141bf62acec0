import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../forms/form-types';
import { QuestionField } from '../forms/QuestionField';
import type { Call } from './call-form';
import { previewQuestion, type QuestionDraft } from './form-builder';

const P = 'agencyCalls.formBuilder.preview';
const LANGUAGES: readonly Language[] = ['en', 'ja'];

/**
 * The questions as applicants will see them, English and Japanese side by side, following every
 * keystroke of the editor. The fields can be tried; what is typed stays in this page.
 */
export function FormPreview({ call, drafts }: { readonly call: Call; readonly drafts: readonly QuestionDraft[] }) {
  const { t } = useTranslation();
  // Per language, question and type: an answer tried for one type does not reach the field of another.
  const [values, setValues] = useState<Readonly<Record<string, unknown>>>({});
  const agencies = call.agencies.map((a) => a.agency.shortName).join(', ');
  return (
    <section className="form-preview" aria-labelledby="form-preview-heading">
      <h2 id="form-preview-heading">{t(`${P}.heading`)}</h2>
      <p className="muted small">{t(`${P}.hint`)}</p>
      {/* The columns share their rows (CSS subgrid), so that a question stands level with its translation. */}
      <div className="form-preview-columns" style={{ '--rows': Math.max(drafts.length, 1) + 1 } as CSSProperties}>
        {LANGUAGES.map((language) => (
          <PreviewColumn
            key={language}
            language={language}
            drafts={drafts}
            agencies={agencies}
            valueOf={(draft) => values[`${language}:${draft.id}:${draft.type}`]}
            onChange={(draft, value) => setValues((before) => ({ ...before, [`${language}:${draft.id}:${draft.type}`]: value }))}
          />
        ))}
      </div>
    </section>
  );
}

function PreviewColumn({
  language,
  drafts,
  agencies,
  valueOf,
  onChange,
}: {
  readonly language: Language;
  readonly drafts: readonly QuestionDraft[];
  readonly agencies: string;
  readonly valueOf: (draft: QuestionDraft) => unknown;
  readonly onChange: (draft: QuestionDraft, value: unknown) => void;
}) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(language);
  const untitled = {
    en: i18n.getFixedT('en')(`${P}.untitled`),
    ja: i18n.getFixedT('ja')(`${P}.untitled`),
  };
  const headingId = `form-preview-${language}`;
  return (
    <section className="form-preview-column" lang={language} aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`${P}.language`)}</h3>
      {drafts.length === 0 && <p className="muted small">{t(`${P}.empty`)}</p>}
      {drafts.map((draft) => (
        <div key={draft.id} className="form-preview-question" data-question={draft.id}>
          {(draft.scope === 'side' || draft.visibility === 'office_agency') && (
            <p className="notes">
              {draft.visibility === 'office_agency' && <span className="badge badge-office-only">{t(`${P}.officeOnly`)}</span>}
              {draft.scope === 'side' && <span className="side-note">{t(`${P}.side`, { agencies })}</span>}
            </p>
          )}
          <QuestionField
            question={previewQuestion(draft, untitled)}
            value={valueOf(draft)}
            onChange={(value) => onChange(draft, value)}
            language={language}
            idPrefix={`form-preview-${language}-${draft.id}`}
          />
        </div>
      ))}
    </section>
  );
}

import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A button that asks first, in a modal dialog (focus is kept inside; Escape cancels). */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  danger = false,
}: {
  readonly label: string;
  readonly question: string;
  readonly onConfirm: () => void;
  readonly danger?: boolean;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <button type="button" className={danger ? 'button-danger' : 'button-secondary'} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId}>
        <h2 id={titleId}>{label}</h2>
        <p>{question}</p>
        <div className="inline">
          <button
            type="button"
            className={danger ? 'button-danger' : undefined}
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {t('common.confirm')}
          </button>
          <button type="button" className="button-secondary" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}

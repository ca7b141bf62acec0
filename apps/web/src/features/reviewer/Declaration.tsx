import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { pagePath } from '../../app/page-paths';
import { formText } from '../../lib/form';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { type MyAssignment, useAcceptAssignment, useDeclareConflict, useDeclineAssignment } from './reviewer-queries';

/**
 * Before the proposal is shown: accept with a declaration of no conflict of interest, declare a
 * conflict with its reason, or decline with a reason. Nothing of the proposal is here but its title.
 */
export function Declaration({ assignment }: { readonly assignment: MyAssignment }) {
  const { t } = useTranslation();
  const accept = useAcceptAssignment(assignment.id);
  const conflict = useDeclareConflict(assignment.applicationId);
  const decline = useDeclineAssignment(assignment.id);
  const navigate = useNavigate();
  const [notDeclared, setNotDeclared] = useState(false);
  const ids = { accept: useId(), conflict: useId(), decline: useId(), notDeclared: useId() };

  const onAccept = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const declared = new FormData(event.currentTarget).get('noConflict') === 'yes';
    setNotDeclared(!declared);
    if (declared) accept.mutate();
  };

  return (
    <section aria-labelledby={ids.accept}>
      <h2 id={ids.accept}>{t('reviewer.declaration.heading')}</h2>
      <p>{t('reviewer.declaration.intro')}</p>
      <form className="card" noValidate onSubmit={onAccept} aria-label={t('reviewer.declaration.acceptHeading')}>
        <h3>{t('reviewer.declaration.acceptHeading')}</h3>
        <div className="checkbox">
          <input
            id={`${ids.accept}-box`}
            name="noConflict"
            type="checkbox"
            value="yes"
            aria-invalid={notDeclared || undefined}
            aria-describedby={notDeclared ? ids.notDeclared : undefined}
            onChange={(e) => e.currentTarget.checked && setNotDeclared(false)}
          />
          <label htmlFor={`${ids.accept}-box`}>{t('reviewer.declaration.noConflict')}</label>
        </div>
        {notDeclared && (
          <p role="alert" className="alert alert-error" id={ids.notDeclared}>
            {t('reviewer.declaration.mustDeclare')}
          </p>
        )}
        <ProblemAlert error={accept.error} />
        <button type="submit" disabled={accept.isPending}>
          {t('reviewer.declaration.accept')}
        </button>
      </form>
      <ReasonForm
        id={ids.conflict}
        heading={t('reviewer.declaration.conflictHeading')}
        label={t('reviewer.declaration.conflictReason')}
        hint={t('reviewer.declaration.conflictHint')}
        button={t('reviewer.declaration.conflict')}
        pending={conflict.isPending}
        error={conflict.error}
        onSend={(reason) =>
          conflict.mutate(reason, { onSuccess: () => void navigate(pagePath('reviewer'), { state: { conflictDeclared: true } }) })
        }
      />
      <ReasonForm
        id={ids.decline}
        heading={t('reviewer.declaration.declineHeading')}
        label={t('reviewer.declaration.declineReason')}
        button={t('reviewer.declaration.decline')}
        pending={decline.isPending}
        error={decline.error}
        onSend={(reason) => decline.mutate(reason)}
      />
    </section>
  );
}

/** A reason and the button that sends it; an empty reason is refused here, announced. */
function ReasonForm(props: {
  readonly id: string;
  readonly heading: string;
  readonly label: string;
  readonly hint?: string;
  readonly button: string;
  readonly pending: boolean;
  readonly error: unknown;
  readonly onSend: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [missing, setMissing] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = formText(new FormData(event.currentTarget), 'reason');
    setMissing(reason === '');
    if (reason !== '') props.onSend(reason);
  };
  const described = [props.hint ? `${props.id}-hint` : '', missing ? `${props.id}-missing` : ''].filter(Boolean).join(' ');
  return (
    <form className="card" noValidate onSubmit={onSubmit} aria-labelledby={`${props.id}-heading`}>
      <h3 id={`${props.id}-heading`}>{props.heading}</h3>
      <div className="field">
        <label htmlFor={`${props.id}-reason`}>{props.label}</label>
        <textarea
          id={`${props.id}-reason`}
          name="reason"
          rows={3}
          maxLength={2000}
          required
          aria-invalid={missing || undefined}
          aria-describedby={described || undefined}
        />
        {props.hint && (
          <p className="muted small" id={`${props.id}-hint`}>
            {props.hint}
          </p>
        )}
      </div>
      {missing && (
        <p role="alert" className="alert alert-error" id={`${props.id}-missing`}>
          {t('reviewer.declaration.reasonRequired')}
        </p>
      )}
      <ProblemAlert error={props.error} />
      <button type="submit" className="button-secondary" disabled={props.pending}>
        {props.button}
      </button>
    </form>
  );
}

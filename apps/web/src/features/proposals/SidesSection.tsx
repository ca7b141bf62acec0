import { formText } from '../../lib/form';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call as callApi } from '../../api/client';
import { formatMoney } from '../../lib/format';
import { Deadline } from '../../ui/Deadline';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import type { Call } from '../calls/calls-queries';
import type { DraftSide } from './draft-model';
import type { EditorHandle } from './ProposalEditor';
import { fieldAnchor } from './submission-problem';
import { type Application, updateSide } from './proposal-queries';
import { Localized } from '../../ui/Localized';

const CURRENCIES = ['JPY', 'USD', 'EUR', 'GBP', 'CNY', 'KRW', 'THB', 'IDR', 'SEK'] as const;

/** One side per agency: its PI, institution and budget per year; caps and deadlines beside them; the call's questions for the side. */
export function SidesSection({
  application,
  call,
  draft,
  onChange,
  write,
  sideQuestions,
}: {
  readonly application: Application;
  readonly call: Call;
  readonly draft: readonly DraftSide[];
  readonly onChange: (agencyId: string, change: Partial<DraftSide>) => void;
  readonly write: EditorHandle['write'];
  /** The call's questions asked of each side, for the side of this agency. */
  readonly sideQuestions?: (agencyId: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const track = call.tracks.find((tr) => tr.id === application.trackId);

  return (
    <section aria-labelledby="sides-heading">
      <h2 id="sides-heading">{t('proposal.sectionSides')}</h2>
      {application.sides.map((side, index) => {
        const entry = call.agencies.find((a) => a.agency.id === side.agency.id);
        const model = draft.find((d) => d.agencyId === side.agency.id);
        if (!model) return null;
        const prefix = `sides[${index}]`;
        return (
          <fieldset key={side.agency.id} className="card">
            <legend>
              {side.agency.shortName} · {t(`calls.roles.${side.role}`)} <StatusBadge status={side.status} />
            </legend>
            <dl className="facts">
              <dt>{t('calls.deadline')}</dt>
              <dd>
                <Deadline utc={side.deadline.utc} agencyZone={side.deadline.timeZone} />
              </dd>
              {entry?.budgetCap && (
                <>
                  <dt>{t('calls.budgetCap')}</dt>
                  <dd>{formatMoney(entry.budgetCap.amount, entry.budgetCap.currency, language)}</dd>
                </>
              )}
              {track?.maxBudget && (
                <>
                  <dt>{t('proposal.trackCap')}</dt>
                  <dd>{formatMoney(track.maxBudget.amount, track.maxBudget.currency, language)}</dd>
                </>
              )}
              <dt>{t('proposal.sidePi')}</dt>
              <dd>{side.pi.name ?? t('proposal.noPiYet')}</dd>
              <dt>{t('proposal.institution')}</dt>
              <dd>{side.institution?.shortName ?? t('proposal.noInstitutionYet')}</dd>
            </dl>
            {side.role === 'partner' && <PartnerPiFinder application={application} agencyId={side.agency.id} write={write} />}
            <InstitutionPicker
              id={fieldAnchor(`${prefix}.institutionId`)}
              onPick={(institutionId) => onChange(side.agency.id, { institutionId })}
            />
            <div className="field">
              <label htmlFor={fieldAnchor(`${prefix}.budgetCurrency`)}>{t('proposal.currency')}</label>
              <select
                id={fieldAnchor(`${prefix}.budgetCurrency`)}
                value={model.budgetCurrency}
                onChange={(e) => onChange(side.agency.id, { budgetCurrency: e.target.value })}
              >
                <option value="">{t('proposal.chooseCurrency')}</option>
                {CURRENCIES.map((currency) => (
                  <option key={currency} value={currency}>
                    {currency}
                  </option>
                ))}
              </select>
            </div>
            <fieldset id={fieldAnchor(`${prefix}.budgetPerYear`)} tabIndex={-1}>
              <legend>{t('proposal.budgetPerYear')}</legend>
              {model.budgetPerYear.map((amount, year) => (
                <div className="field" key={year}>
                  <label htmlFor={`${fieldAnchor(`${prefix}.budgetPerYear`)}-${year}`}>{t('proposal.year', { n: year + 1 })}</label>
                  <input
                    id={`${fieldAnchor(`${prefix}.budgetPerYear`)}-${year}`}
                    inputMode="decimal"
                    value={amount}
                    onChange={(e) =>
                      onChange(side.agency.id, { budgetPerYear: model.budgetPerYear.map((a, i) => (i === year ? e.target.value : a)) })
                    }
                  />
                </div>
              ))}
              <div className="inline">
                <button
                  type="button"
                  className="button-secondary"
                  disabled={model.budgetPerYear.length >= 10}
                  onClick={() => onChange(side.agency.id, { budgetPerYear: [...model.budgetPerYear, ''] })}
                >
                  {t('proposal.addYear')}
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  disabled={model.budgetPerYear.length === 0}
                  onClick={() => onChange(side.agency.id, { budgetPerYear: model.budgetPerYear.slice(0, -1) })}
                >
                  {t('proposal.removeYear')}
                </button>
              </div>
            </fieldset>
            {sideQuestions?.(side.agency.id)}
          </fieldset>
        );
      })}
    </section>
  );
}

/** Search an institution by name and choose it. */
function InstitutionPicker({ id, onPick }: { readonly id: string; readonly onPick: (institutionId: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['organizations', 'institutions', search],
    queryFn: () => callApi(api.GET('/organizations', { params: { query: { kind: 'institution', q: search, limit: 20 } } })),
    enabled: search.length >= 2,
  });
  return (
    <div className="inline">
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('proposal.findInstitution')}</label>
        <input id={`${id}-search`} value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className="field">
        <button type="button" className="button-secondary" onClick={() => setSearch(q.trim())}>
          {t('common.search')}
        </button>
      </div>
      {found.data && (
        <div className="field">
          <label htmlFor={id}>{t('proposal.institution')}</label>
          <select id={id} defaultValue="" onChange={(e) => e.target.value && onPick(e.target.value)}>
            <option value="">{t('proposal.chooseInstitution', { count: found.data.items.length })}</option>
            {found.data.items.map((org) => (
              <option key={org.id} value={org.id}>
                <Localized text={org.name} /> ({org.country})
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

/** The partner side's PI: a person with an account, found by exact e-mail address (their institution comes with them). */
function PartnerPiFinder({
  application,
  agencyId,
  write,
}: {
  readonly application: Application;
  readonly agencyId: string;
  readonly write: EditorHandle['write'];
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const find = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = formText(new FormData(event.currentTarget), 'email');
    setError(undefined);
    setDone(undefined);
    try {
      const person = await callApi(api.GET('/people/lookup', { params: { query: { email } } }));
      await write((version) =>
        updateSide(application.id, agencyId, version, { piUserId: person.id, institutionId: person.organisation?.id ?? null }),
      );
      setDone(person.name);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form className="inline" onSubmit={(event) => void find(event)} aria-label={t('proposal.findPartnerPi')}>
      <div className="field">
        <label htmlFor={`partner-pi-${agencyId}`}>{t('proposal.partnerPiEmail')}</label>
        <input id={`partner-pi-${agencyId}`} name="email" type="email" autoComplete="off" required />
      </div>
      <div className="field">
        <button type="submit" className="button-secondary">
          {t('proposal.findPartnerPi')}
        </button>
      </div>
      {done && (
        <p role="status" className="alert alert-ok">
          {t('proposal.partnerPiSet', { name: done })}
        </p>
      )}
      <ProblemAlert error={error} />
    </form>
  );
}

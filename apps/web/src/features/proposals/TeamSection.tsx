import { formText } from '../../lib/form';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, ifMatch } from '../../api/client';
import { ProblemAlert } from '../../ui/ProblemAlert';
import type { EditorHandle } from './ProposalEditor';
import { fieldAnchor } from './submission-problem';
import { type Application, type Member, type MemberInput } from './proposal-queries';

const ROLES = ['co_pi', 'partner_pi', 'co_investigator'] as const;

/** The team: roles and the early-career flag; members are added, changed and removed at once (each a versioned write). */
export function TeamSection({
  application,
  write: writeThrough,
}: {
  readonly application: Application;
  readonly write: EditorHandle['write'];
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const id = application.id;

  const write = async (send: (version: number) => Promise<Application>) => {
    setError(undefined);
    try {
      await writeThrough(send);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  };

  const inputOf = (member: Member): MemberInput => ({
    name: member.name,
    role: member.role,
    earlyCareer: member.earlyCareer ?? false,
    ...(member.userId ? { userId: member.userId } : {}),
    ...(member.email ? { email: member.email } : {}),
    ...(member.orcid ? { orcid: member.orcid } : {}),
    ...(member.institutionId ? { institutionId: member.institutionId } : {}),
    ...(member.country ? { country: member.country } : {}),
  });

  const setEarlyCareer = (member: Member, earlyCareer: boolean) =>
    write((version) =>
      call(
        api.PATCH('/applications/{id}/members/{memberId}', {
          params: { path: { id, memberId: member.id }, header: ifMatch(version) },
          body: { ...inputOf(member), earlyCareer },
        }),
      ),
    );

  const remove = (member: Member) =>
    write((version) =>
      call(
        api.DELETE('/applications/{id}/members/{memberId}', { params: { path: { id, memberId: member.id }, header: ifMatch(version) } }),
      ),
    );

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = formText(form, 'email');
    const member: MemberInput = {
      name: formText(form, 'name'),
      role: formText(form, 'role') as MemberInput['role'],
      earlyCareer: form.get('earlyCareer') === 'on',
      ...(email ? { email } : {}),
    };
    if (
      await write((version) =>
        call(api.POST('/applications/{id}/members', { params: { path: { id }, header: ifMatch(version) }, body: member })),
      )
    ) {
      formElement.reset();
    }
  };

  return (
    <section aria-labelledby="team-heading" id={fieldAnchor('members')} tabIndex={-1}>
      <h2 id="team-heading">{t('proposal.sectionTeam')}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('proposal.sectionTeam')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('proposal.memberName')}</th>
              <th scope="col">{t('proposal.memberRole')}</th>
              <th scope="col">{t('proposal.earlyCareer')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('proposal.memberActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {application.members.map((member) => (
              <tr key={member.id}>
                <th scope="row">
                  {member.name}
                  {member.email && <span className="muted small"> {member.email}</span>}
                </th>
                <td>{t(`roles.${member.role}`)}</td>
                <td>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={member.earlyCareer ?? false}
                      onChange={(e) => void setEarlyCareer(member, e.target.checked)}
                    />
                    <span className="visually-hidden">{t('proposal.earlyCareerOf', { name: member.name })}</span>
                  </label>
                </td>
                <td>
                  {member.role !== 'pi' && (
                    <button type="button" className="button-danger" onClick={() => void remove(member)}>
                      {t('proposal.removeMemberNamed', { name: member.name })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ProblemAlert error={error} />
      <form className="card" onSubmit={(event) => void add(event)} aria-labelledby="add-member-heading">
        <h3 id="add-member-heading">{t('proposal.addMember')}</h3>
        <div className="inline">
          <div className="field">
            <label htmlFor="member-name">{t('proposal.memberName')}</label>
            <input id="member-name" name="name" required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="member-email">{t('proposal.memberEmail')}</label>
            <input id="member-email" name="email" type="email" />
          </div>
          <div className="field">
            <label htmlFor="member-role">{t('proposal.memberRole')}</label>
            <select id="member-role" name="role" defaultValue="co_investigator">
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="checkbox" htmlFor="member-early">
              <input id="member-early" name="earlyCareer" type="checkbox" />
              {t('proposal.earlyCareer')}
            </label>
          </div>
          <div className="field">
            <button type="submit">{t('proposal.addMember')}</button>
          </div>
        </div>
      </form>
    </section>
  );
}

import { DateTime } from 'luxon';
import type { InvitationLetter } from '#identity';

export interface RenderedLetter {
  readonly subject: string;
  readonly text: string;
  /** Content-Language: the letter is in both languages, as the invitee's is not known yet. */
  readonly language: string;
}

const ROLES: Readonly<Record<string, { readonly en: string; readonly ja: string }>> = {
  pi: { en: 'PI', ja: '研究代表者' },
  co_pi: { en: 'co-PI', ja: '共同研究代表者' },
  partner_pi: { en: 'partner PI', ja: '相手国研究代表者' },
  co_investigator: { en: 'co-investigator', ja: '共同研究者' },
};

/**
 * The invitation e-mail, in English and then in Japanese, with the link that carries the token.
 * The invitee has no account yet, so neither their language nor their time zone is known: the
 * expiry is given in UTC.
 */
export function renderInvitation(letter: InvitationLetter, publicUrl: string): RenderedLetter {
  const { title, call } = letter.target;
  const role = ROLES[letter.target.role] ?? { en: letter.target.role, ja: letter.target.role };
  const organisation = letter.inviter.organisation;
  const link = `${publicUrl}/invitations/${letter.token}`;
  const until = DateTime.fromJSDate(letter.expiresAt, { zone: 'UTC' }).toFormat("yyyy-MM-dd HH:mm 'UTC'");
  const english = [
    `Dear ${letter.name},`,
    '',
    `${letter.inviter.name}${organisation ? ` (${organisation.en})` : ''} invites you to join the team of the proposal "${title}" as ${role.en}, in the call ${call.en}.`,
    '',
    `To accept, set up your jointcall account through this link before ${until}:`,
    link,
    '',
    'If you did not expect this invitation, ignore this e-mail: nothing happens unless the link is used.',
  ];
  const japanese = [
    `${letter.name} 様`,
    '',
    `${letter.inviter.name}${organisation ? `（${organisation.ja}）` : ''}さんから、公募「${call.ja}」への提案「${title}」のチームに${role.ja}として招待されています。`,
    '',
    `次のリンクから jointcall のアカウントを作成して参加してください（有効期限: ${until}）。`,
    link,
    '',
    '心当たりがない場合は、このメールを破棄してください。リンクが使われない限り何も起こりません。',
  ];
  return {
    subject: `[jointcall] Invitation to join "${title}" / 「${title}」への招待`,
    text: `${english.join('\n')}\n\n――――\n\n${japanese.join('\n')}\n`,
    language: 'en, ja',
  };
}

import { describe, expect, it } from 'vitest';
import type { InvitationLetter } from '#identity';
import { renderInvitation } from './invitation-letter.js';

const letter: InvitationLetter = {
  id: '2f1c3b1e-8d4a-4c55-9a43-0f5e3b8f7d21',
  email: 'ada.partner@lab.example.edu',
  name: 'Ada Partner',
  token: 'T'.repeat(43),
  expiresAt: new Date('2027-02-15T00:00:00Z'),
  inviter: { name: 'Haruka Sato', organisation: { ja: '東京大学', en: 'The University of Tokyo' } },
  target: {
    title: '量子センシングの日米共同研究',
    call: { ja: '日米量子共同研究 2027', en: 'Japan-US quantum joint call 2027' },
    role: 'partner_pi',
  },
};

describe('the invitation e-mail', () => {
  const rendered = renderInvitation(letter, 'https://jointcall.example.org');

  it('names the proposal in its subject, in both languages', () => {
    expect(rendered.subject).toBe(
      '[jointcall] Invitation to join "量子センシングの日米共同研究" / 「量子センシングの日米共同研究」への招待',
    );
    expect(rendered.language).toBe('en, ja');
  });

  it('says who invites whom to what, in English and then in Japanese, with the expiry in UTC', () => {
    expect(rendered.text).toContain(
      'Haruka Sato (The University of Tokyo) invites you to join the team of the proposal "量子センシングの日米共同研究" as partner PI, in the call Japan-US quantum joint call 2027.',
    );
    expect(rendered.text).toContain(
      'Haruka Sato（東京大学）さんから、公募「日米量子共同研究 2027」への提案「量子センシングの日米共同研究」のチームに相手国研究代表者として招待されています。',
    );
    expect(rendered.text).toContain('before 2027-02-15 00:00 UTC');
    expect(rendered.text.indexOf('Dear Ada Partner,')).toBeLessThan(rendered.text.indexOf('Ada Partner 様'));
  });

  it('carries the link with the token, once per language', () => {
    const link = `https://jointcall.example.org/invitations/${'T'.repeat(43)}`;
    expect(rendered.text.split(link)).toHaveLength(3);
  });

  it('does without the inviter’s organisation when they have none, and shows an unknown role as it is', () => {
    const plain = renderInvitation(
      { ...letter, inviter: { name: 'Haruka Sato', organisation: null }, target: { ...letter.target, role: 'mentor' } },
      'http://127.0.0.1:3000',
    );
    expect(plain.text).toContain('Haruka Sato invites you to join the team of the proposal "量子センシングの日米共同研究" as mentor,');
    expect(plain.text).toContain('Haruka Satoさんから');
  });
});

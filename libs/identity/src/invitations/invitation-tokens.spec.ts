import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  INVITATION_TTL_MS,
  invitationStatus,
  invitationToken,
  invitationTokenHash,
  invitationTokenKey,
  isInvitationTokenShaped,
} from './invitation-tokens.js';

const ID = '2f1c3b1e-8d4a-4c55-9a43-0f5e3b8f7d21';

describe('invitation tokens', () => {
  const key = invitationTokenKey('a signing secret of at least thirty-two characters');

  it('are 43 base64url characters, the same for the same invitation and key', () => {
    const token = invitationToken(key, ID);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(isInvitationTokenShaped(token)).toBe(true);
    expect(invitationToken(key, ID)).toBe(token);
  });

  it('differ between invitations and between keys, and cannot be made without the key', () => {
    const other = invitationTokenKey('another signing secret of at least thirty-two characters');
    const token = invitationToken(key, ID);
    expect(invitationToken(key, ID.replace(/1$/, '2'))).not.toBe(token);
    expect(invitationToken(other, ID)).not.toBe(token);
    expect(token).not.toBe(createHash('sha256').update(ID).digest('base64url'));
  });

  it('are stored as their SHA-256', () => {
    const token = invitationToken(key, ID);
    expect(invitationTokenHash(token).equals(createHash('sha256').update(token).digest())).toBe(true);
  });

  it.each(['', 'x'.repeat(42), 'x'.repeat(44), `${'x'.repeat(42)}=`, `${'x'.repeat(42)}/`])('refuses the shape of %j', (token) => {
    expect(isInvitationTokenShaped(token)).toBe(false);
  });
});

describe('invitation status', () => {
  const created = new Date('2027-02-01T00:00:00Z');
  const expiresAt = new Date(created.getTime() + INVITATION_TTL_MS);

  it('lasts fourteen days', () => {
    expect(expiresAt.toISOString()).toBe('2027-02-15T00:00:00.000Z');
  });

  it('is pending until the instant of expiry, and expired from then on', () => {
    expect(invitationStatus({ acceptedAt: null, expiresAt }, new Date(expiresAt.getTime() - 1))).toBe('pending');
    expect(invitationStatus({ acceptedAt: null, expiresAt }, expiresAt)).toBe('expired');
  });

  it('stays accepted, even after its expiry', () => {
    expect(invitationStatus({ acceptedAt: created, expiresAt }, new Date(expiresAt.getTime() + 1))).toBe('accepted');
  });
});

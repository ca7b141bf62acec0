import { createHash, createHmac, hkdfSync } from 'node:crypto';

/** How long an invitation can be accepted. */
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type InvitationStatus = 'pending' | 'accepted' | 'expired';

/**
 * The key invitation tokens are derived with: HKDF-SHA-256 of the server's signing secret under a
 * label of its own, so the key serves nothing else and the secret is never used directly.
 */
export function invitationTokenKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'jointcall invitation tokens', 32));
}

/**
 * The token of an invitation: HMAC-SHA-256 of its id under the server's key, base64url (43
 * characters, 256 bits). It is computed again whenever the invitation is e-mailed, so neither the
 * invitation nor its e-mail job ever holds it; only its hash is stored.
 */
export function invitationToken(key: Buffer, invitationId: string): string {
  return createHmac('sha256', key).update(invitationId, 'utf8').digest('base64url');
}

/** What is stored and looked up: SHA-256 of the token. */
export function invitationTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A token this API could have issued; anything else is not looked up at all. */
export function isInvitationTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Accepted once and for all; otherwise usable until (not at) its expiry. */
export function invitationStatus(invitation: { readonly acceptedAt: Date | null; readonly expiresAt: Date }, now: Date): InvitationStatus {
  if (invitation.acceptedAt !== null) return 'accepted';
  return now.getTime() < invitation.expiresAt.getTime() ? 'pending' : 'expired';
}

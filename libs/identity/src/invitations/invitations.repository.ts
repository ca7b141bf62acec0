import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** An invitation with its inviter, as the invitation page and its e-mail show them. */
export interface InvitationRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly organisationId: string | null;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly expiresAt: Date;
  readonly emailedAt: Date | null;
  readonly acceptedAt: Date | null;
  readonly inviter: { readonly name: string; readonly organisation: { readonly ja: string; readonly en: string } | null };
}

/** A pending invitation of an address, locked for its acceptance. */
export interface PendingInvitation {
  readonly id: string;
  readonly subjectType: string;
  readonly subjectId: string;
}

export interface NewInvitation {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly organisationId: string | null;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly invitedById: string;
  readonly tokenHash: Buffer;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

interface InvitationRow {
  id: string;
  email: string;
  name: string;
  organisation_id: string | null;
  subject_type: string;
  subject_id: string;
  expires_at: Date;
  emailed_at: Date | null;
  accepted_at: Date | null;
  inviter_name: string;
  inviter_organisation_ja: string | null;
  inviter_organisation_en: string | null;
}

const SELECT = `SELECT i.id, i.email, i.name, i.organisation_id, i.subject_type, i.subject_id, i.expires_at, i.emailed_at, i.accepted_at,
    u.name AS inviter_name, o.name_ja AS inviter_organisation_ja, o.name_en AS inviter_organisation_en
  FROM invitations i JOIN users u ON u.id = i.invited_by_id LEFT JOIN organisations o ON o.id = u.organisation_id`;

/** Every statement takes the caller's manager: invitations are written inside the changes that make and accept them. */
@Injectable()
export class InvitationsRepository {
  /** The account with this address whatever its case, disabled or not (an address has at most one). */
  async accountWithEmail(manager: EntityManager, email: string): Promise<string | undefined> {
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM users WHERE lower(email) = lower($1)`, [email]);
    return rows[0]?.id;
  }

  async insert(manager: EntityManager, invitation: NewInvitation): Promise<void> {
    await manager.query(
      `INSERT INTO invitations (id, email, name, organisation_id, subject_type, subject_id, invited_by_id, token_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        invitation.id,
        invitation.email,
        invitation.name,
        invitation.organisationId,
        invitation.subjectType,
        invitation.subjectId,
        invitation.invitedById,
        invitation.tokenHash,
        invitation.createdAt,
        invitation.expiresAt,
      ],
    );
  }

  async findById(manager: EntityManager, id: string): Promise<InvitationRecord | undefined> {
    const rows = await manager.query<InvitationRow[]>(`${SELECT} WHERE i.id = $1`, [id]);
    return rows[0] && toRecord(rows[0]);
  }

  async findByTokenHash(manager: EntityManager, tokenHash: Buffer): Promise<InvitationRecord | undefined> {
    const rows = await manager.query<InvitationRow[]>(`${SELECT} WHERE i.token_hash = $1`, [tokenHash]);
    return rows[0] && toRecord(rows[0]);
  }

  /**
   * Locks the invitations of an address (whatever its case) that can still be accepted at `now`, in
   * id order, so that acceptances of the same address take turns without deadlocking.
   */
  async lockPending(manager: EntityManager, email: string, now: Date): Promise<PendingInvitation[]> {
    const rows = await manager.query<{ id: string; subject_type: string; subject_id: string }[]>(
      `SELECT id, subject_type, subject_id FROM invitations
        WHERE lower(email) = lower($1) AND accepted_at IS NULL AND expires_at > $2
        ORDER BY id FOR UPDATE`,
      [email, now],
    );
    return rows.map((row) => ({ id: row.id, subjectType: row.subject_type, subjectId: row.subject_id }));
  }

  async markAccepted(manager: EntityManager, ids: readonly string[], userId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE invitations SET accepted_at = $3, user_id = $2 WHERE id = ANY($1::uuid[]) AND accepted_at IS NULL`, [
      ids,
      userId,
      at,
    ]);
  }

  async markEmailed(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE invitations SET emailed_at = $2 WHERE id = $1`, [id, at]);
  }
}

function toRecord(row: InvitationRow): InvitationRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organisationId: row.organisation_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    expiresAt: row.expires_at,
    emailedAt: row.emailed_at,
    acceptedAt: row.accepted_at,
    inviter: {
      name: row.inviter_name,
      organisation:
        row.inviter_organisation_en === null ? null : { ja: row.inviter_organisation_ja ?? '', en: row.inviter_organisation_en },
    },
  };
}

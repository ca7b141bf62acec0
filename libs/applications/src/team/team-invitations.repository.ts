import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { InvitationTarget } from '#identity';
import { returningRows } from '#platform';

/** The team entries that invitations lead to; every statement runs in the caller's transaction. */
@Injectable()
export class TeamInvitationsRepository {
  /** The member while it still has the invited address (any case): its role, its application's title and call. */
  async describe(manager: EntityManager, memberId: string, email: string): Promise<InvitationTarget | undefined> {
    const rows = await manager.query<{ role: string; title: string; title_ja: string; title_en: string }[]>(
      `SELECT m.role, a.title, c.title_ja, c.title_en
         FROM application_members m JOIN applications a ON a.id = m.application_id JOIN calls c ON c.id = m.call_id
        WHERE m.id = $1 AND lower(m.email) = lower($2)`,
      [memberId, email],
    );
    const row = rows[0];
    return row && { title: row.title, call: { ja: row.title_ja, en: row.title_en }, role: row.role };
  }

  /** Names the account as the member, unless the member names one already; answers the member's application when it changed. */
  async link(manager: EntityManager, memberId: string, userId: string): Promise<string | undefined> {
    const rows = await returningRows<{ application_id: string }>(
      manager,
      `UPDATE application_members SET user_id = $2 WHERE id = $1 AND user_id IS NULL RETURNING application_id`,
      [memberId, userId],
    );
    return rows[0]?.application_id;
  }
}

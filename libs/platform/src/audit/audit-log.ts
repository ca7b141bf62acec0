import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';

export interface AuditEntry {
  readonly actorId: string | null;
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly requestId?: string | null;
  readonly data?: Record<string, unknown>;
}

/** Writes event-log entries inside the caller's transaction, so an entry exists exactly when its change does. */
@Injectable()
export class AuditLog {
  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (occurred_at, actor_id, action, object_type, object_id, request_id, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [this.clock.now(), entry.actorId, entry.action, entry.objectType, entry.objectId, entry.requestId ?? null, entry.data ?? {}],
    );
  }
}

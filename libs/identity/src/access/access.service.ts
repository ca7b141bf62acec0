import { Injectable } from '@nestjs/common';
import { NotFoundError, type SqlParams } from '#platform';
import type { Permission } from './permissions.js';
import type { Principal } from './principal.js';

/**
 * Answers, in SQL, which of some object ids a user may touch for a permission. Features register
 * one checker per permission; a service method that takes an id asks `require` before anything else,
 * and a miss reads "not found", so the existence of what one may not see does not leak.
 */
export type AccessChecker = (principal: Principal, ids: readonly string[]) => Promise<readonly string[]>;

/**
 * The same rule as a checker's, as an SQL condition over the feature's own table alias (the feature
 * documents which), its parameters added to `params`: for a write or read that checks access in
 * the statement that does the work, so the check cannot go stale before the work and costs no
 * round trip of its own. A feature builds its checker and its condition from one SQL text.
 */
export type AccessCondition = (principal: Principal, params: SqlParams) => string;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AccessService {
  private readonly checkers = new Map<Permission, AccessChecker>();
  private readonly conditions = new Map<Permission, AccessCondition>();

  register(permission: Permission, checker: AccessChecker, condition?: AccessCondition): void {
    if (this.checkers.has(permission)) throw new Error(`Access permission ${permission} is registered twice`);
    this.checkers.set(permission, checker);
    if (condition) this.conditions.set(permission, condition);
  }

  /** The permission's rule as an SQL condition for the principal (see AccessCondition). */
  condition(principal: Principal, permission: Permission, params: SqlParams): string {
    const condition = this.conditions.get(permission);
    if (!condition) throw new Error(`No access condition registered for ${permission}`);
    return condition(principal, params);
  }

  /** The subset of `ids` the principal may touch for `permission`. Ids that are not UUIDs never are. */
  async allowed(principal: Principal, permission: Permission, ids: readonly string[]): Promise<Set<string>> {
    const checker = this.checkers.get(permission);
    if (!checker) throw new Error(`No access checker registered for ${permission}`);
    const candidates = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
    if (candidates.length === 0) return new Set();
    return new Set(await checker(principal, candidates));
  }

  /** Throws NotFoundError unless the principal may touch `id` for `permission`. */
  async require(principal: Principal, permission: Permission, id: string, what: string): Promise<void> {
    const allowed = await this.allowed(principal, permission, [id]);
    if (!allowed.has(id.toLowerCase())) throw new NotFoundError(what);
  }
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How often one caller used one kind of expensive route in the current window (fixed windows).
 * Kept in PostgreSQL so that every api instance counts against the same limit. A row is reused for
 * the caller's next window, so the table holds at most one row per caller and kind.
 */
@Entity({ name: 'rate_limits' })
export class RateLimitCounter {
  /** `<kind>:user:<id>`, e.g. `exports:user:0b6c...`. */
  @PrimaryColumn({ type: 'text' })
  key: string;

  /** Requests counted in the window, the refused ones included until the block starts. */
  @Column({ type: 'int' })
  hits: number;

  @Column({ type: 'timestamptz' })
  windowEndsAt: Date;

  /** Set when the limit was exceeded: until then every request of the caller is refused. */
  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;
}

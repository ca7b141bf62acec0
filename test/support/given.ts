import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword, Organisation, type Role } from '#identity';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface GivenUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
}

/**
 * Builder-style fixtures: each call creates one valid object with sensible defaults, saved through
 * the entities, and lets a test state only what matters to it: `given.organisation({ country: 'FR' })`.
 */
export class Given {
  constructor(private readonly dataSource: DataSource) {}

  async organisation(overrides: Partial<Organisation> = {}): Promise<Organisation> {
    const suffix = randomBytes(3).toString('hex');
    const repository = this.dataSource.getRepository(Organisation);
    return repository.save(
      repository.create({
        kind: 'institution',
        shortName: `Inst ${suffix}`,
        nameJa: `テスト大学 ${suffix}`,
        nameEn: `Test University ${suffix}`,
        country: 'JP',
        timeZone: 'Asia/Tokyo',
        rorId: null,
        funderId: null,
        ...overrides,
      }),
    );
  }

  /** A user with a known password (TEST_PASSWORD unless given). */
  async user(
    options: { roles?: Role[]; organisationId?: string | null; email?: string; password?: string; name?: string } = {},
  ): Promise<GivenUser> {
    const email = options.email ?? `user-${randomBytes(4).toString('hex')}@example.test`;
    const password = options.password ?? TEST_PASSWORD;
    const rows = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO users (email, name, roles, organisation_id, language, password_hash) VALUES ($1, $2, $3, $4, 'en', $5) RETURNING id`,
      [email, options.name ?? 'Test User', options.roles ?? ['researcher'], options.organisationId ?? null, await hashPassword(password)],
    );
    return { id: rows[0]!.id, email, password };
  }
}

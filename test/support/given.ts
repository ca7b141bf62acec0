import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Organisation } from '#identity';

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
}

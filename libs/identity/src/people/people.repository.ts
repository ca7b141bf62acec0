import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PersonDto } from './dto/person.dto.js';

/** What a lookup names: a whole e-mail address or a normalised ORCID iD. */
export type PersonKey = { readonly email: string } | { readonly orcid: string };

interface PersonRow {
  id: string;
  name: string;
  organisation_id: string | null;
  name_ja: string | null;
  name_en: string | null;
  country: string | null;
}

@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The active account with exactly this address (compared as lower(email), the unique index) or
   * this ORCID iD (its unique index): one row or none, never a pattern.
   */
  async findActive(key: PersonKey): Promise<PersonDto | undefined> {
    const [condition, value] = 'email' in key ? ['lower(u.email) = lower($1)', key.email] : ['u.orcid = $1', key.orcid];
    const rows = await this.db.query<PersonRow[]>(
      `SELECT u.id, u.name, o.id AS organisation_id, o.name_ja, o.name_en, o.country
         FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
        WHERE ${condition} AND u.disabled_at IS NULL`,
      [value],
    );
    const row = rows[0];
    return (
      row && {
        id: row.id,
        name: row.name,
        organisation:
          row.organisation_id === null
            ? null
            : { id: row.organisation_id, name: { ja: row.name_ja ?? '', en: row.name_en ?? '' }, country: row.country ?? '' },
      }
    );
  }
}

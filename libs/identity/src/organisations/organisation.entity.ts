import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['funding_agency', 'institution'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A funding agency (JST, NSF, ...) or an institution (university, national lab, company). */
@Entity({ name: 'organisations' })
@Check('organisations_kind_check', `kind IN ('funding_agency', 'institution')`)
@Check('organisations_country_check', `country ~ '^[A-Z]{2}$'`)
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: OrganisationKind;

  /** Acronym or short name shown in lists (JST, UTokyo). */
  @Column({ type: 'text' })
  shortName: string;

  @Column({ type: 'text' })
  nameJa: string;

  @Column({ type: 'text' })
  nameEn: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country: string;

  /** IANA time zone, e.g. Asia/Tokyo. */
  @Column({ type: 'text' })
  timeZone: string;

  /** ROR ID (institutions), the 9-character identifier after https://ror.org/. */
  @Index('organisations_ror_id_key', { unique: true, where: 'ror_id IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  rorId: string | null;

  /** Open Funder Registry DOI (agencies), e.g. 10.13039/501100002241. */
  @Index('organisations_funder_id_key', { unique: true, where: 'funder_id IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  funderId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

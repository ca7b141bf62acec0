import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The research-field vocabulary calls and applications draw from (reference data, loaded by a migration). */
@Entity({ name: 'research_fields' })
export class ResearchField {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  nameJa: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'int' })
  sortOrder: number;
}

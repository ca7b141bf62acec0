import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Organisation } from '#identity';

/** A funding scheme run by one agency: SICORP, ASPIRE, SATREPS, e-ASIA JRP, NEXUS, ... */
@Entity({ name: 'programs' })
@Index('programs_agency_id_code_key', ['agencyId', 'code'], { unique: true })
export class Program {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Organisation;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  nameJa: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text', default: '' })
  descriptionJa: string;

  @Column({ type: 'text', default: '' })
  descriptionEn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

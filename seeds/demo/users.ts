import type { Role } from '#identity';

export const DEMO_PASSWORD = 'jointcall-demo';

export interface UserSeed {
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** Key of an organisation seed; null for the system admin. */
  readonly organisation: string | null;
  readonly language: 'en' | 'ja';
}

/** One account per kind of user, all with the password `jointcall-demo`. */
export const userSeeds: readonly UserSeed[] = [
  { email: 'admin@example.org', name: 'Demo Administrator', roles: ['admin'], organisation: null, language: 'en' },
  { email: 'officer.jst@example.org', name: 'Kenji Morita', roles: ['program_officer'], organisation: 'JST', language: 'ja' },
  { email: 'officer.nsf@example.org', name: 'Rachel Owens', roles: ['program_officer'], organisation: 'NSF', language: 'en' },
  { email: 'ura.utokyo@example.org', name: 'Yumi Takahashi', roles: ['institution_admin'], organisation: 'UTOKYO', language: 'ja' },
  { email: 'ura.osaka@example.org', name: 'Daisuke Nakamura', roles: ['institution_admin'], organisation: 'OSAKA', language: 'ja' },
  { email: 'pi.utokyo@example.org', name: 'Haruka Sato', roles: ['researcher'], organisation: 'UTOKYO', language: 'ja' },
  { email: 'pi.osaka@example.org', name: 'Takeshi Yamamoto', roles: ['researcher'], organisation: 'OSAKA', language: 'ja' },
  { email: 'pi.mit@example.org', name: 'Emily Carter', roles: ['researcher'], organisation: 'MIT', language: 'en' },
  {
    email: 'reviewer.kyoto@example.org',
    name: 'Akira Kobayashi',
    roles: ['researcher', 'reviewer'],
    organisation: 'KYOTO',
    language: 'ja',
  },
  { email: 'reviewer.osaka@example.org', name: 'Mei Inoue', roles: ['researcher', 'reviewer'], organisation: 'OSAKA', language: 'en' },
  { email: 'reviewer.tohoku@example.org', name: 'Shota Kimura', roles: ['researcher', 'reviewer'], organisation: 'TOHOKU', language: 'ja' },
];

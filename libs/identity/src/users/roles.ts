export const ROLES = ['researcher', 'institution_admin', 'program_officer', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

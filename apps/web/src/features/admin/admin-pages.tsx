/** The administrator's console: one chunk, loaded when an administration page is first opened. */
export { OrganisationsPage } from './OrganisationsPage';
export { UsersPage } from './UsersPage';

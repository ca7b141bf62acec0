/** Starting point: replaced by the pages of this console. */
import { Page } from '../../ui/Page';
export function OrganisationsPage() {
  return <Page title="OrganisationsPage">{null}</Page>;
}
export function UsersPage() {
  return <Page title="UsersPage">{null}</Page>;
}

/** Starting point: replaced by the pages of this console. */
import { Page } from '../../ui/Page';
export function AgencyHomePage() {
  return <Page title="AgencyHomePage">{null}</Page>;
}
export function NewCallPage() {
  return <Page title="NewCallPage">{null}</Page>;
}
export function CallEditorPage() {
  return <Page title="CallEditorPage">{null}</Page>;
}

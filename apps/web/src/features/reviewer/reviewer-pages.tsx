/** Starting point: replaced by the pages of this console. */
import { Page } from '../../ui/Page';
export function ReviewerHomePage() {
  return <Page title="ReviewerHomePage">{null}</Page>;
}
export function AssignmentPage() {
  return <Page title="AssignmentPage">{null}</Page>;
}

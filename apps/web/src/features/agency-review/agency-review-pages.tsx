/** Starting point: replaced by the pages of this console. */
import { Page } from '../../ui/Page';
export function ApplicationsPage() {
  return <Page title="ApplicationsPage">{null}</Page>;
}
export function ApplicationPage() {
  return <Page title="ApplicationPage">{null}</Page>;
}
export function ReviewersPage() {
  return <Page title="ReviewersPage">{null}</Page>;
}
export function ProgressPage() {
  return <Page title="ProgressPage">{null}</Page>;
}
export function RankingPage() {
  return <Page title="RankingPage">{null}</Page>;
}

/** Starting point: replaced by the pages of this console. */
import { Page } from '../../ui/Page';
export function NoticesPage() {
  return <Page title="NoticesPage">{null}</Page>;
}
export function SettingsPage() {
  return <Page title="SettingsPage">{null}</Page>;
}

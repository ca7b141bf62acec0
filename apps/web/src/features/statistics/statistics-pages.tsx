/** Starting point: replaced by the pages of this console. */
import { Page } from '../../ui/Page';
export function StatisticsPage() {
  return <Page title="StatisticsPage">{null}</Page>;
}

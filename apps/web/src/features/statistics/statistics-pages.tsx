/** The officer's statistics of one call: one chunk, loaded when the page is first opened; its charts load after it. */
export { StatisticsPage } from './StatisticsPage';

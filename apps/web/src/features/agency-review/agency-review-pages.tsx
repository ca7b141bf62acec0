/** The agency officer's review pages of one call: one chunk, loaded when one of them is first opened. */
export { ApplicationPage } from './ApplicationPage';
export { ApplicationsPage } from './ApplicationsPage';
export { ProgressPage } from './ProgressPage';
export { RankingPage } from './RankingPage';
export { ReviewersPage } from './ReviewersPage';

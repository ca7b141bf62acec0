/** The research office's console: one chunk, loaded when an office page is first opened. */
export { OfficeDeadlinesPage } from './OfficeDeadlinesPage';
export { OfficeProposalPage } from './OfficeProposalPage';
export { OfficeQueuePage } from './OfficeQueuePage';

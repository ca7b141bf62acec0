/** The researcher's console: one chunk, loaded when a researcher page is first opened. */
export { CallPage } from '../calls/CallPage';
export { CallsPage } from '../calls/CallsPage';
export { ProposalPage } from '../proposals/ProposalPage';
export { ReceiptPage } from '../proposals/ReceiptPage';
export { ResearcherHomePage } from '../proposals/ResearcherHomePage';

/** The agency officer's call pages: one chunk, loaded when an agency page is first opened. */
export { AgencyHomePage } from './AgencyHomePage';
export { CallEditorPage, NewCallPage } from './CallEditorPages';
export { CallFormPage } from './CallFormPage';

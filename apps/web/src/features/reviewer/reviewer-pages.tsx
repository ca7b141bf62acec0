/** The reviewer's console: one chunk, loaded when a reviewer page is first opened. */
export { AssignmentPage } from './AssignmentPage';
export { ReviewerHomePage } from './ReviewerHomePage';

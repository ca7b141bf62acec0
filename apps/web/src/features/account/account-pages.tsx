/** The pages of every signed-in user's account: notices and settings. */
import './account.css';
export { NoticesPage } from './NoticesPage';
export { SettingsPage } from './SettingsPage';

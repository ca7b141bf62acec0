import { useTranslation } from 'react-i18next';
import { deadlineDisplay, viewerTimeZone } from '../lib/format';

/** A deadline in the viewer's zone, with the agency's own time and zone beside it when they differ. */
export function Deadline({ utc, agencyZone }: { readonly utc: string; readonly agencyZone: string }) {
  const { t, i18n } = useTranslation();
  const shown = deadlineDisplay(utc, agencyZone, viewerTimeZone(), i18n.language);
  return (
    <span className="deadline">
      <time dateTime={utc}>{shown.viewer}</time>
      {shown.agency && <span className="agency-time">{t('common.agencyTime', { time: shown.agency, zone: shown.agencyZone })}</span>}
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import type { MyAssignment } from './reviewer-queries';

/** The shared badge colours, by what each step of a review resembles (the words carry the meaning). */
const LOOK: Record<MyAssignment['progress'], string> = {
  pending: 'pending_institution',
  accepted: 'eligible',
  draft: 'draft',
  submitted: 'decided',
  declined: 'withdrawn',
};

export function ProgressBadge({ progress }: { readonly progress: MyAssignment['progress'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${LOOK[progress]}`}>{t(`reviewer.progress.${progress}`)}</span>;
}

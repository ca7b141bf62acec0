import { useTranslation } from 'react-i18next';

/** A status of an application or a side, in words (the colour only repeats it). */
export function StatusBadge({ status, group = 'status' }: { readonly status: string; readonly group?: 'status' | 'callStatus' }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`${group}.${status}`)}</span>;
}

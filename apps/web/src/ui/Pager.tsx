import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Cursor paging: the cursors of the pages passed so far, the current one last. */
export function useCursors() {
  const [cursors, setCursors] = useState<readonly string[]>([]);
  return {
    current: cursors[cursors.length - 1],
    canGoBack: cursors.length > 0,
    back: () => setCursors((c) => c.slice(0, -1)),
    forward: (next: string) => setCursors((c) => [...c, next]),
    reset: () => setCursors([]),
  };
}

/** Previous and next page buttons for a list paged by cursor. */
export function Pager({
  cursors,
  nextCursor,
}: {
  readonly cursors: ReturnType<typeof useCursors>;
  readonly nextCursor: string | null | undefined;
}) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('common.pages')}>
      <button type="button" className="button-secondary" disabled={!cursors.canGoBack} onClick={cursors.back}>
        {t('common.previous')}
      </button>
      <button type="button" className="button-secondary" disabled={!nextCursor} onClick={() => nextCursor && cursors.forward(nextCursor)}>
        {t('common.next')}
      </button>
    </nav>
  );
}

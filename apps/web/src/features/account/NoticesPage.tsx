import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant, formatNumber, viewerTimeZone } from '../../lib/format';
import { Page } from '../../ui/Page';
import { Pager, useCursors } from '../../ui/Pager';
import { ProblemAlert, QueryState } from '../../ui/ProblemAlert';
import { type Role, useMe } from '../me/me-query';
import { type Notice, useMarkAllRead, useMarkRead, useNotices } from './account-queries';
import { noticePath } from './notice-link';

/** The user's notices, newest first; unread ones say so in words, and can be marked read one by one or all at once. */
export function NoticesPage() {
  const { t, i18n } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const cursors = useCursors();
  const notices = useNotices(unreadOnly, cursors.current);
  const markAll = useMarkAllRead();
  const me = useMe();
  const unread = notices.data?.unreadCount ?? 0;

  return (
    <Page
      title={t('account.notices.title')}
      actions={
        <button type="button" className="button-secondary" disabled={unread === 0 || markAll.isPending} onClick={() => markAll.mutate()}>
          {t('account.notices.markAllRead')}
        </button>
      }
    >
      <p role="status" className="notices-summary">
        {notices.data &&
          (unread > 0 ? t('account.notices.unreadSummary', { n: formatNumber(unread, i18n.language) }) : t('account.notices.allRead'))}
      </p>
      <label className="checkbox notices-filter" htmlFor="notices-unread-only">
        <input
          id="notices-unread-only"
          type="checkbox"
          checked={unreadOnly}
          onChange={(event) => {
            cursors.reset();
            setUnreadOnly(event.target.checked);
          }}
        />
        {t('account.notices.unreadOnly')}
      </label>
      <ProblemAlert error={markAll.error} />
      <QueryState query={notices} />
      {notices.data && notices.data.items.length === 0 && <p>{unreadOnly ? t('account.notices.allRead') : t('account.notices.empty')}</p>}
      {notices.data && notices.data.items.length > 0 && (
        <ol className="notice-list" aria-label={t('account.notices.listLabel')} aria-busy={notices.isFetching}>
          {notices.data.items.map((notice) => (
            <NoticeItem key={notice.id} notice={notice} roles={me.data?.roles ?? []} language={me.data?.language} />
          ))}
        </ol>
      )}
      {(cursors.canGoBack || notices.data?.nextCursor) && <Pager cursors={cursors} nextCursor={notices.data?.nextCursor} />}
    </Page>
  );
}

function NoticeItem({
  notice,
  roles,
  language,
}: {
  readonly notice: Notice;
  readonly roles: readonly Role[];
  /** The account's language, which the api writes notices in. */
  readonly language: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const markRead = useMarkRead();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const unread = notice.readAt === null;
  const path = noticePath(notice, roles);
  const zone = viewerTimeZone();
  // Written in the account's language, which may differ from the page's.
  const lang = language && language !== i18n.language ? language : undefined;

  return (
    <li className={unread ? 'notice notice-unread' : 'notice'}>
      <div className="notice-head">
        {unread && <span className="badge badge-unread">{t('account.notices.unread')}</span>}
        <h2 id={titleId} ref={heading} tabIndex={-1} className="notice-title" lang={lang}>
          {path ? <Link to={path}>{notice.title}</Link> : notice.title}
        </h2>
      </div>
      <p className="muted small notice-time">
        <time dateTime={notice.createdAt}>{formatInstant(notice.createdAt, i18n.language, zone)}</time>
        {notice.readAt && <> · {t('account.notices.readAt', { time: formatInstant(notice.readAt, i18n.language, zone) })}</>}
      </p>
      <p className="notice-body" lang={lang}>
        {notice.body}
      </p>
      <ProblemAlert error={markRead.error} />
      {unread && (
        <button
          type="button"
          className="button-secondary"
          aria-describedby={titleId}
          disabled={markRead.isPending}
          onClick={() => markRead.mutate(notice.id, { onSuccess: () => heading.current?.focus() })}
        >
          {t('account.notices.markRead')}
        </button>
      )}
    </li>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page';
import { Localized } from '../../ui/Localized';
import { CallTabs } from '../agency-calls/CallTabs';
import { useCall } from '../calls/calls-queries';
import { useMe } from '../me/me-query';

/** One of the officer's pages of a call: its heading, the call's tabs under it, and the call's title. */
export function CallReviewPage({
  callId,
  title,
  actions,
  children,
}: {
  readonly callId: string;
  readonly title: string;
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}) {
  const call = useCall(callId);
  return (
    <Page title={title} actions={actions}>
      <CallTabs callId={callId} />
      {call.data && (
        <p className="muted">
          <Localized text={call.data.title} />
        </p>
      )}
      {children}
    </Page>
  );
}

/** The signed-in officer's agency: the side they act on. */
export function useOwnAgencyId(): string | undefined {
  return useMe().data?.organisation?.id;
}

/** A number with at most two decimals, as the viewer's language writes it; a dash when there is none. */
export function useScore(): (value: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (value) => (value === null || value === undefined ? '–' : format.format(value));
}

import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { downloadFile } from '../../lib/download';
import { formatNumber, pick } from '../../lib/format';
import { Loading, Page } from '../../ui/Page';
import { ProblemAlert, QueryState } from '../../ui/ProblemAlert';
import { CallTabs } from '../agency-calls/CallTabs';
import { breakdownRows, type ChartRow, countryRows, formatRate, leaders } from './statistics-model';
import { type CallStatistics, statisticsCsvPath, useCallStatistics } from './statistics-queries';
import './statistics.css';

/** The chart library is loaded with the first chart, never with the tables. */
const BarChart = lazy(() => import('./BarChart'));

/** How one call went: headline figures, and charts with their tables by field, lead institution and partner country. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const { callId = '' } = useParams();
  const statistics = useCallStatistics(callId);
  const [csvError, setCsvError] = useState<unknown>();
  const title = statistics.data
    ? t('statistics.title', { call: pick(statistics.data.title, i18n.language) })
    : t('statistics.titleLoading');

  const download = () => {
    setCsvError(undefined);
    void downloadFile(statisticsCsvPath(callId), 'call-statistics.csv').catch(setCsvError);
  };

  return (
    <Page
      title={title}
      actions={
        statistics.data && (
          <button type="button" className="button-secondary" onClick={download}>
            {t('statistics.downloadCsv')}
          </button>
        )
      }
    >
      <CallTabs callId={callId} />
      <ProblemAlert error={csvError} />
      <QueryState query={statistics} />
      {statistics.data && <Statistics data={statistics.data} />}
    </Page>
  );
}

function Statistics({ data }: { readonly data: CallStatistics }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const number = (value: number) => formatNumber(value, language);
  const none = t('statistics.notRecorded');
  const figures: readonly (readonly [string, string])[] = [
    [t('statistics.applications'), number(data.applications)],
    [t('statistics.eligible'), number(data.eligible)],
    [t('statistics.funded'), number(data.funded)],
    [t('statistics.notFunded'), number(data.notFunded)],
    [t('statistics.pending'), number(data.pending)],
    [t('statistics.adoptionRate'), formatRate(data.adoptionRate, language)],
  ];

  return (
    <>
      {data.scope.kind === 'institution' && <p className="alert alert-info">{t('statistics.institutionScope')}</p>}
      <section aria-labelledby="statistics-headline">
        <h2 id="statistics-headline">{t('statistics.headline')}</h2>
        <dl className="headline">
          {figures.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <Breakdown
        id="by-field"
        heading={t('statistics.byField')}
        rows={breakdownRows(data.byField, language, none)}
        nameHeader={t('statistics.field')}
        totalName={t('statistics.applications')}
        fundedName={t('statistics.funded')}
        withRate
      />
      <Breakdown
        id="by-lead"
        heading={t('statistics.byLeadInstitution')}
        rows={breakdownRows(data.byLeadInstitution, language, t('statistics.otherInstitutions'))}
        nameHeader={t('statistics.leadInstitution')}
        totalName={t('statistics.applications')}
        fundedName={t('statistics.funded')}
        withRate
      />
      <Breakdown
        id="by-country"
        heading={t('statistics.byCountry')}
        rows={countryRows(data.partnerCountries, language)}
        nameHeader={t('statistics.country')}
        totalName={t('statistics.partnerInstitutions')}
        fundedName={t('statistics.fundedPartnerInstitutions')}
        note={t('statistics.countryNote')}
      />
      {data.byTrack.length > 0 && (
        <section aria-labelledby="by-track" className="statistics-section">
          <h2 id="by-track">{t('statistics.byTrack')}</h2>
          <CountsTable
            caption={t('statistics.byTrack')}
            rows={breakdownRows(data.byTrack, language, none)}
            nameHeader={t('statistics.track')}
            totalName={t('statistics.applications')}
            fundedName={t('statistics.funded')}
            withRate
          />
        </section>
      )}
    </>
  );
}

interface BreakdownProps {
  readonly id: string;
  readonly heading: string;
  readonly rows: readonly ChartRow[];
  readonly nameHeader: string;
  readonly totalName: string;
  readonly fundedName: string;
  readonly withRate?: boolean;
  readonly note?: string;
}

/** A chart and, beside it, the same rows as a table (the accessible version, for everyone). */
function Breakdown({ id, heading, rows, nameHeader, totalName, fundedName, withRate = false, note }: BreakdownProps) {
  const { t, i18n } = useTranslation();
  const top = leaders(rows)
    .map((row) => t('statistics.summaryRow', { name: row.label, value: formatNumber(row.funded, i18n.language) }))
    .join(t('statistics.listSeparator'));
  const summary =
    t('statistics.chartSummary', { subject: heading, rows: rows.length, total: totalName, funded: fundedName }) +
    (top ? ` ${t('statistics.chartLeaders', { leaders: top })}` : '');
  return (
    <section aria-labelledby={id} className="statistics-section" data-breakdown={id}>
      <h2 id={id}>{heading}</h2>
      {note && <p className="muted small">{note}</p>}
      {rows.length === 0 ? (
        <p>{t('statistics.empty')}</p>
      ) : (
        <div className="chart-pair">
          <Suspense fallback={<Loading />}>
            <BarChart rows={rows} totalName={totalName} fundedName={fundedName} summary={summary} language={i18n.language} />
          </Suspense>
          <CountsTable
            caption={heading}
            rows={rows}
            nameHeader={nameHeader}
            totalName={totalName}
            fundedName={fundedName}
            withRate={withRate}
          />
        </div>
      )}
    </section>
  );
}

function CountsTable({
  caption,
  rows,
  nameHeader,
  totalName,
  fundedName,
  withRate = false,
}: Omit<BreakdownProps, 'id' | 'heading' | 'note'> & { readonly caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col" className="number">
              {totalName}
            </th>
            <th scope="col" className="number">
              {fundedName}
            </th>
            {withRate && (
              <th scope="col" className="number">
                {t('statistics.adoptionRate')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" lang={row.lang}>
                {row.label}
              </th>
              <td className="number">{formatNumber(row.total, i18n.language)}</td>
              <td className="number">{formatNumber(row.funded, i18n.language)}</td>
              {withRate && <td className="number">{formatRate(row.total === 0 ? 0 : row.funded / row.total, i18n.language)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { pagePath } from '../../app/page-paths';
import { formatNumber, pick } from '../../lib/format';
import { Loading } from '../../ui/Page';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { type Call, useCall } from '../calls/calls-queries';
import { type Ranking, useRanking } from './agency-review-queries';
import { CallReviewPage, useScore } from './CallReviewPage';
import { DEFAULT_SORT, nextSort, type RankingRow, type RankingSort, type SortKey, sortRanking, toCsv } from './ranking-table';

interface Column {
  readonly id: string;
  readonly label: string;
  readonly sort?: SortKey;
  readonly cell: (row: RankingRow) => string;
}

/** The agency's ranking of the call: weighted means with the tie rule, spread, reviews, thresholds; sortable, downloadable as the table shows it. */
export function RankingPage() {
  const { callId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const call = useCall(callId);
  const [trackId, setTrackId] = useState('');
  const ranking = useRanking(callId, trackId);
  const tracks = call.data?.tracks ?? [];
  return (
    <CallReviewPage callId={callId} title={t('agencyReview.ranking.title')}>
      <section className="card" aria-labelledby="ranking-rule">
        <h2 id="ranking-rule">{t('agencyReview.ranking.howTitle')}</h2>
        <p>{t('agencyReview.ranking.tieRule')}</p>
        <p className="muted small">{t('agencyReview.ranking.columnsHint')}</p>
      </section>
      {tracks.length > 1 && (
        <div className="field">
          <label htmlFor="ranking-track">{t('agencyReview.ranking.track')}</label>
          <select id="ranking-track" value={trackId} onChange={(event) => setTrackId(event.target.value)}>
            <option value="">{t('agencyReview.ranking.allTracks')}</option>
            {tracks.map((track) => (
              <option key={track.id} value={track.id}>
                {pick(track.name, i18n.language)}
              </option>
            ))}
          </select>
        </div>
      )}
      <ProblemAlert error={ranking.error ?? call.error} />
      {(!ranking.data || !call.data) && !ranking.error && <Loading />}
      {ranking.data && call.data && <RankingTable callId={callId} call={call.data} ranking={ranking.data} />}
    </CallReviewPage>
  );
}

function RankingTable({ callId, call, ranking }: { readonly callId: string; readonly call: Call; readonly ranking: Ranking }) {
  const { t, i18n } = useTranslation();
  const score = useScore();
  const [sort, setSort] = useState<RankingSort>(DEFAULT_SORT);
  const criterionName = (id: string) => pick(call.criteria.find((c) => c.id === id)?.name, i18n.language) || id;
  const columns: readonly Column[] = [
    { id: 'rank', label: t('agencyReview.ranking.rank'), sort: 'rank', cell: (r) => formatNumber(r.rank, i18n.language) },
    { id: 'title', label: t('agencyReview.ranking.proposal'), sort: 'title', cell: (r) => r.title },
    { id: 'mean', label: t('agencyReview.ranking.weightedMean'), sort: 'weightedMean', cell: (r) => score(r.weightedMean) },
    { id: 'spread', label: t('agencyReview.ranking.spread'), sort: 'spread', cell: (r) => score(r.spread) },
    {
      id: 'reviews',
      label: t('agencyReview.ranking.reviews'),
      sort: 'reviewCount',
      cell: (r) => formatNumber(r.reviewCount, i18n.language),
    },
    { id: 'missing', label: t('agencyReview.ranking.missing'), cell: (r) => formatNumber(r.missingReviews, i18n.language) },
    {
      id: 'thresholds',
      label: t('agencyReview.ranking.thresholdFailures'),
      sort: 'thresholdFailures',
      cell: (r) => (r.thresholdFailures.length === 0 ? '–' : r.thresholdFailures.map(criterionName).join('; ')),
    },
    { id: 'fundable', label: t('agencyReview.ranking.fundable'), cell: (r) => t(r.fundable ? 'common.yes' : 'common.no') },
  ];
  const rows = sortRanking(ranking.items, sort, i18n.language);
  const download = () => {
    const csv = toCsv(
      columns.map((c) => c.label),
      rows.map((row) => columns.map((c) => c.cell(row))),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `ranking-${callId}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  if (rows.length === 0) return <p>{t('agencyReview.ranking.empty')}</p>;
  return (
    <>
      <p>
        <button type="button" className="button-secondary" onClick={download}>
          {t('agencyReview.ranking.downloadCsv')}
        </button>
      </p>
      <div className="table-wrap">
        <table className="ranking">
          <caption>{t('agencyReview.ranking.caption')}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.id} scope="col" aria-sort={column.sort ? (sort.key === column.sort ? sort.direction : 'none') : undefined}>
                  {column.sort ? (
                    <button type="button" className="link-button" onClick={() => setSort(nextSort(sort, column.sort!))}>
                      {column.label}
                      <span aria-hidden="true">{sort.key === column.sort ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.applicationId}>
                {columns.map((column) =>
                  column.id === 'title' ? (
                    <th key={column.id} scope="row">
                      <Link to={pagePath('agencyApplication', { callId, id: row.applicationId })}>{column.cell(row)}</Link>
                    </th>
                  ) : (
                    <td key={column.id}>{column.cell(row)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

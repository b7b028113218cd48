// 参与共治: needs of the period and the share met, projects closed out and the share on time, the
// residents who took part in the period and this quarter, and the same by month (docs/COCKPIT.md).
import { memo, useMemo } from 'react';
import { Table, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../i18n/index.tsx';
import type { ApiState } from '../../../lib/useApi.ts';
import type { EChartsCoreOption } from '../../../lib/useEChart.ts';
import { PALETTE } from './charts.ts';
import type { Participation } from './types.ts';
import { big, pct } from './format.ts';
import { Chart, Panel } from './parts.tsx';

/** The panel of the cockpit; the figures come from `useCockpitData` (the big screen shows the same answer). */
export const ParticipationPanel = memo(function ParticipationPanel({ state: f }: { state: ApiState<Participation | null> }) {
  const { t, locale } = useI18n();
  const d = f.data;
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!d) return null;
    return {
      color: PALETTE,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, right: 0 },
      grid: { left: 36, right: 12, top: 30, bottom: 24 },
      xAxis: { type: 'category', data: d.trend.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('cockpit.part.series.participants'), type: 'bar', data: d.trend.map((m) => m.participants), barMaxWidth: 22 },
        { name: t('cockpit.part.series.needs'), type: 'line', data: d.trend.map((m) => m.needs) },
        { name: t('cockpit.part.series.closed'), type: 'line', data: d.trend.map((m) => m.closed) },
      ],
    };
  }, [d, t]);
  const quarterName = d ? t('cockpit.part.quarterName', { y: d.quarter.quarter.slice(0, 4), q: d.quarter.quarter.slice(-1) }) : '';
  const figures = d && (
    <div className="gz-ck-terms gz-ck-part" data-testid="participation-figures">
      <div className="gz-ck-term">
        <span>{t('cockpit.part.needs')}</span>
        <b data-testid="part-needs">{big(d.needs, locale)}</b>
        <small className="gz-muted">{t('cockpit.part.met', { n: d.needsMet, p: pct(d.metShare) })}</small>
      </div>
      <div className="gz-ck-term">
        <span>{t('cockpit.part.closed')}</span>
        <b data-testid="part-closed">{big(d.closed, locale)}</b>
        <small className="gz-muted">{t('cockpit.part.onTime', { n: d.closedOnTime, p: pct(d.onTimeShare) })}</small>
      </div>
      <div className="gz-ck-term">
        <span>{t('cockpit.part.participants')}</span>
        <b data-testid="part-participants">{big(d.participants, locale)}</b>
        <small className="gz-muted">{t('cockpit.part.inPeriod')}</small>
      </div>
      <div className="gz-ck-term">
        <span>{t('cockpit.part.quarter')}</span>
        <b data-testid="part-quarter">{big(d.quarter.participants, locale)}</b>
        <small className="gz-muted">{quarterName}</small>
      </div>
    </div>
  );
  return (
    <Panel
      title={
        <Tooltip title={t('cockpit.part.hint')}>
          <span>{t('cockpit.panel.participation')}</span>
        </Tooltip>
      }
      testId="panel-participation"
      loading={f.loading && !d}
      chart={
        d ? (
          <>
            {figures}
            <Chart option={option} height={200} testId="participation-chart" />
          </>
        ) : undefined
      }
      table={
        d ? (
          <>
            {figures}
            <Table
              size="small"
              rowKey="month"
              pagination={false}
              scroll={{ y: 200, x: 'max-content' }}
              dataSource={[...d.trend].reverse()}
              columns={[
                { title: t('cockpit.part.col.month'), dataIndex: 'month', key: 'month' },
                { title: t('cockpit.part.needs'), dataIndex: 'needs', key: 'needs', align: 'right' as const },
                { title: t('cockpit.part.col.met'), dataIndex: 'needsMet', key: 'needsMet', align: 'right' as const },
                { title: t('cockpit.part.closed'), dataIndex: 'closed', key: 'closed', align: 'right' as const },
                { title: t('cockpit.part.col.onTime'), dataIndex: 'closedOnTime', key: 'closedOnTime', align: 'right' as const },
                { title: t('cockpit.part.participants'), dataIndex: 'participants', key: 'participants', align: 'right' as const },
              ]}
            />
          </>
        ) : f.error ? (
          <Typography.Text type="secondary">{f.error.message}</Typography.Text>
        ) : undefined
      }
    />
  );
},
// The read's state is a new object at each render of the page: the panel renders again only when its answer changed.
(a, b) => a.state.data === b.state.data && a.state.loading === b.state.loading && a.state.error === b.state.error);

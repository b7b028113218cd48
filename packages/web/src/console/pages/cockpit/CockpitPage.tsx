// 驾驶舱: the measures of any area in the caller's scope for any period, drilled down from the
// district to a grid by clicking the map or the table of sub-areas.
import { memo, useCallback, useMemo } from 'react';
import { Breadcrumb, Button, Col, DatePicker, Row, Segmented, Space, Table, Tag } from 'antd';
import { DesktopOutlined, DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { withQuery } from '../../../api/client.ts';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { cockpitChildOf, isUnitView, periodLine, periodOf, presetOf, presetPeriod, useCockpitData, type Period, type PeriodPreset } from './data.ts';
import { KpiGrid, Panel } from './parts.tsx';
import {
  CategoryPanel,
  ChannelPanel,
  HotspotPanel,
  MapPanel,
  OverduePanel,
  RankingPanel,
  RectificationPanel,
  StaffingPanel,
  TrendPanel,
  VitalityPanel,
  useMeasureColumns,
} from './panels.tsx';
import type { Breakdown, BreakdownRow, Summary } from './types.ts';
import { ParticipationPanel } from './ParticipationPanel.tsx';
import { BurdenCockpitPanel } from '../burden/CockpitPanel.tsx';
import './cockpit.css';

/** The default period (this month) is not written into the address. */
const isDefaultPeriod = (p: Period) => {
  const def = presetPeriod('month');
  return p.from === def.from && p.to === def.to;
};

/** The address's query for a period. */
const search = (p: Period) => (isDefaultPeriod(p) ? '' : `?from=${p.from}&to=${p.to}`);

export function usePeriodParams(): [Period, (p: Period) => void] {
  const [params, setParams] = useSearchParams();
  const period = useMemo(() => periodOf(params), [params]);
  // Kept while the address is: the page's head, memoised, does not render again at each answer for a new function.
  const set = useCallback((p: Period) => setParams(isDefaultPeriod(p) ? {} : { from: p.from, to: p.to }), [setParams]);
  return [period, set];
}

/** Its data are asked for before its first render (lib/preloadable.ts). */
export { prefetchCockpit as prefetch } from './data.ts';

/**
 * The height of the map and of the table of sub-areas beside it, loading or loaded alike: what lies below does not move
 * when they arrive. The table's body leaves room for its one-line header and the sideways scroll bar under it (the
 * measures' names stay on one line: cockpit.css).
 */
const TOP_ROW = 480;
const TABLE_HEAD = 56;

export default function CockpitPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { code: codeParam } = useParams();
  const code = codeParam ?? me.scope.code;
  const [period, setPeriod] = usePeriodParams();
  const unitView = isUnitView(me);
  const { can } = useAuth();
  // 基层减负: the district's figures of admission and forms (docs/BURDEN.md).
  const burdenPanel = !unitView && can('burden.read') && me.scope.code.length <= 6 && code.length <= 6;
  const d = useCockpitData(code, period, unitView);
  // The table of sub-areas beside the map, laid out from the first frame (the code names the level).
  const children = !unitView && cockpitChildOf(code) !== null;
  const s = d.summary.data;
  // One function while the period is the same: the panels that drill down with it do not render again for nothing.
  const go = useCallback((c: string) => navigate(`/cockpit/${c}${search({ from: period.from, to: period.to })}`), [navigate, period.from, period.to]);
  const threshold = s?.rectificationThreshold ?? 0.6;

  if (d.summary.error) return <LoadError error={d.summary.error} onRetry={d.summary.reload} />;

  return (
    <div className="gz-page gz-cockpit" data-testid="cockpit-page" data-area={s?.area.code}>
      <CockpitHead summary={s} period={period} onPeriod={setPeriod} code={code} unitView={unitView} onOpen={go} />

      {(s || d.summary.loading) && <KpiGrid m={s?.measures} prev={s?.previous} overdue={d.overdue.data?.total} />}

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={children ? 13 : 24}>
          <MapPanel map={d.map.data} loading={d.map.loading} onDrill={go} height={TOP_ROW} />
        </Col>
        {children && (
          <Col xs={24} xl={11}>
            <ChildrenPanel data={d.byChild.data} loading={d.byChild.loading} threshold={threshold} onOpen={go} />
          </Col>
        )}
        {!unitView && (
          <>
            <Col xs={24} xl={15}>
              <TrendPanel data={d.trend.data} period={d.trendPeriod} widened={d.trendPeriod.from !== period.from} loading={d.trend.loading} />
            </Col>
            <Col xs={24} xl={9}>
              <ChannelPanel data={d.byChannel.data} loading={d.byChannel.loading} />
            </Col>
            <Col xs={24} xl={10}>
              <CategoryPanel data={d.byCategory.data} loading={d.byCategory.loading} />
            </Col>
            <Col xs={24} xl={14}>
              <RankingPanel data={d.byUnit.data} loading={d.byUnit.loading} />
            </Col>
          </>
        )}
        <Col xs={24} xl={14}>
          <OverduePanel data={d.overdue.data} loading={d.overdue.loading} />
        </Col>
        <Col xs={24} xl={10}>
          <HotspotPanel data={d.hotspots.data} loading={d.hotspots.loading} />
        </Col>
        {!unitView && (
          <>
            <Col xs={24} xl={8}>
              <RectificationPanel data={d.rectification.data} loading={d.rectification.loading} onOpen={go} />
            </Col>
            <Col xs={24} xl={8}>
              <StaffingPanel data={d.staffing.data} loading={d.staffing.loading} />
            </Col>
            <Col xs={24} xl={8}>
              <VitalityPanel data={d.vitality.data} loading={d.vitality.loading} />
            </Col>
            <Col xs={24} xl={12}>
              <ParticipationPanel state={d.participation} />
            </Col>
          </>
        )}
        {burdenPanel && (
          <Col xs={24} xl={12}>
            <BurdenCockpitPanel month={period.to.slice(0, 7)} />
          </Col>
        )}
      </Row>
    </div>
  );
}

/**
 * The page's title, period and buttons. Memoised: it changes with the summary and the period, not with the other twelve
 * answers, each of which rendered it again (the range picker among it) while the page loaded.
 */
const CockpitHead = memo(function CockpitHead({ summary: s, period, onPeriod: setPeriod, code, unitView, onOpen: go }: {
  summary: Summary | null | undefined;
  period: Period;
  onPeriod: (p: Period) => void;
  code: string;
  unitView: boolean;
  onOpen: (code: string) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const preset = presetOf(period);
  const exportQuery = { area: code, from: period.from, to: period.to };
  const title = s ? (s.view === 'unit' && s.unit ? t('cockpit.unitTitle', { unit: s.unit.name }) : t('cockpit.title', { area: s.area.name })) : t('cockpit.menu');
  return (
    <>
      <PageHeader
        title={title}
        testId="cockpit-title"
        description={
          <Space size={12} wrap>
            {s && (
              <Breadcrumb
                data-testid="cockpit-breadcrumb"
                items={s.path.map((p, i) => ({
                  key: p.code,
                  title:
                    i < s.path.length - 1 ? (
                      <a onClick={() => go(p.code)} data-testid={`crumb-${p.code}`}>
                        {p.name}
                      </a>
                    ) : (
                      <span data-testid={`crumb-${p.code}`}>{p.name}</span>
                    ),
                }))}
              />
            )}
            {/* Named from the chosen period at once; the server draws the same line into the page's outline (periodLine). */}
            <span className="gz-muted">{periodLine(t, period)}</span>
            {unitView && <Tag color="blue">{t('cockpit.unitHint')}</Tag>}
            {unitView && s && (
              <Tag color="purple" data-testid="unit-assessment">
                {s.assessment?.score != null ? t('cockpit.unitAssessment', { score: s.assessment.score.toFixed(1), n: s.assessment.assessed }) : t('cockpit.unitAssessmentNone')}
              </Tag>
            )}
          </Space>
        }
      />
      {/* The period and the exports on a line of their own below the heading: the heading, which the server draws into the
          page's outline (mobile/firstFrame.tsx), stands where the outline drew it however this line wraps. */}
      <div className="gz-ck-toolbar">
        <Space wrap>
          <Segmented
            value={preset}
            onChange={(v) => v !== 'custom' && setPeriod(presetPeriod(v as Exclude<PeriodPreset, 'custom'>))}
            options={(['month', 'lastMonth', 'quarter', 'year', 'custom'] as const).map((k) => ({
              value: k,
              label: <span data-testid={`period-${k}`}>{t(`cockpit.period.${k}`)}</span>,
              disabled: k === 'custom' && preset !== 'custom',
            }))}
          />
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to)]}
            onChange={(v) => v?.[0] && v[1] && setPeriod({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
            data-testid="period-range"
          />
        </Space>
        <Space wrap>
          {!unitView && (
            <>
              <Button icon={<DownloadOutlined />} href={withQuery('/api/exports/units.xlsx', exportQuery)} data-testid="export-units">
                {t('cockpit.export.units')}
              </Button>
              <Button icon={<DownloadOutlined />} href={withQuery('/api/exports/areas.xlsx', exportQuery)} data-testid="export-areas">
                {t('cockpit.export.areas')}
              </Button>
            </>
          )}
          <Button type="primary" icon={<DesktopOutlined />} onClick={() => navigate(`/screen/${code}${search(period)}`)} data-testid="open-screen">
            {t('cockpit.openScreen')}
          </Button>
        </Space>
      </div>
    </>
  );
});

/** 下级区域: the measures of each sub-area beside the map; a village under the rectification threshold is tagged. */
const ChildrenPanel = memo(function ChildrenPanel({ data, loading, threshold, onOpen }: { data: Breakdown | null | undefined; loading: boolean; threshold: number; onOpen: (code: string) => void }) {
  const { t } = useI18n();
  const columns = useMeasureColumns(t('cockpit.col.area'), (r: BreakdownRow) => (
    <span data-testid="child-row" data-code={r.key ?? ''}>
      <a onClick={() => r.key && onOpen(r.key)}>{r.name}</a>
      {r.key?.length === 12 && r.rated > 0 && r.satisfactionRate < threshold && (
        <Tag color="red" className="gz-ck-tag">
          {t('cockpit.rectification.tag')}
        </Tag>
      )}
    </span>
  ));
  return (
    <Panel
      title={t('cockpit.panel.children')}
      testId="panel-children"
      loading={loading && !data}
      height={TOP_ROW}
      table={
        <Table
          size="small"
          rowKey={(r) => r.key ?? ''}
          pagination={false}
          scroll={{ y: TOP_ROW - TABLE_HEAD, x: 'max-content' }}
          dataSource={data?.items ?? []}
          columns={columns}
          locale={{ emptyText: t('cockpit.empty.cases') }}
        />
      }
    />
  );
});

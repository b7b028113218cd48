// 风险地图 (`002` 四色分级): households per colour per building (a village or finer) or per grid (a town or
// district), drawn where the building stands — or, without a building position, at the grid's centre as a dashed
// cluster the page says is approximate — with the counts per grid and the people of the chosen colours.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { FeatureCollection } from 'geojson';
import { useNavigate } from 'react-router-dom';
import { get } from '../../../api/client.ts';
import { getRiskMap, getRiskPeople, type RiskMapData, type RiskPerson } from '../../../api/evacuation.ts';
import type { GridMap as GridMapData, RiskColour } from '../../../api/types.ts';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { RISK_COLOURS, RISK_TEXT_COLOURS } from '../../../lib/areas.ts';
import { fmtNumber } from '../../../lib/format.ts';
import { useLabels } from '../../../lib/labels.ts';
import { addBaseLayer, projectionFor, useMapSettings } from '../../../lib/mapTiles.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PersonTags } from '../../components/PersonTags.tsx';
import { RiskTag } from '../../components/RiskTag.tsx';

const ALL: RiskColour[] = ['red', 'orange', 'yellow', 'blue'];
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export default function RiskMapPage() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const labels = useLabels();
  const navigate = useNavigate();
  // A district or town opens on its first level of detail the caller can act on; any area may be chosen.
  const [area, setArea] = useState<string>(me.scope.code);
  const [colours, setColours] = useState<RiskColour[]>(['red', 'orange', 'yellow']);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const map = useApi((signal) => getRiskMap(area, colours, signal), [area, colours.join(',')]);
  const people = useApi((signal) => (colours.length ? getRiskPeople(area, colours, page, pageSize, signal) : Promise.resolve({ total: 0, page, pageSize, items: [] })), [area, colours.join(','), page, pageSize]);
  const d = map.data;

  const gridColumns: ColumnsType<RiskMapData['grids'][number]> = [
    { title: t('evac.map.grid'), dataIndex: 'name', key: 'name', ellipsis: true },
    ...ALL.filter((c) => colours.includes(c)).map((c) => ({
      title: labels.risk(c),
      key: c,
      width: 80,
      align: 'right' as const,
      render: (_: unknown, g: RiskMapData['grids'][number]) => (g.counts[c] ? <strong style={{ color: RISK_TEXT_COLOURS[c] }}>{fmtNumber(g.counts[c])}</strong> : '0'),
    })),
    { title: t('risk.total'), key: 'total', width: 90, align: 'right' as const, render: (_, g) => fmtNumber(g.counts.total) },
  ];
  const personColumns: ColumnsType<RiskPerson> = [
    { title: t('evac.col.name'), dataIndex: 'name', key: 'name', width: 100 },
    { title: t('evac.col.age'), key: 'age', width: 70, render: (_, p) => p.age ?? '—' },
    { title: t('evac.col.phone'), key: 'phone', width: 130, render: (_, p) => p.phone ?? '—' },
    { title: t('evac.col.address'), dataIndex: 'address', key: 'address', ellipsis: true },
    { title: t('evac.col.risk'), key: 'risk', width: 90, render: (_, p) => <RiskTag colour={p.riskColour} /> },
    { title: t('person.tags'), key: 'tags', width: 200, render: (_, p) => (p.tags.length ? <PersonTags tags={p.tags} /> : '—') },
  ];

  return (
    <div className="gz-page" data-testid="risk-map-page">
      <PageHeader
        title={t('evac.map.title')}
        description={t('evac.map.desc')}
        extra={
          can('evacuations.manage') && colours.length ? (
            <Button type="primary" onClick={() => navigate(`/evacuations?area=${area}&colours=${colours.join(',')}`)} data-testid="risk-make-list">
              {t('evac.map.makeList')}
            </Button>
          ) : undefined
        }
      />
      <Card className="gz-card" size="small">
        <div className="gz-toolbar" style={{ flexWrap: 'wrap', gap: 12 }}>
          <Space>
            <span>{t('evac.map.area')}</span>
            <AreaTreeSelect value={area} onChange={(v) => (setArea(v ?? me.scope.code), setPage(1))} allowClear={false} selectableLevels={['district', 'town', 'village', 'grid', 'building']} testId="risk-area" style={{ width: 280 }} />
          </Space>
          <Space>
            <span>{t('evac.map.colours')}</span>
            <Checkbox.Group
              value={colours}
              onChange={(v) => (setColours(ALL.filter((c) => (v as string[]).includes(c))), setPage(1))}
              options={ALL.map((c) => ({ value: c, label: <span data-testid={`risk-filter-${c}`}>{labels.riskLong(c)}</span> }))}
            />
          </Space>
        </div>
        {d && (
          <Space wrap size={[8, 8]} style={{ margin: '8px 0' }} data-testid="risk-map-totals">
            {ALL.filter((c) => colours.includes(c)).map((c) => (
              <Tag key={c} variant="solid" style={{ background: RISK_TEXT_COLOURS[c], borderColor: RISK_TEXT_COLOURS[c], color: '#fff' }} data-testid={`risk-total-${c}`}>
                {labels.risk(c)} {fmtNumber(d.total[c])}
              </Tag>
            ))}
            <Typography.Text type="secondary">
              {t('risk.total')} {fmtNumber(d.total.total)} · {t(d.by === 'building' ? 'evac.map.byBuilding' : 'evac.map.byGrid')}
            </Typography.Text>
          </Space>
        )}
        {d && d.approximate > 0 && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('evac.map.approximate', { n: fmtNumber(d.approximate) })} data-testid="risk-map-approximate" />}
        {d && d.unplaced > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('evac.map.unplaced', { n: fmtNumber(d.unplaced) })} />}
        {map.error ? <LoadError error={map.error} onRetry={map.reload} /> : <ColourMap area={area} data={d ?? null} loading={map.loading} />}
      </Card>
      <Card className="gz-card" size="small" style={{ marginTop: 16 }} title={t('evac.map.gridTable')}>
        <Table size="small" rowKey="code" columns={gridColumns} dataSource={d?.grids ?? []} loading={map.loading} pagination={(d?.grids.length ?? 0) > 10 ? { pageSize: 10 } : false} data-testid="risk-grid-table" />
      </Card>
      <Card className="gz-card" size="small" style={{ marginTop: 16 }} title={t('evac.map.people')} extra={<Typography.Text type="secondary">{t('evac.map.peopleHelp')}</Typography.Text>}>
        {people.error ? (
          <LoadError error={people.error} onRetry={people.reload} />
        ) : (
          <Table<RiskPerson>
            size="small"
            rowKey="id"
            columns={personColumns}
            dataSource={people.data?.items ?? []}
            loading={people.loading}
            scroll={{ x: 800 }}
            data-testid="risk-people-table"
            pagination={{
              current: page,
              pageSize,
              total: people.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => t('common.total', { n: fmtNumber(n) }),
              onChange: (pg, s) => {
                setPage(s === pageSize ? pg : 1);
                setPageSize(s);
              },
            }}
          />
        )}
      </Card>
    </div>
  );
}

/** The map: grid outlines (a village or finer), one dot per building or grid in its worst colour, sized by households. */
function ColourMap({ area, data, loading }: { area: string; data: RiskMapData | null; loading: boolean }) {
  const t = useT();
  const { tx } = useI18n();
  const labels = useLabels();
  const settings = useMapSettings();
  const grids = useApi(area.length >= 12 ? (signal) => get<GridMapData>(`/api/areas/${area.slice(0, Math.min(area.length, 15))}/map`, undefined, signal) : null, [area]);
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const ready = settings !== null;
  const has = (data?.markers.length ?? 0) > 0;

  useEffect(() => {
    if (!el.current || !ready || !has) return;
    const m = L.map(el.current, { attributionControl: false, zoomControl: true, zoomSnap: 0.25, minZoom: 8, maxZoom: 20 });
    addBaseLayer(m, settings);
    mapRef.current = m;
    return () => {
      m.remove();
      mapRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, has, area]);

  useEffect(() => {
    const m = mapRef.current;
    if (!m || !data) return;
    const proj = projectionFor(settings);
    const group = L.featureGroup();
    if (grids.data?.features.length) {
      L.geoJSON(grids.data as unknown as FeatureCollection, {
        coordsToLatLng: proj.coordsToLatLng,
        style: () => ({ color: '#8c8c8c', weight: 1, fillOpacity: 0.03, dashArray: '4 3' }),
        interactive: false,
      }).addTo(group);
    }
    const max = Math.max(1, ...data.markers.map((k) => k.counts.total));
    for (const k of data.markers) {
      const colour = k.worst ? RISK_COLOURS[k.worst] : '#8c8c8c';
      const approx = k.level === 'cluster';
      const radius = 6 + Math.round(14 * Math.sqrt(k.counts.total / max));
      const dot = L.circleMarker(proj.toMap(k.lat, k.lng), {
        radius,
        color: approx ? colour : '#fff',
        weight: approx ? 2 : 1.5,
        dashArray: approx ? '3 3' : undefined,
        fillColor: colour,
        fillOpacity: approx ? 0.55 : 0.85,
        className: `gz-risk-dot gz-risk-${k.worst ?? 'none'}`,
      });
      const lines = (['red', 'orange', 'yellow', 'blue'] as const)
        .filter((c) => k.counts[c] > 0)
        .map((c) => `<span style="color:${RISK_COLOURS[c]}">■</span> ${esc(labels.risk(c))} ${k.counts[c]}`)
        .join('<br/>');
      const title = k.level === 'building' ? `${k.gridName} ${k.name}` : k.gridName;
      const what = k.level === 'cluster' && k.buildings ? tx('evac.map.tipCluster', '', { b: k.buildings, n: k.counts.total }) : tx('evac.map.tipHouseholds', '', { n: k.counts.total });
      dot.bindTooltip(`<strong>${esc(title)}</strong><br/>${esc(what)}<br/>${lines}${k.level === 'cluster' ? `<br/><em>${esc(t('evac.map.tipAtGrid'))}</em>` : ''}`, { className: 'gz-map-tip' });
      dot.addTo(group);
    }
    group.addTo(m);
    const b = group.getBounds();
    if (b.isValid()) m.fitBounds(b, { padding: [16, 16], maxZoom: 17 });
    return () => {
      group.remove();
    };
  }, [data, grids.data, settings, t, tx, labels, ready, has]);

  if (!ready || (loading && !data)) {
    return (
      <div className="gz-map-placeholder">
        <Spin />
      </div>
    );
  }
  if (!has) {
    return (
      <div className="gz-map-placeholder">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evac.map.empty')} />
      </div>
    );
  }
  return (
    <div className="gz-map-wrap">
      <div ref={el} className="gz-map gz-risk-map" data-testid="risk-map" />
      <div className="gz-muted" style={{ fontSize: 12, marginTop: 4 }} data-testid="risk-map-legend">
        {t('evac.map.legend')}：{t('evac.map.legendText')}
      </div>
    </div>
  );
}

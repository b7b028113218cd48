import { useState } from 'react';
import { Button, Card, Checkbox, Empty, Select, Space, Spin, Tag } from 'antd';
import { PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { get } from '../../../api/client.ts';
import type { AreaWithFullPath } from '../../../api/cases.ts';
import type { AreaChildren, AreaSummary } from '../../../api/types.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

interface Sheet {
  village: AreaWithFullPath;
  grids: { grid: AreaSummary; buildings: AreaSummary[] }[];
}

async function loadSheet(code: string, signal: AbortSignal): Promise<Sheet> {
  const [village, children] = await Promise.all([
    get<AreaWithFullPath>(`/api/areas/${code}`, undefined, signal),
    get<AreaChildren>(`/api/areas/${code}/children`, undefined, signal),
  ]);
  const grids = children.items.filter((a) => a.level === 'grid');
  const buildings = await Promise.all(grids.map((g) => get<AreaChildren>(`/api/areas/${g.code}/children`, undefined, signal)));
  return { village, grids: grids.map((grid, i) => ({ grid, buildings: (buildings[i]?.items ?? []).filter((b) => b.level === 'building') })) };
}

/** A printable sheet of report QR codes (码上报): one per grid and per building of a village. */
export default function QrSheetPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { code } = useParams();
  const villageCode = code ?? (me.scope.level === 'village' ? me.scope.code : undefined);
  const [withBuildings, setWithBuildings] = useState(true);
  const [onlyGrid, setOnlyGrid] = useState<string | undefined>();
  const sheet = useApi(villageCode ? (signal) => loadSheet(villageCode, signal) : null, [villageCode]);
  const base = window.location.origin;
  const qrSrc = (c: string) => `/api/qr/${c}?base=${encodeURIComponent(base)}`;

  const picker = (
    <AreaTreeSelect
      value={villageCode}
      onChange={(c) => c && navigate(`/qr/${c}`)}
      selectableLevels={['village']}
      aria-label={t('case.qr.pickVillage')} placeholder={t('case.qr.pickVillage')}
      allowClear={false}
      style={{ width: 260 }}
      testId="qr-village"
    />
  );

  if (!villageCode) {
    return (
      <div className="gz-page" data-testid="qr-page">
        <PageHeader title={t('menu.qr')} description={t('case.qr.desc')} />
        <Card className="gz-card">
          <Empty image={<QrcodeOutlined className="gz-qr-empty-icon" />} description={t('case.qr.pickHint')}>
            {picker}
          </Empty>
        </Card>
      </div>
    );
  }

  const data = sheet.data?.village.code === villageCode ? sheet.data : undefined;
  const place = data ? (data.village.fullPath ?? data.village.path).filter((p) => p.level !== 'district').map((p) => p.name) : [];
  const grids = data ? data.grids.filter((g) => !onlyGrid || g.grid.code === onlyGrid) : [];
  const cards = grids.flatMap(({ grid, buildings }) => [
    { area: grid, kind: 'grid' as const, gridName: grid.name },
    ...(withBuildings ? buildings.map((b) => ({ area: b, kind: 'building' as const, gridName: grid.name })) : []),
  ]);

  return (
    <div className="gz-page gz-qr-page" data-testid="qr-page">
      <div className="gz-no-print">
        <PageHeader
          title={t('menu.qr')}
          description={t('case.qr.desc')}
          extra={
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!data} data-testid="qr-print">
              {t('case.qr.print')}
            </Button>
          }
        />
        <Card className="gz-card gz-filter-card" size="small">
          <Space wrap size={16} className="gz-qr-toolbar">
            {me.scope.level !== 'village' && picker}
            <Select
              allowClear
              aria-label={t('case.qr.allGrids')} placeholder={t('case.qr.allGrids')}
              value={onlyGrid}
              onChange={setOnlyGrid}
              options={(data?.grids ?? []).map((g) => ({ value: g.grid.code, label: g.grid.name }))}
              style={{ width: 180 }}
              data-testid="qr-grid"
            />
            <Checkbox checked={withBuildings} onChange={(e) => setWithBuildings(e.target.checked)} data-testid="qr-with-buildings">
              {t('case.qr.withBuildings')}
            </Checkbox>
            {data && <span className="gz-muted">{t('case.qr.count', { n: fmtNumber(cards.length) })}</span>}
          </Space>
        </Card>
      </div>
      {sheet.error && !sheet.loading ? (
        <LoadError error={sheet.error} onRetry={sheet.reload} />
      ) : !data ? (
        <div className="gz-page-loading">
          <Spin />
        </div>
      ) : (
        <div className="gz-qr-sheet" data-testid="qr-sheet">
          <div className="gz-qr-sheet-title">
            {place.join(' ')} · {t('case.qr.sheetTitle')}
          </div>
          <div className="gz-qr-grid">
            {cards.map(({ area, kind, gridName }) => (
              <div key={area.code} className={`gz-qr-card gz-qr-kind-${kind}`} data-testid="qr-card" data-code={area.code}>
                <div className="gz-qr-card-head">
                  <span className="gz-qr-mark">共</span>
                  <span>{t('case.qr.cardTitle')}</span>
                </div>
                <img className="gz-qr-img" src={qrSrc(area.code)} alt={area.name} loading="lazy" />
                <div className="gz-qr-name">
                  {kind === 'building' ? `${gridName} · ${area.name}` : area.name}
                  <Tag className="gz-qr-kind" color={kind === 'grid' ? 'red' : 'default'}>
                    {kind === 'grid' ? t('level.grid') : t('level.building')}
                  </Tag>
                </div>
                <div className="gz-qr-path">{place.join(' ')}</div>
                <div className="gz-qr-foot">{t('case.qr.cardFoot')}</div>
                <div className="gz-qr-code">{area.code}</div>
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

// 积分榜: the month's ranking per scheme inside an area (by person, or by the areas one level
// down), with year and lifetime totals and star levels; exported as CSV for the 主题党日 notice.
import { useState } from 'react';
import { Button, Card, DatePicker, Segmented, Space, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined, ReloadOutlined, TrophyOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { get, withQuery } from '../../../api/client.ts';
import type { PointsLeaderboard as Leaderboard, LeaderboardAreaRow, LeaderboardPersonRow, PointScheme } from '@gongzhi/domain/contract';
import { POINT_SCHEMES } from '../../../lib/points.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';
import { usePointsLabels } from '../../../lib/points.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaSearchSelect } from '../../components/AreaSearchSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { Stars } from './common.tsx';

function Rank({ n }: { n: number }) {
  return n <= 3 ? (
    <span className={`gz-pts-medal gz-pts-medal-${n}`} data-testid="rank">
      {n}
    </span>
  ) : (
    <span className="gz-pts-rank" data-testid="rank">
      {n}
    </span>
  );
}

export default function LeaderboardPage() {
  const t = useT();
  const pl = usePointsLabels();
  const me = useMe();
  const [scheme, setScheme] = useState<PointScheme>('neighbourhood');
  const [month, setMonth] = useState<string | undefined>();
  const [by, setBy] = useState<'person' | 'area'>('person');
  const [area, setArea] = useState<string | undefined>();
  const query = { scheme, month, by, area, limit: 100 };
  const res = useApi((signal) => get<Leaderboard>('/api/points/leaderboard', query, signal), [scheme, month, by, area]);
  const board = res.data;
  const unit = pl.unit(scheme);

  const personColumns: ColumnsType<LeaderboardPersonRow> = [
    { title: t('points.lb.rank'), dataIndex: 'rank', key: 'rank', width: 70, align: 'center', render: (n: number) => <Rank n={n} /> },
    { title: t('points.lb.name'), dataIndex: 'name', key: 'name', render: (v: string, r) => <span data-testid="lb-name">{r.me ? <b>{v}</b> : v}</span> },
    { title: t('points.lb.area'), key: 'area', width: 180, render: (_, r) => r.areaName ?? r.areaCode },
    {
      title: t('points.lb.month'),
      dataIndex: 'points',
      key: 'points',
      width: 110,
      align: 'right',
      render: (v: number) => (
        <b className="gz-pts-num gz-pts-plus" data-testid="lb-points">
          {fmtNumber(v)}
        </b>
      ),
    },
    { title: t('points.lb.year'), dataIndex: 'yearPoints', key: 'year', width: 110, align: 'right', render: (v: number) => <span className="gz-pts-num">{fmtNumber(v)}</span> },
    { title: t('points.lb.total'), dataIndex: 'totalPoints', key: 'total', width: 110, align: 'right', render: (v: number) => <span className="gz-pts-num">{fmtNumber(v)}</span> },
    { title: t('points.lb.stars'), dataIndex: 'stars', key: 'stars', width: 150, render: (n: number) => <Stars n={n} /> },
  ];
  const areaColumns: ColumnsType<LeaderboardAreaRow> = [
    { title: t('points.lb.rank'), dataIndex: 'rank', key: 'rank', width: 70, align: 'center', render: (n: number) => <Rank n={n} /> },
    { title: t('points.lb.areaName'), dataIndex: 'name', key: 'name', render: (v: string) => <span data-testid="lb-name">{v}</span> },
    {
      title: t('points.lb.month'),
      dataIndex: 'points',
      key: 'points',
      width: 130,
      align: 'right',
      render: (v: number) => <b className="gz-pts-num gz-pts-plus">{fmtNumber(v)}</b>,
    },
    { title: t('points.lb.year'), dataIndex: 'yearPoints', key: 'year', width: 130, align: 'right', render: (v: number) => <span className="gz-pts-num">{fmtNumber(v)}</span> },
    { title: t('points.lb.holders'), dataIndex: 'holders', key: 'holders', width: 130, align: 'right', render: (v: number) => fmtNumber(v) },
  ];

  const csv = withQuery('/api/points/leaderboard', { ...query, format: 'csv' });
  const thresholds = board?.stars.thresholds ?? [];

  return (
    <div className="gz-page" data-testid="points-leaderboard-page">
      <PageHeader
        title={t('points.menu.leaderboard')}
        description={t('points.lb.desc')}
        testId="points-leaderboard-title"
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={res.reload}>
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<DownloadOutlined />} href={csv} download data-testid="lb-export">
              {t('points.lb.export')}
            </Button>
            <ExportButton path="/api/exports/points-leaderboard.xlsx" query={{ scheme, month, by, area, limit: 200 }} testId="lb-export-xlsx" />
          </Space>
        }
      />
      <Card className="gz-card" size="small">
        <div className="gz-pts-lb-controls">
          <Segmented<PointScheme> value={scheme} onChange={setScheme} options={POINT_SCHEMES.map((s) => ({ value: s, label: <span data-testid={`lb-scheme-${s}`}>{pl.schemeShort(s)}</span> }))} />
          <Space wrap>
            <DatePicker
              picker="month"
              allowClear={false}
              value={board ? dayjs(`${board.month}-01`) : undefined}
              onChange={(d) => setMonth(d ? d.format('YYYY-MM') : undefined)}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              data-testid="lb-month"
            />
            <Segmented
              value={by}
              onChange={(v) => setBy(v as 'person' | 'area')}
              options={[
                { value: 'person', label: t('points.lb.byPerson') },
                { value: 'area', label: t('points.lb.byArea') },
              ]}
            />
            <div style={{ width: 280 }}>
              <AreaSearchSelect value={area ?? me.scope.code} onChange={setArea} placeholder={t('points.lb.areaPick')} />
            </div>
            {area && area !== me.scope.code && <Button onClick={() => setArea(undefined)}>{t('common.reset')}</Button>}
          </Space>
        </div>
        {board && (
          <div className="gz-pts-lb-head" data-testid="lb-head">
            <TrophyOutlined className="gz-pts-lb-trophy" />
            <div>
              <div className="gz-pts-lb-title">{t('points.lb.heading', { area: board.area.name, month: board.month, scheme: pl.scheme(board.scheme, board.schemeName) })}</div>
              <div className="gz-muted gz-pts-lb-stars">
                {t('points.lb.starRule', { basis: board.stars.basis === 'year' ? t('points.stars.year') : t('points.stars.lifetime') })}
                {thresholds.map((v, i) => (
                  <Tag key={i} className="gz-pts-star-tag">
                    {'★'.repeat(i + 1)} {fmtNumber(v)} {unit}
                  </Tag>
                ))}
              </div>
            </div>
          </div>
        )}
        {res.error ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : board?.by === 'area' ? (
          <Table<LeaderboardAreaRow> size="middle" rowKey="areaCode" columns={areaColumns} dataSource={board.items} loading={res.loading} pagination={false} data-testid="lb-table" />
        ) : (
          <Table<LeaderboardPersonRow>
            size="middle"
            rowKey={(r) => `${r.rank}-${r.name}-${r.areaCode}`}
            columns={personColumns}
            dataSource={board?.by === 'person' ? board.items : []}
            loading={res.loading}
            pagination={false}
            data-testid="lb-table"
            locale={{ emptyText: <Tooltip title={t('points.lb.emptyHint')}>{t('points.lb.empty')}</Tooltip> }}
          />
        )}
      </Card>
    </div>
  );
}

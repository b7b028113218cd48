// The district cockpit's panel of burden figures (基层减负): this month's totals and the departments
// communities flagged or whose requests were refused, linking to the full figures.
import { memo } from 'react';
import { Button, Table, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import * as api from '../../../api/burden.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { Panel } from '../cockpit/parts.tsx';

export const BurdenCockpitPanel = memo(function BurdenCockpitPanel({ month }: { month: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const f = useApi((s) => api.burdenFigures({ from: month }, s), [month]);
  const d = f.data;
  return (
    <Panel
      title={t('burden.cockpit.panel')}
      testId="panel-burden"
      loading={f.loading && !d}
      extra={
        <Button size="small" type="link" onClick={() => navigate('/burden?tab=figures')}>
          {t('burden.cockpit.open')}
        </Button>
      }
      table={
        d ? (
          <>
            <div className="gz-ck-note" data-testid="burden-cockpit-totals">
              {t('burden.fig.totals', { a: d.totals.admitted, o: d.totals.outside, f: d.totals.forms, p: d.totals.prefilled, t: d.totals.typed, h: d.totals.hoursSaved })}
            </div>
            <Table
              size="small"
              rowKey={(r) => r.unit.id}
              pagination={false}
              scroll={{ y: 220, x: 'max-content' }}
              dataSource={d.departments}
              locale={{ emptyText: t('burden.fig.empty') }}
              columns={[
                { title: t('burden.fig.dept'), key: 'unit', render: (_, r) => r.unit.name },
                { title: t('burden.fig.requested'), dataIndex: 'requested', key: 'requested' },
                { title: t('burden.fig.refused'), dataIndex: 'refused', key: 'refused' },
                { title: t('burden.fig.flagged'), dataIndex: 'flagged', key: 'flagged', render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
              ]}
            />
          </>
        ) : f.error ? (
          <Typography.Text type="secondary">{f.error.message}</Typography.Text>
        ) : undefined
      }
    />
  );
});

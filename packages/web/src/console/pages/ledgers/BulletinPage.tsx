// 工作简报: pick an area and a month, see the key figures, download the Word bulletin the server writes.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Statistic } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseStats } from '@gongzhi/domain/contract';
import { errorMessage, get } from '../../../api/client.ts';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { downloadFile } from '../../../lib/download.ts';
import { fmtNumber } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { ForbiddenPage, LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';


const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function range(m: Dayjs) {
  const end = m.endOf('month');
  const today = dayjs();
  return { from: m.startOf('month').format('YYYY-MM-DD'), to: (end.isAfter(today) ? today : end).format('YYYY-MM-DD') };
}

export default function BulletinPage() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [area, setArea] = useState<string>(me.scope.code);
  const [month, setMonth] = useState<Dayjs>(() => (dayjs().date() <= 5 ? dayjs().subtract(1, 'month') : dayjs()).startOf('month'));
  const [busy, setBusy] = useState(false);
  const key = month.format('YYYY-MM');
  const now = useApi((signal) => get<CaseStats>('/api/stats/cases', { area, ...range(month) }, signal), [area, key]);
  const prev = useApi((signal) => get<CaseStats>('/api/stats/cases', { area, ...range(month.subtract(1, 'month')) }, signal), [area, key]);
  if (!can('bulletin.read')) return <ForbiddenPage />;

  const onDownload = async () => {
    setBusy(true);
    try {
      const name = await downloadFile(`/api/bulletins/${area}/${key}.docx`, undefined, `bulletin-${key}.docx`);
      message.success(t('ledgers.bulletin.done', { name }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const figure = (label: string, get: (m: CaseStats) => number, fmt: (v: number) => string, testId?: string) => (
    <Card size="small" className="gz-stat" key={label}>
      <Statistic title={label} value={now.data ? fmt(get(now.data)) : '—'} data-testid={testId} />
      <div className="gz-muted">{prev.data ? t('ledgers.bulletin.prev', { v: fmt(get(prev.data)) }) : '\u00a0'}</div>
    </Card>
  );

  return (
    <div className="gz-page" data-testid="bulletin-page">
      <PageHeader title={t('ledgers.bulletin.title')} testId="bulletin-title" description={t('ledgers.bulletin.desc')} />
      <Card className="gz-card gz-filter-card" size="small">
        <Form layout="inline" className="gz-filters">
          <Form.Item label={t('ledgers.bulletin.area')}>
            <AreaTreeSelect value={area} onChange={(v) => setArea(v ?? me.scope.code)} allowClear={false} style={{ width: 260 }} testId="bulletin-area" />
          </Form.Item>
          <Form.Item label={t('ledgers.bulletin.month')}>
            <DatePicker picker="month" value={month} allowClear={false} onChange={(d) => d && setMonth(d.startOf('month'))} disabledDate={(d) => d.isAfter(dayjs(), 'month')} data-testid="bulletin-month" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" icon={<FileWordOutlined />} loading={busy} onClick={onDownload} data-testid="bulletin-download">
              {t('ledgers.bulletin.download')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {now.error ? (
        <LoadError error={now.error} onRetry={now.reload} />
      ) : (
        <div className="gz-stats" style={{ ['--gz-cols' as string]: 6 }}>
          {figure(t('ledgers.bulletin.received'), (m) => m.received, (v) => fmtNumber(v), 'bulletin-received')}
          {figure(t('ledgers.bulletin.closed'), (m) => m.closed, (v) => fmtNumber(v))}
          {figure(t('ledgers.bulletin.closureRate'), (m) => m.closureRate, pct)}
          {figure(t('ledgers.bulletin.onTime'), (m) => m.onTimeClosureRate, pct)}
          {figure(t('ledgers.bulletin.satisfaction'), (m) => m.satisfactionRate, pct)}
          {figure(t('ledgers.bulletin.score'), (m) => m.combinedScore, (v) => (v * 100).toFixed(1))}
        </div>
      )}
    </div>
  );
}

// 村规民约 / 居民公约: one row per village or community in the caller's scope, with the version in force
// and any draft; the village's own staff start one where there is none.
import { useState } from 'react';
import { Alert, App, Button, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { listConventions, startConvention, type ConventionSummary } from '../../../api/conventions.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtDate } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

export default function ConventionsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useApi((signal) => listConventions(signal), []);
  const [busy, setBusy] = useState(false);
  const start = async (areaCode: string) => {
    setBusy(true);
    try {
      const r = await startConvention(areaCode);
      navigate(`/conventions/${r.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const columns: ColumnsType<ConventionSummary> = [
    { title: t('conv.col.area'), dataIndex: 'areaName', ellipsis: true, render: (v: string | null, c) => <a data-testid="conv-row-area">{v ?? c.areaCode}</a> },
    { title: t('conv.col.kind'), dataIndex: 'kind', width: 120, render: (k: string) => <Tag color={k === 'village' ? 'green' : 'blue'}>{t(k === 'village' ? 'conv.kind.village' : 'conv.kind.community')}</Tag> },
    { title: t('conv.col.adopted'), key: 'adopted', ellipsis: true, render: (_, c) => (c.adopted ? `${c.adopted.title}（${t('conv.versionNo', { n: c.adopted.versionNo })}）` : t('conv.none')) },
    { title: t('conv.col.articles'), key: 'articles', width: 90, render: (_, c) => (c.adopted ? t('conv.articleCount', { n: c.adopted.articleCount }) : '—') },
    { title: t('conv.col.adoptedOn'), key: 'adoptedOn', width: 140, render: (_, c) => (c.adopted?.adoptedOn ? fmtDate(c.adopted.adoptedOn) : '—') },
    { title: t('conv.col.draft'), key: 'draft', width: 120, render: (_, c) => (c.draft ? <Tag color="processing">{t('conv.versionNo', { n: c.draft.versionNo })}</Tag> : '—') },
  ];
  return (
    <div className="gz-page" data-testid="conventions-page">
      <PageHeader title={t('conv.title')} description={t('conv.desc')} testId="conventions-title" />
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Card className="gz-card" size="small">
          {can('conventions.manage') &&
            list.data?.missing.map((m) => (
              <Alert
                key={m.areaCode}
                style={{ marginBottom: 12 }}
                type="info"
                showIcon
                message={t('conv.startFor', { area: m.areaName, kind: m.kindLabel })}
                action={
                  <Button type="primary" size="small" loading={busy} onClick={() => start(m.areaCode)} data-testid="conv-start">
                    {t('conv.start', { kind: m.kindLabel })}
                  </Button>
                }
              />
            ))}
          <Table
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('conv.empty') }}
            pagination={false}
            scroll={{ x: 800 }}
            data-testid="conventions-table"
            onRow={(c) => ({ onClick: () => navigate(`/conventions/${c.id}`), style: { cursor: 'pointer' } })}
          />
        </Card>
      )}
    </div>
  );
}

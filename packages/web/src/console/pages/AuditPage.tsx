import { useState } from 'react';
import { Button, Card, Form, Input, Popover, Select, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { get } from '../../api/client.ts';
import type { AuditList, AuditRow } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { AreaName } from '../components/AreaName.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ExportButton } from '../components/ExportButton.tsx';
import { LoadError } from '../components/ErrorResult.tsx';

interface Filters {
  actor?: string;
  action?: string;
  entityType?: string;
}

const ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.password.change',
  'person.reveal',
  'person.create',
  'person.update',
  'user.create',
  'user.update',
  'user.unlock',
  'user.password.reset',
  'area.rename',
];
const ENTITY_TYPES = ['user', 'person', 'area', 'household'];
const OUTCOME_COLOUR: Record<string, string> = { ok: 'green', denied: 'orange', failed: 'red' };

export default function AuditPage() {
  const { t, locale } = useI18n();
  const labels = useLabels();
  const word = (x: { zh: string; en: string }) => (locale === 'en' ? x.en : x.zh);
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const res = useApi((signal) => get<AuditList>('/api/audit', { ...filters, page, pageSize }, signal), [JSON.stringify(filters), page, pageSize]);

  const columns: ColumnsType<AuditRow> = [
    { title: t('audit.time'), dataIndex: 'at', key: 'at', width: 150, render: (v: string) => <span className="gz-mono-soft">{fmtTime(v)}</span> },
    { title: t('audit.actor'), dataIndex: 'actor', key: 'actor', width: 120, render: (v: string | null) => (v ? <span className="gz-mono">{v}</span> : '—') },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      width: 140,
      render: (a: string, r) => (
        <Typography.Text className={a === 'person.reveal' ? 'gz-audit-reveal' : undefined} data-testid="audit-action">
          {r.actionLabel ? word(r.actionLabel) : labels.auditAction(a)}
        </Typography.Text>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 220,
      render: (_, r) =>
        r.entityType ? (
          <span>
            <Tag>{r.entityLabel ? word(r.entityLabel) : labels.auditEntity(r.entityType)}</Tag>
            <span className="gz-mono gz-muted" title={r.entityId ?? ''}>
              {r.entityId ? (r.entityType === 'area' || r.entityId.length <= 12 ? r.entityId : `${r.entityId.slice(0, 8)}…`) : ''}
            </span>
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('audit.area'), dataIndex: 'areaCode', key: 'area', width: 150, render: (c: string | null) => <AreaName code={c} /> },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      key: 'outcome',
      width: 80,
      render: (o: string) => (
        <Tag color={OUTCOME_COLOUR[o]} data-testid={`outcome-${o}`}>
          {t(o === 'ok' ? 'audit.ok' : o === 'denied' ? 'audit.denied' : 'audit.failed')}
        </Tag>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', width: 130, render: (v: string | null) => <span className="gz-mono-soft">{v ?? '—'}</span> },
    {
      title: t('audit.detail'),
      dataIndex: 'details',
      key: 'detail',
      render: (_: unknown, r) => {
        if (!r.details?.length) return <span className="gz-muted">—</span>;
        const text = r.details.map((d) => `${word(d.label)}：${d.value}`).join(' · ');
        return (
          <Popover
            content={
              <dl className="gz-audit-detail">
                {r.details.map((d) => (
                  <div key={d.key}>
                    <dt>{word(d.label)}</dt>
                    <dd>{d.value}</dd>
                  </div>
                ))}
              </dl>
            }
            trigger="hover"
            placement="left"
          >
            <span className="gz-detail" data-testid="audit-detail">
              {text}
            </span>
          </Popover>
        );
      },
    },
  ];

  return (
    <div className="gz-page" data-testid="audit-page">
      <PageHeader title={t('menu.audit')} extra={<ExportButton path="/api/exports/audit.xlsx" query={{ ...filters }} testId="audit-export" />} />
      <Card className="gz-card gz-filter-card" size="small">
        <Form<Filters>
          form={form}
          layout="inline"
          className="gz-filters"
          onFinish={(v) => {
            setPage(1);
            setFilters({ actor: v.actor?.trim() || undefined, action: v.action || undefined, entityType: v.entityType || undefined });
          }}
        >
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear placeholder={t('audit.actorPlaceholder')} style={{ width: 160 }} data-testid="audit-actor" />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <Select allowClear aria-label={t('common.all')} placeholder={t('common.all')} style={{ width: 170 }} options={ACTIONS.map((a) => ({ value: a, label: labels.auditAction(a) }))} />
          </Form.Item>
          <Form.Item name="entityType" label={t('audit.entityType')}>
            <Select allowClear aria-label={t('common.all')} placeholder={t('common.all')} style={{ width: 120 }} options={ENTITY_TYPES.map((e) => ({ value: e, label: labels.auditEntity(e) }))} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
              <Button
                icon={<ReloadOutlined />}
                onClick={() => {
                  form.resetFields();
                  setPage(1);
                  setFilters({});
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card className="gz-card" size="small">
        {res.error ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : (
          <Table<AuditRow>
            size="middle"
            rowKey="id"
            columns={columns}
            dataSource={res.data?.items ?? []}
            loading={res.loading}
            scroll={{ x: 1300 }}
            data-testid="audit-table"
            pagination={{
              current: page,
              pageSize,
              total: res.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => t('common.total', { n: fmtNumber(n) }),
              onChange: (p, s) => {
                setPage(s === pageSize ? p : 1);
                setPageSize(s);
              },
            }}
          />
        )}
      </Card>
    </div>
  );
}

// 敲门行动 (`002`): start a door-knocking campaign over an area, follow its progress per child area live,
// see the households not yet reached, start a second round or close it.
import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { closeCampaign, createCampaign, getProgress, getWorklist, listCampaigns, nextRound, type Campaign, type WorkItem } from '../../../api/campaigns.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RiskTag } from '../../components/RiskTag.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';

/** Seconds between refreshes of the progress while the page is open (live as the phones mark doors). */
const LIVE_SECONDS = 15;

const pct = (visited: number, total: number) => (total ? Math.round((visited / total) * 1000) / 10 : 0);

export default function CampaignsPage() {
  const t = useT();
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const list = useApi((signal) => listCampaigns(signal), []);
  const items = list.data?.items ?? [];
  const current = items.find((c) => c.id === selected) ?? items.find((c) => c.state === 'active') ?? items[0] ?? null;

  const columns: ColumnsType<Campaign> = [
    { title: t('campaign.titleCol'), dataIndex: 'title', key: 'title', ellipsis: true },
    { title: t('campaign.area'), key: 'area', width: 200, ellipsis: true, render: (_, c) => c.areaName ?? '—' },
    { title: t('campaign.round'), key: 'round', width: 90, render: (_, c) => t('campaign.roundN', { n: c.round }) },
    {
      title: t('campaign.state'),
      key: 'state',
      width: 100,
      render: (_, c) => <Tag color={c.state === 'active' ? 'processing' : 'default'}>{t(c.state === 'active' ? 'campaign.stateActive' : 'campaign.stateClosed')}</Tag>,
    },
    { title: t('campaign.createdAt'), key: 'createdAt', width: 150, render: (_, c) => fmtTime(c.createdAt) },
  ];

  return (
    <div className="gz-page" data-testid="campaigns-page">
      <PageHeader
        title={t('campaign.pageTitle')}
        description={t('campaign.pageDesc')}
        extra={
          can('campaigns.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-create">
              {t('campaign.create')}
            </Button>
          ) : undefined
        }
      />
      <Card className="gz-card" size="small" title={t('campaign.list')}>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Campaign>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={list.loading}
            pagination={items.length > 10 ? { pageSize: 10 } : false}
            scroll={{ x: 700 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaign.empty')} /> }}
            rowClassName={(c) => (c.id === current?.id ? 'ant-table-row-selected' : '')}
            onRow={(c) => ({ onClick: () => setSelected(c.id), style: { cursor: 'pointer' } })}
            data-testid="campaign-table"
          />
        )}
      </Card>
      {current && <CampaignDetail key={current.id} campaign={current} onChanged={list.reload} />}
      <CreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          setSelected(c.id);
          list.reload();
        }}
      />
    </div>
  );
}

function CampaignDetail({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const t = useT();
  const { tx } = useI18n();
  const { message, modal } = App.useApp();
  const [area, setArea] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const progress = useApi((signal) => getProgress(campaign.id, signal), [campaign.id]);
  const work = useApi((signal) => getWorklist(campaign.id, { area, page, pageSize }, signal), [campaign.id, area, page, pageSize]);
  const { reload: reloadProgress } = progress;
  const { reload: reloadWork } = work;

  // Live: the phones mark doors while the centre watches.
  useEffect(() => {
    if (campaign.state !== 'active') return;
    const timer = window.setInterval(() => {
      reloadProgress();
      reloadWork();
    }, LIVE_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [campaign.state, reloadProgress, reloadWork]);

  const act = async (what: 'round' | 'close') => {
    try {
      if (what === 'round') await nextRound(campaign.id);
      else await closeCampaign(campaign.id);
      message.success(t(what === 'round' ? 'campaign.roundStarted' : 'campaign.closed'));
      onChanged();
      reloadProgress();
      reloadWork();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const confirm = (what: 'round' | 'close') =>
    modal.confirm({
      title: t(what === 'round' ? 'campaign.roundConfirm' : 'campaign.closeConfirm'),
      content: t(what === 'round' ? 'campaign.roundConfirmText' : 'campaign.closeConfirmText'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: () => act(what),
    });

  const p = progress.data;
  const columns: ColumnsType<WorkItem> = [
    {
      title: t('campaign.household'),
      key: 'place',
      ellipsis: true,
      render: (_, h) => (
        <Space size={4} wrap>
          {h.needsHelp && <Tag color="red">{t('campaign.needsHelp')}</Tag>}
          <span>{h.place || h.address}</span>
        </Space>
      ),
    },
    { title: t('household.risk'), key: 'risk', width: 100, render: (_, h) => <RiskTag colour={h.riskColour} /> },
    {
      title: t('campaign.helpTags'),
      key: 'tags',
      width: 200,
      render: (_, h) => (h.helpTags.length ? h.helpTags.map((g) => <Tag key={g}>{tx(`campaign.tag.${g}`, '')}</Tag>) : '—'),
    },
    { title: t('campaign.lastResult'), key: 'last', width: 130, render: (_, h) => (h.lastResult ? tx(`campaign.result.${h.lastResult}`, '') : t('campaign.notYet')) },
  ];

  return (
    <>
      <Card
        className="gz-card"
        size="small"
        style={{ marginTop: 16 }}
        title={
          <span className="gz-wrap" data-testid="campaign-current">
            {campaign.title}（{campaign.areaName ?? '—'}，{t('campaign.roundN', { n: campaign.round })}）
          </span>
        }
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={() => (reloadProgress(), reloadWork())} aria-label={t('campaign.refresh')}>
              {t('campaign.refresh')}
            </Button>
            {campaign.allowedActions.includes('nextRound') && (
              <Button onClick={() => confirm('round')} data-testid="campaign-next-round">
                {t('campaign.nextRound')}
              </Button>
            )}
            {campaign.allowedActions.includes('close') && (
              <Button danger onClick={() => confirm('close')} data-testid="campaign-close">
                {t('campaign.close')}
              </Button>
            )}
          </Space>
        }
      >
        {progress.error ? (
          <LoadError error={progress.error} onRetry={reloadProgress} />
        ) : p ? (
          <div data-testid="campaign-progress">
            <Typography.Paragraph>
              {t('campaign.progressLine', { visited: fmtNumber(p.visited), households: fmtNumber(p.households), pct: pct(p.visited, p.households) })}
              {campaign.state === 'active' ? <span className="gz-muted" style={{ marginLeft: 12 }}>{t('campaign.live', { n: LIVE_SECONDS })}</span> : null}
            </Typography.Paragraph>
            <Progress percent={pct(p.visited, p.households)} status={campaign.state === 'active' ? 'active' : 'normal'} />
            <div className="gz-campaign-areas">
              {p.byArea.length === 0 && <span className="gz-muted">{t('campaign.noChildren')}</span>}
              {p.byArea.map((a) => (
                <div key={a.code} className="gz-campaign-area" data-testid={`campaign-area-${a.code}`}>
                  <span className="gz-campaign-area-name" title={a.name}>
                    {a.name}
                  </span>
                  <Progress percent={pct(a.visited, a.households)} size="small" aria-label={a.name} />
                  <span className="gz-muted gz-campaign-area-n">
                    {fmtNumber(a.visited)}/{fmtNumber(a.households)}
                  </span>
                </div>
              ))}
            </div>
          </div>
        ) : null}
      </Card>
      <Card className="gz-card" size="small" style={{ marginTop: 16 }} title={t('campaign.notReached')}>
        <div className="gz-toolbar">
          <Select
            allowClear
            aria-label={t('campaign.area')}
            placeholder={t('campaign.allAreas')}
            value={area}
            onChange={(v) => (setArea(v), setPage(1))}
            style={{ width: 240 }}
            options={(p?.byArea ?? []).map((a) => ({ value: a.code, label: a.name }))}
          />
        </div>
        {work.error ? (
          <LoadError error={work.error} onRetry={reloadWork} />
        ) : (
          <Table<WorkItem>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={work.data?.items ?? []}
            loading={work.loading}
            scroll={{ x: 800 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaign.allReached')} /> }}
            data-testid="campaign-worklist"
            pagination={{
              current: page,
              pageSize,
              total: work.data?.total ?? 0,
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
    </>
  );
}

function CreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (c: Campaign) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; areaCode: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const c = await createCampaign({ title: v.title.trim(), areaCode: v.areaCode, kind: 'door-knock' });
      message.success(t('campaign.created'));
      form.resetFields();
      onCreated(c);
    } catch (e) {
      applyServerErrors(form, e, message, ['title', 'areaCode']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('campaign.create')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t('campaign.createOk')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="campaign-form">
        <Form.Item name="title" label={t('campaign.titleCol')} rules={[{ required: true, whitespace: true, message: t('campaign.titleRequired') }, { max: 60 }]}>
          <Input placeholder={t('campaign.titlePlaceholder')} maxLength={60} data-testid="campaign-title" />
        </Form.Item>
        <Form.Item name="areaCode" label={t('campaign.area')} rules={[{ required: true, message: t('campaign.areaRequired') }]} extra={t('campaign.areaHelp')}>
          <AreaTreeSelect selectableLevels={['district', 'town', 'village', 'grid']} testId="campaign-area" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// 金点子, 需求清单, 赋能清单 and 治理项目 lists of the console.
import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Progress, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router-dom';
import { IDEA_STATES, NEED_STATES } from '@gongzhi/domain';
import { errorMessage } from '../../../api/client.ts';
import { createNeed, createOffer, decideIdea, listIdeas, listNeeds, listOffers, listProjects, type Idea, type Need, type Offer, type ProjectSummary } from '../../../api/projects.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtDate } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { LIST_PAGE_SIZE, ListCard, StateFilter, useListParams } from '../../components/ListCard.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { IdeaToTopicButton, IdeaTopicsWhere } from '../deliberations/IdeaTopic.tsx';

const STATE_COLORS: Record<string, string> = { open: 'orange', need: 'blue', topic: 'purple', closed: 'default', project: 'blue', met: 'green', claimed: 'blue' };

export function StateTag({ family, state, testId }: { family: 'idea' | 'need' | 'project'; state: string; testId?: string }) {
  const { tx } = useI18n();
  const key = family === 'project' ? `proj.state.${state}` : `proj.${family}.state.${state}`;
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid={testId} data-state={state}>
      {tx(key, '')}
    </Tag>
  );
}

export function IdeasPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const f = useListParams();
  const list = useApi((signal) => listIdeas({ area: f.area, state: IDEA_STATES.find((s) => s === f.state), page: f.page, pageSize: LIST_PAGE_SIZE }, signal), [f.area, f.state, f.page]);
  const decide = async (i: Idea, as: 'need' | 'topic' | 'close') => {
    try {
      const r = await decideIdea(i.id, as);
      message.success(as === 'need' ? t('proj.idea.toNeedDone') : t('proj.idea.done'));
      if (r.needId) navigate(`/needs/${r.needId}`);
      else list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const columns: ColumnsType<Idea> = [
    { title: t('proj.col.title'), dataIndex: 'title', render: (v: string, i) => <span title={i.content} data-testid="idea-row-title">{v}</span> },
    { title: t('proj.col.area'), dataIndex: 'areaName', width: 160, ellipsis: true },
    { title: t('proj.col.author'), dataIndex: 'author', width: 100 },
    { title: t('proj.col.quarter'), dataIndex: 'quarter', width: 90 },
    { title: t('proj.col.supports'), dataIndex: 'supports', width: 80, align: 'right' },
    { title: t('proj.col.state'), dataIndex: 'state', width: 100, render: (s: string) => <StateTag family="idea" state={s} /> },
    {
      title: t('proj.col.actions'),
      key: 'actions',
      width: 230,
      render: (_, i) =>
        i.allowedActions.includes('to-need') ? (
          <Space size={4} wrap>
            <Button size="small" type="primary" onClick={() => decide(i, 'need')} data-testid="idea-to-need">
              {t('proj.idea.toNeed')}
            </Button>
            <IdeaToTopicButton idea={i} onDone={list.reload} />
            <Popconfirm title={t('proj.idea.close')} onConfirm={() => decide(i, 'close')}>
              <Button size="small">{t('proj.idea.close')}</Button>
            </Popconfirm>
          </Space>
        ) : i.state === 'topic' ? (
          <IdeaTopicsWhere ideaId={i.id} />
        ) : null,
    },
  ];
  return (
    <div className="gz-page" data-testid="ideas-page">
      <PageHeader title={t('proj.ideas.title')} description={t('proj.ideas.desc')} testId="ideas-title" />
      <ListCard<Idea>
        filters={
          <>
            <AreaTreeSelect value={f.area} onChange={(v) => f.set('area', v)} placeholder={t('proj.filter.area')} style={{ width: 220 }} testId="ideas-filter-area" />
            <StateFilter label={t('proj.filter.state')} value={f.state} onChange={(v) => f.set('state', v)} options={(['open', 'need', 'topic', 'closed'] as const).map((s) => ({ value: s, label: t(`proj.idea.state.${s}`) }))} />
          </>
        }
        list={list}
        columns={columns}
        emptyText={t('proj.empty.ideas')}
        testId="ideas-table"
        scroll={{ x: 900 }}
        page={f.page}
        onPage={(p) => f.set('page', String(p))}
      />
    </div>
  );
}

export function NeedsPage() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const f = useListParams();
  const [creating, setCreating] = useState(false);
  const list = useApi((signal) => listNeeds({ area: f.area, state: NEED_STATES.find((s) => s === f.state), page: f.page, pageSize: LIST_PAGE_SIZE }, signal), [f.area, f.state, f.page]);
  const columns: ColumnsType<Need> = [
    { title: t('proj.col.title'), dataIndex: 'title', render: (v: string) => <a data-testid="need-row-title">{v}</a> },
    { title: t('proj.col.area'), dataIndex: 'areaName', width: 160, ellipsis: true },
    { title: t('proj.col.month'), dataIndex: 'month', width: 90 },
    {
      title: t('proj.col.sources'),
      key: 'sources',
      width: 220,
      render: (_, n) => (n.sources.length ? n.sources.map((s) => <Tag key={s.id}>{tx(`proj.src.${s.type}`, s.label.zh)}</Tag>) : <span style={{ color: '#6e6e6e' }}>{t('proj.need.noSources')}</span>),
    },
    { title: t('proj.col.state'), dataIndex: 'state', width: 100, render: (s: string) => <StateTag family="need" state={s} testId="need-row-state" /> },
  ];
  return (
    <div className="gz-page" data-testid="needs-page">
      <PageHeader
        title={t('proj.needs.title')}
        description={t('proj.needs.desc')}
        testId="needs-title"
        extra={
          can('projects.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="need-new">
              {t('proj.need.new')}
            </Button>
          )
        }
      />
      <ListCard<Need>
        filters={
          <>
            <AreaTreeSelect value={f.area} onChange={(v) => f.set('area', v)} placeholder={t('proj.filter.area')} style={{ width: 220 }} testId="needs-filter-area" />
            <StateFilter label={t('proj.filter.state')} value={f.state} onChange={(v) => f.set('state', v)} options={(['open', 'project', 'met'] as const).map((s) => ({ value: s, label: t(`proj.need.state.${s}`) }))} />
          </>
        }
        list={list}
        columns={columns}
        emptyText={t('proj.empty.needs')}
        testId="needs-table"
        scroll={{ x: 800 }}
        page={f.page}
        onPage={(p) => f.set('page', String(p))}
        onRow={(n) => ({ onClick: () => navigate(`/needs/${n.id}`), style: { cursor: 'pointer' } })}
      />
      {creating && <NewNeedModal onClose={() => setCreating(false)} onCreated={(id) => navigate(`/needs/${id}`)} />}
    </div>
  );
}

function NewNeedModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useAuth();
  const [form] = Form.useForm<{ areaCode: string; title: string; content: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const r = await createNeed(v);
      message.success(t('proj.saved'));
      onCreated(r.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('proj.need.new')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ areaCode: me && me.scope.code.length >= 12 ? me.scope.code.slice(0, 12) : undefined }}>
        <Form.Item name="areaCode" label={t('proj.need.area')} rules={[{ required: true, message: t('proj.need.area') }]}>
          <AreaTreeSelect placeholder={t('proj.need.area')} testId="need-area" />
        </Form.Item>
        <Form.Item name="title" label={t('proj.need.titleLabel')} rules={[{ required: true, max: 60, message: t('proj.need.titleLabel') }]}>
          <Input maxLength={60} data-testid="need-title" />
        </Form.Item>
        <Form.Item name="content" label={t('proj.need.contentLabel')} rules={[{ required: true, max: 1000, message: t('proj.need.contentLabel') }]}>
          <Input.TextArea rows={4} maxLength={1000} data-testid="need-content" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function OffersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [mine, setMine] = useState(false);
  const [creating, setCreating] = useState(false);
  const list = useApi((signal) => listOffers({ mine: mine || undefined }, signal), [mine]);
  const columns: ColumnsType<Offer> = [
    { title: t('proj.col.title'), dataIndex: 'title', render: (v: string, o) => <span title={o.content}>{v}</span> },
    { title: t('proj.col.unit'), dataIndex: 'unitName', width: 160, ellipsis: true },
    { title: t('proj.col.year'), dataIndex: 'year', width: 70 },
    { title: t('proj.col.content'), dataIndex: 'content', ellipsis: true },
    { title: t('proj.col.conditions'), dataIndex: 'conditions', width: 180, ellipsis: true },
    { title: t('proj.col.contact'), dataIndex: 'contact', width: 200, ellipsis: true },
    { title: t('proj.col.capacity'), key: 'cap', width: 110, align: 'right', render: (_, o) => `${o.capacity} / ${o.used}` },
    { title: t('proj.col.trainActivities'), dataIndex: 'activities', key: 'activities', width: 110, align: 'right' },
  ];
  return (
    <div className="gz-page" data-testid="offers-page">
      <PageHeader
        title={t('proj.offers.title')}
        description={t('proj.offers.desc')}
        testId="offers-title"
        extra={
          can('offers.publish') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="offer-new">
              {t('proj.offer.new')}
            </Button>
          )
        }
      />
      <Card className="gz-card" size="small">
        {can('offers.publish') && (
          <Space style={{ marginBottom: 12 }}>
            <Switch checked={mine} onChange={setMine} aria-label={t('proj.offer.mine')} />
            <span>{t('proj.offer.mine')}</span>
          </Space>
        )}
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Offer> rowKey="id" size="middle" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []} locale={{ emptyText: t('proj.empty.offers') }} data-testid="offers-table" scroll={{ x: 1000 }} pagination={{ pageSize: 20 }} />
        )}
      </Card>
      {creating && (
        <NewOfferModal
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

function NewOfferModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number; title: string; content: string; contact: string; conditions?: string; capacity: number }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await createOffer(v);
      message.success(t('proj.offer.published'));
      onCreated();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('proj.offer.new')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear(), capacity: 3 }}>
        <Form.Item name="year" label={t('proj.col.year')} rules={[{ required: true }]}>
          <InputNumber min={2020} max={2100} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="title" label={t('proj.col.title')} rules={[{ required: true, max: 60, message: t('proj.col.title') }]}>
          <Input maxLength={60} data-testid="offer-title" />
        </Form.Item>
        <Form.Item name="content" label={t('proj.col.content')} rules={[{ required: true, max: 1000, message: t('proj.col.content') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="offer-content" />
        </Form.Item>
        <Form.Item name="conditions" label={t('proj.col.conditions')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="contact" label={t('proj.col.contact')} rules={[{ required: true, max: 60, message: t('proj.col.contact') }]}>
          <Input maxLength={60} data-testid="offer-contact" />
        </Form.Item>
        <Form.Item name="capacity" label={t('proj.offer.capacity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={1000} style={{ width: 120 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ProjectTags({ p }: { p: Pick<ProjectSummary, 'secretaryProject' | 'ledger'> }) {
  const { t } = useI18n();
  return (
    <>
      {p.secretaryProject && <Tag color="red">{t('proj.tag.secretary')}</Tag>}
      {p.ledger && <Tag color="gold">{t('proj.tag.ledger')}</Tag>}
    </>
  );
}

export function ProjectsPage() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const f = useListParams();
  const list = useApi((signal) => listProjects({ area: f.area, state: f.state, page: f.page, pageSize: LIST_PAGE_SIZE }, signal), [f.area, f.state, f.page]);
  const columns: ColumnsType<ProjectSummary> = [
    {
      title: t('proj.col.title'),
      dataIndex: 'title',
      render: (v: string, p) => (
        <Space size={4} wrap>
          <a data-testid="project-row-title">{v}</a>
          <ProjectTags p={p} />
        </Space>
      ),
    },
    { title: t('proj.col.area'), dataIndex: 'areaName', width: 150, ellipsis: true },
    { title: t('proj.col.claimedBy'), key: 'claimedBy', width: 160, ellipsis: true, render: (_, p) => (p.claimedBy ? `${tx(`proj.claim.${p.claimedBy.kind}`, p.claimedBy.kindLabel.zh)}：${p.claimedBy.name}` : '—') },
    { title: t('proj.col.progress'), dataIndex: 'percent', width: 140, render: (n: number, row) => <Progress percent={n} size="small" aria-label={`${row.title} ${t('proj.col.progress')}`} /> },
    { title: t('proj.col.supervisors'), key: 'sup', width: 90, render: (_, p) => `${p.supervisors.signed}/${p.supervisors.total}` },
    { title: t('proj.col.due'), dataIndex: 'dueDate', width: 110, render: (d: string | null) => (d ? fmtDate(d) : '—') },
    { title: t('proj.col.state'), dataIndex: 'state', width: 100, render: (s: string) => <StateTag family="project" state={s} testId="project-row-state" /> },
  ];
  return (
    <div className="gz-page" data-testid="projects-page">
      <PageHeader title={t('proj.projects.title')} description={t('proj.projects.desc')} testId="projects-title" />
      <ListCard<ProjectSummary>
        filters={
          <>
            <AreaTreeSelect value={f.area} onChange={(v) => f.set('area', v)} placeholder={t('proj.filter.area')} style={{ width: 220 }} testId="projects-filter-area" />
            <StateFilter label={t('proj.filter.state')} value={f.state} onChange={(v) => f.set('state', v)} options={(['open', 'claimed', 'closed'] as const).map((s) => ({ value: s, label: t(`proj.state.${s}`) }))} />
          </>
        }
        list={list}
        columns={columns}
        emptyText={t('proj.empty.projects')}
        testId="projects-table"
        scroll={{ x: 1000 }}
        page={f.page}
        onPage={(p) => f.set('page', String(p))}
        onRow={(p) => ({ onClick: () => navigate(`/projects/${p.id}`), style: { cursor: 'pointer' } })}
      />
    </div>
  );
}

/** On a decided deliberation that passed: 列入需求清单, with the decision as the need's source. */
export function DecisionToNeed({ deliberation }: { deliberation: { id: string; areaCode: string; title: string; description: string } }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (!can('projects.manage')) return null;
  const go = async () => {
    setBusy(true);
    try {
      const r = await createNeed({ areaCode: deliberation.areaCode, title: deliberation.title.slice(0, 60), content: deliberation.description.slice(0, 1000), sources: [{ type: 'deliberation', id: deliberation.id }] });
      navigate(`/needs/${r.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button loading={busy} onClick={go} data-testid="delib-to-need">
      {t('proj.delib.toNeed')}
    </Button>
  );
}

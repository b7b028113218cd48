// A need of the needs list: its sources, and the offers of its year ordered by the explained match
// score. Staff decide: 立项 with an offer (or without), naming the residents' supervision group.
import { useRef, useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Descriptions, Form, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import type { PeopleList, Person } from '@gongzhi/domain/contract';
import { errorMessage, get } from '../../../api/client.ts';
import { createProject, getNeed, newKey, type MatchProposal } from '../../../api/projects.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StateTag } from './ListPages.tsx';

export default function NeedPage() {
  const { t, tx, locale } = useI18n();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const res = useApi((signal) => getNeed(id, signal), [id]);
  const [making, setMaking] = useState<{ offer: MatchProposal['offer'] | null } | null>(null);
  const n = res.data;
  const canMake = !!n?.allowedActions.includes('project');
  const columns: ColumnsType<MatchProposal> = [
    { title: t('proj.col.title'), key: 'title', render: (_, m) => <span data-testid="match-title">{m.offer.title}</span> },
    { title: t('proj.col.unit'), key: 'unit', width: 150, render: (_, m) => m.offer.unitName },
    {
      title: t('proj.col.score'),
      key: 'score',
      width: 90,
      align: 'right',
      render: (_, m) => (m.match.usable ? <strong data-testid="match-score">{m.match.score}</strong> : <Tag>{t('proj.need.unusable')}</Tag>),
    },
    { title: t('proj.col.reasons'), key: 'why', render: (_, m) => <span style={{ fontSize: 12, color: '#555' }}>{m.match.reasons.map((r) => (locale === 'en' ? r.en : r.zh)).join('；')}</span> },
    {
      title: t('proj.col.actions'),
      key: 'act',
      width: 90,
      render: (_, m) =>
        canMake && m.match.usable ? (
          <Button size="small" type="primary" onClick={() => setMaking({ offer: m.offer })} data-testid="match-make">
            {t('proj.need.makeProject')}
          </Button>
        ) : null,
    },
  ];
  return (
    <div className="gz-page" data-testid="need-page">
      <PageHeader
        title={n?.title ?? t('proj.needs.title')}
        testId="need-title"
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/needs')}>
              {t('proj.need.back')}
            </Button>
            {canMake && (
              <Button onClick={() => setMaking({ offer: null })} data-testid="need-make-plain">
                {t('proj.need.makeWithout')}
              </Button>
            )}
          </Space>
        }
      />
      {res.error ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : !n ? null : (
        <>
          <Card className="gz-card" size="small">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('proj.col.area')}>{n.areaName}</Descriptions.Item>
              <Descriptions.Item label={t('proj.col.month')}>{n.month}</Descriptions.Item>
              <Descriptions.Item label={t('proj.col.state')}>
                <StateTag family="need" state={n.state} testId="need-state" />
              </Descriptions.Item>
              <Descriptions.Item label={t('proj.need.sources')}>
                {n.sources.length ? n.sources.map((s) => <Tag key={s.id}>{`${tx(`proj.src.${s.type}`, s.label.zh)}：${s.title}`}</Tag>) : t('proj.need.noSources')}
              </Descriptions.Item>
              <Descriptions.Item label={t('proj.need.contentLabel')} span={2}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{n.content}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card className="gz-card" size="small" title={t('proj.need.matches')} style={{ marginTop: 12 }}>
            <p style={{ color: '#555', marginTop: 0 }}>{t('proj.need.matchesHint')}</p>
            <Table<MatchProposal> rowKey={(m) => m.offer.id} size="small" columns={columns} dataSource={n.matches} pagination={false} data-testid="matches-table" scroll={{ x: 800 }} locale={{ emptyText: t('proj.empty.offers') }} />
          </Card>
        </>
      )}
      {making && n && <MakeProjectModal needId={n.id} areaCode={n.areaCode} title={n.title} offer={making.offer} onClose={() => setMaking(null)} onCreated={(pid) => navigate(`/projects/${pid}`)} />}
    </div>
  );
}

function MakeProjectModal({ needId, areaCode, title, offer, onClose, onCreated }: { needId: string; areaCode: string; title: string; offer: MatchProposal['offer'] | null; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ supervisors: string[]; secretaryProject: boolean; ledger: boolean; budget?: number; dueDate?: Dayjs }>();
  const [options, setOptions] = useState<Person[]>([]);
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey());
  const search = async (q: string) => {
    if (!q.trim()) return;
    try {
      const r = await get<PeopleList>('/api/people', { area: areaCode.slice(0, 12), q: q.trim(), pageSize: 10 });
      setOptions((prev) => [...prev.filter((p) => form.getFieldValue('supervisors')?.includes(p.id)), ...r.items.filter((p) => !prev.some((x) => x.id === p.id))]);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const r = await createProject(
        needId,
        { offerId: offer?.id, supervisors: v.supervisors, secretaryProject: v.secretaryProject, ledger: v.ledger, budget: v.budget ?? undefined, dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : undefined },
        key.current,
      );
      message.success(t('proj.make.done'));
      onCreated(r.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('proj.make.title', { title })} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden okButtonProps={{ 'data-testid': 'make-submit' } as Record<string, string>}>
      <Form form={form} layout="vertical" initialValues={{ secretaryProject: false, ledger: false, supervisors: [] }}>
        <Form.Item label={t('proj.make.offer')}>{offer ? `${offer.title}（${offer.unitName}）` : t('proj.make.noOffer')}</Form.Item>
        <Form.Item name="supervisors" label={t('proj.make.supervisors')} rules={[{ required: true, type: 'array', min: 1, max: 9, message: t('proj.make.supervisors') }]}>
          <Select
            mode="multiple"
            showSearch
            filterOption={false}
            onSearch={search}
            placeholder={t('proj.make.supervisorsHint')}
            options={options.map((p) => ({ value: p.id, label: p.address ? `${p.name}（${p.address}）` : p.name }))}
            data-testid="make-supervisors"
          />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="secretaryProject" valuePropName="checked">
            <Checkbox data-testid="make-secretary">{t('proj.make.secretary')}</Checkbox>
          </Form.Item>
          <Form.Item name="ledger" valuePropName="checked">
            <Checkbox>{t('proj.make.ledger')}</Checkbox>
          </Form.Item>
        </Space>
        <Space size="large" wrap>
          <Form.Item name="budget" label={t('proj.make.budget')}>
            <InputNumber min={0} max={100000000} precision={2} style={{ width: 160 }} data-testid="make-budget" />
          </Form.Item>
          <Form.Item name="dueDate" label={t('proj.make.due')}>
            <DatePicker />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

// 网格队伍 (一格多员): the roster of a grid, community or town, and appointing people of the registry
// to its posts — each appointment opens an account with the post's role and area.
import { useEffect, useRef, useState } from 'react';
import { App, Badge, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import type { StaffEntry, StaffRoster } from '@gongzhi/domain/contract';
import { get, post } from '../../api/client.ts';
import type { AreaLevel, PeopleList } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useI18n, useT } from '../../i18n/index.tsx';
import { fmtNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { passwordProblem, USERNAME_RE } from '../../lib/validate.ts';
import { AreaTreeSelect } from '../components/AreaTreeSelect.tsx';
import { LoadError } from '../components/ErrorResult.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { applyServerErrors } from '../components/formErrors.ts';

type Entry = StaffEntry;
type Roster = StaffRoster;

export default function StaffPage() {
  const t = useT();
  const { tx } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [area, setArea] = useState<string | undefined>();
  const [postFilter, setPostFilter] = useState<string | undefined>();
  const [state, setState] = useState<'active' | 'ended' | 'all'>('active');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [appointing, setAppointing] = useState(false);
  const [ending, setEnding] = useState<Entry | null>(null);
  const res = useApi((signal) => get<Roster>('/api/staff', { area, post: postFilter, state, q: query || undefined, page, pageSize }, signal), [area, postFilter, state, query, page, pageSize]);
  const postLabel = (p: string) => tx(`staff.post.${p}`, p);

  const columns: ColumnsType<Entry> = [
    { title: t('staff.person'), key: 'person', width: 120, render: (_, e) => <span data-testid="staff-person">{e.person.name}</span> },
    { title: t('staff.post'), dataIndex: 'post', key: 'post', width: 130, render: (p: string) => <Tag color={p === 'grid-leader' ? 'red' : p.startsWith('grid-worker') ? 'blue' : undefined}>{postLabel(p)}</Tag> },
    { title: t('staff.area'), key: 'area', render: (_, e) => e.area.name },
    { title: t('staff.phone'), key: 'phone', width: 130, render: (_, e) => <span className="gz-mono">{e.person.phone ?? '—'}</span> },
    { title: t('staff.affiliation'), dataIndex: 'affiliation', key: 'affiliation', width: 150, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('staff.account'), key: 'account', width: 150, render: (_, e) => (e.account ? <span className="gz-mono">{e.account.username}</span> : '—') },
    { title: t('staff.startedOn'), dataIndex: 'startedOn', key: 'startedOn', width: 110 },
    {
      title: t('staff.state'),
      key: 'state',
      width: 100,
      render: (_, e) => (e.active ? <Badge status="success" text={t('staff.active')} /> : <Badge status="default" text={`${t('staff.ended')} ${e.endedOn ?? ''}`} />),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, e) =>
        e.allowedActions.includes('end') ? (
          <Button type="link" size="small" danger onClick={() => setEnding(e)} data-testid="staff-end">
            {t('staff.end')}
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="gz-page" data-testid="staff-page">
      <PageHeader
        title={t('staff.title')}
        description={t('staff.desc')}
        extra={
          can('staff.appoint') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAppointing(true)} data-testid="staff-appoint">
              {t('staff.appoint')}
            </Button>
          ) : undefined
        }
      />
      {res.data && (
        <div className="gz-tags" style={{ marginBottom: 12 }} data-testid="staff-summary">
          {res.data.summary.map((s) => (
            <Tag key={s.post}>
              {postLabel(s.post)} {fmtNumber(s.count)}
            </Tag>
          ))}
        </div>
      )}
      <Card className="gz-card" size="small">
        <div className="gz-toolbar">
          <Space wrap>
            <AreaTreeSelect value={area} onChange={(v) => (setArea(v), setPage(1))} placeholder={res.data?.area.name ?? t('staff.area')} style={{ width: 260 }} />
            <Select
              allowClear
              aria-label={t('staff.post')}
              placeholder={t('staff.allPosts')}
              value={postFilter}
              onChange={(v) => (setPostFilter(v), setPage(1))}
              style={{ width: 160 }}
              options={(res.data?.summary ?? []).map((s) => ({ value: s.post, label: postLabel(s.post) }))}
            />
            <Select
              aria-label={t('staff.state')}
              value={state}
              onChange={(v) => (setState(v), setPage(1))}
              style={{ width: 130 }}
              options={[
                { value: 'active', label: t('staff.stateActive') },
                { value: 'ended', label: t('staff.stateEnded') },
                { value: 'all', label: t('staff.stateAll') },
              ]}
            />
            <Input.Search
              allowClear
              enterButton={<SearchOutlined />}
              aria-label={t('staff.search')}
              placeholder={t('staff.search')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => (setQuery(v.trim()), setPage(1))}
              style={{ width: 220 }}
            />
          </Space>
        </div>
        {res.error ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : (
          <Table<Entry>
            size="middle"
            rowKey="id"
            columns={columns}
            dataSource={res.data?.items ?? []}
            loading={res.loading}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('staff.empty') }}
            data-testid="staff-table"
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
      <AppointModal
        open={appointing}
        posts={res.data?.appointablePosts ?? []}
        onClose={() => setAppointing(false)}
        onSaved={(username) => {
          setAppointing(false);
          message.success(t('staff.appointed', { username }));
          res.reload();
        }}
      />
      <EndModal
        entry={ending}
        onClose={() => setEnding(null)}
        onDone={() => {
          setEnding(null);
          message.success(t('staff.endDone'));
          res.reload();
        }}
      />
    </div>
  );
}

interface AppointValues {
  personId: string;
  post: string;
  areaCode: string;
  affiliation?: string;
  startedOn?: Dayjs;
  username: string;
  password: string;
}

function PersonSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const t = useT();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const ctrl = useRef<AbortController>(undefined);
  useEffect(() => () => (clearTimeout(timer.current), ctrl.current?.abort()), []);
  const search = (text: string) => {
    clearTimeout(timer.current);
    if (!text.trim()) return;
    timer.current = setTimeout(() => {
      ctrl.current?.abort();
      ctrl.current = new AbortController();
      setLoading(true);
      get<PeopleList>('/api/people', { q: text.trim(), pageSize: 20 }, ctrl.current.signal)
        .then((r) => setOptions(r.items.map((p) => ({ value: p.id, label: `${p.name}（${p.gender === 'female' ? '女' : '男'}${p.age !== null ? ` ${p.age}岁` : ''}）${p.address ?? ''}` }))))
        .catch(() => undefined)
        .finally(() => setLoading(false));
    }, 250);
  };
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: search }}
      loading={loading}
      options={options}
      placeholder={t('staff.personSearch')}
      aria-label={t('staff.personSearch')}
      notFoundContent={null}
      data-testid="staff-person-select"
    />
  );
}

function AppointModal({ open, posts, onClose, onSaved }: { open: boolean; posts: { post: string; level: AreaLevel }[]; onClose: () => void; onSaved: (username: string) => void }) {
  const t = useT();
  const { tx } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AppointValues>();
  const [saving, setSaving] = useState(false);
  const chosen = Form.useWatch('post', form);
  const level = posts.find((p) => p.post === chosen)?.level;

  const submit = async () => {
    let v: AppointValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await post('/api/staff', {
        personId: v.personId,
        post: v.post,
        areaCode: v.areaCode,
        username: v.username.trim(),
        password: v.password,
        affiliation: v.affiliation?.trim() || undefined,
        startedOn: v.startedOn ? v.startedOn.format('YYYY-MM-DD') : undefined,
      });
      onSaved(v.username.trim());
    } catch (e) {
      applyServerErrors(form, e, message, ['personId', 'post', 'areaCode', 'username', 'password', 'affiliation', 'startedOn']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={t('staff.appointTitle')} open={open} onOk={submit} onCancel={onClose} confirmLoading={saving} okText={t('common.save')} destroyOnHidden width={580}>
      <Form<AppointValues> form={form} layout="vertical" preserve={false} data-testid="staff-form">
        <Form.Item name="personId" label={t('staff.person')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('staff.person') }) }]}>
          <PersonSelect />
        </Form.Item>
        <Form.Item name="post" label={t('staff.post')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('staff.post') }) }]}>
          <Select
            aria-label={t('staff.post')}
            options={posts.map((p) => ({ value: p.post, label: tx(`staff.post.${p.post}`, p.post) }))}
            onChange={() => form.setFieldValue('areaCode', undefined)}
            data-testid="staff-post-select"
          />
        </Form.Item>
        <Form.Item
          name="areaCode"
          label={t('staff.area')}
          extra={chosen && level ? t('staff.areaHint', { post: tx(`staff.post.${chosen}`, chosen), level: tx(`staff.level.${level}`, level) }) : undefined}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('staff.area') }) }]}
        >
          <AreaTreeSelect selectableLevels={level ? [level] : []} testId="staff-area-select" />
        </Form.Item>
        {(chosen === 'info-worker' || chosen === 'sunk-cadre') && (
          <Form.Item name="affiliation" label={t('staff.affiliation')} extra={t('staff.affiliationHint')} rules={[{ max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
        )}
        <Form.Item name="startedOn" label={t('staff.startedOn')}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="username"
            label={t('staff.username')}
            style={{ flex: 1, marginRight: 12 }}
            rules={[{ required: true, message: t('common.required', { field: t('staff.username') }) }, { pattern: USERNAME_RE, message: t('users.usernameInvalid') }]}
          >
            <Input autoComplete="off" className="gz-mono" data-testid="staff-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('staff.password')}
            extra={t('staff.passwordHint')}
            style={{ flex: 1 }}
            rules={[
              { required: true, message: t('common.required', { field: t('staff.password') }) },
              {
                validator: async (_, v: string | undefined) => {
                  const p = v ? passwordProblem(v) : null;
                  if (p) throw new Error(t(p === 'tooShort' ? 'password.tooShort' : 'password.classes'));
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="staff-password" />
          </Form.Item>
        </Space.Compact>
      </Form>
    </Modal>
  );
}

function EndModal({ entry, onClose, onDone }: { entry: Entry | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { tx } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!entry) return;
    setSaving(true);
    try {
      const v = form.getFieldsValue();
      await post(`/api/staff/${entry.id}/end`, { reason: v.reason?.trim() || undefined });
      onDone();
    } catch (e) {
      applyServerErrors(form, e, message, ['reason']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={entry ? t('staff.endTitle', { name: entry.person.name, post: tx(`staff.post.${entry.post}`, entry.post) }) : ''}
      open={entry !== null}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('staff.end')}
      okButtonProps={{ danger: true }}
      destroyOnHidden
      width={440}
    >
      <p>{t('staff.endHint')}</p>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('staff.endReason')} rules={[{ max: 200 }]}>
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { ROLES as ALL_ROLES } from '@gongzhi/domain/roles';
import { useState } from 'react';
import { App, Badge, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { get, patch, post } from '../../api/client.ts';
import type { Unit, Units, UserList, UserRow } from '../../api/types.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { passwordProblem, USERNAME_RE } from '../../lib/validate.ts';
import { AreaName } from '../components/AreaName.tsx';
import { AreaSearchSelect } from '../components/AreaSearchSelect.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { LoadError } from '../components/ErrorResult.tsx';
import { applyServerErrors } from '../components/formErrors.ts';

// 三员分立: the security and audit administrators' roles are granted by the security administrator only.
const DUTY_ROLES = ['security', 'auditor'];
// Every role but the two duty roles, which only the security administrator grants.
const ROLES = ALL_ROLES.filter((r) => !DUTY_ROLES.includes(r));

export default function UsersPage() {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const res = useApi((signal) => get<UserList>('/api/users', { q: query, page, pageSize }, signal), [query, page, pageSize]);
  const units = useApi((signal) => get<Units>('/api/units', { all: 'true' }, signal), []);
  const unitName = new Map((units.data?.items ?? []).map((u) => [u.id, u.shortName || u.name]));

  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
      res.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ColumnsType<UserRow> = [
    { title: t('users.username'), dataIndex: 'username', key: 'username', width: 110, render: (u: string) => <span className="gz-mono">{u}</span> },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName', width: 190 },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (roles: string[]) => (
        <span className="gz-tags">
          {roles.map((r) => (
            <Tag key={r} color={r === 'admin' ? 'red' : DUTY_ROLES.includes(r) ? 'purple' : undefined}>
              {labels.role(r)}
            </Tag>
          ))}
        </span>
      ),
    },
    { title: t('users.scope'), dataIndex: 'scopeCode', key: 'scope', width: 110, render: (c: string) => <AreaName code={c} /> },
    { title: t('users.unit'), dataIndex: 'unitId', key: 'unit', width: 130, ellipsis: true, render: (id: string | null) => (id ? (unitName.get(id) ?? '—') : '—') },
    {
      title: t('users.status'),
      key: 'status',
      width: 84,
      render: (_, u) =>
        !u.active ? (
          <Badge status="default" text={t('users.inactive')} />
        ) : u.locked ? (
          <Tooltip title={t('users.lockedUntil', { time: fmtTime(u.lockedUntil) })}>
            <Badge status="warning" text={t('users.locked')} />
          </Tooltip>
        ) : (
          <Badge status="success" text={t('users.active')} />
        ),
    },
    { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', key: 'lastLogin', width: 140, render: (v: string | null) => (v ? fmtTime(v) : <span className="gz-muted">{t('users.never')}</span>) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 280,
      render: (_, u) => (
        <Space size={0} wrap={false}>
          {u.allowedActions.includes('edit') && (
            <Button type="link" size="small" onClick={() => setEditing(u)}>
              {t('common.edit')}
            </Button>
          )}
          {u.allowedActions.includes('edit') && u.id !== me.id && (
            <Popconfirm
              title={u.active ? t('users.disableConfirm') : t('users.enableConfirm')}
              onConfirm={() => act(() => patch(`/api/users/${u.id}`, { active: !u.active }), t(u.active ? 'users.disabled' : 'users.enabled'))}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
            >
              <Button type="link" size="small" danger={u.active}>
                {u.active ? t('users.disable') : t('users.enable')}
              </Button>
            </Popconfirm>
          )}
          {u.locked && u.allowedActions.includes('unlock') && (
            <Popconfirm title={t('users.unlockConfirm')} onConfirm={() => act(() => post(`/api/users/${u.id}/unlock`), t('users.unlocked'))} okText={t('common.ok')} cancelText={t('common.cancel')}>
              <Button type="link" size="small">
                {t('users.unlock')}
              </Button>
            </Popconfirm>
          )}
          {u.allowedActions.includes('resetPassword') && (
            <Button type="link" size="small" onClick={() => setResetting(u)}>
              {t('users.resetPassword')}
            </Button>
          )}
          {u.allowedActions.includes('endSessions') && (
            <Popconfirm
              title={t('users.endSessionsConfirm')}
              onConfirm={() => act(() => post(`/api/users/${u.id}/sessions/end`), t('users.sessionsEnded'))}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
            >
              <Button type="link" size="small">
                {t('users.endSessions')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="gz-page" data-testid="users-page">
      <PageHeader
        title={t('menu.users')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-add">
            {t(me.abilities.includes('users.manage') ? 'users.add' : 'users.addDuty')}
          </Button>
        }
      />
      <Card className="gz-card" size="small">
        <div className="gz-toolbar">
          <Input.Search
            allowClear
            enterButton={<SearchOutlined />}
            aria-label={t('users.search')} placeholder={t('users.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => {
              setPage(1);
              setQuery(v.trim());
            }}
            style={{ width: 300 }}
            data-testid="users-search"
          />
        </div>
        {res.error ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : (
          <Table<UserRow>
            size="middle"
            rowKey="id"
            columns={columns}
            dataSource={res.data?.items ?? []}
            loading={res.loading}
            scroll={{ x: 1150 }}
            data-testid="users-table"
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
      <UserModal
        user={editing}
        roleOptions={me.abilities.includes('users.manage') ? ROLES : DUTY_ROLES}
        units={units.data?.items ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          res.reload();
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}

interface UserValues {
  username: string;
  displayName: string;
  password?: string;
  roles: string[];
  scopeCode: string;
  unitId?: string | null;
}

function UserModal({ user, units, roleOptions, onClose, onSaved }: { user: UserRow | 'new' | null; units: Unit[]; roleOptions: string[]; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserValues>();
  const [saving, setSaving] = useState(false);
  const isNew = user === 'new';
  const open = user !== null;

  const submit = async () => {
    let v: UserValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      if (user === 'new') {
        await post('/api/users', { username: v.username.trim(), displayName: v.displayName.trim(), password: v.password, roles: v.roles, scopeCode: v.scopeCode, unitId: v.unitId || null });
        message.success(t('users.created'));
      } else if (user) {
        await patch(`/api/users/${user.id}`, { displayName: v.displayName.trim(), roles: v.roles, scopeCode: v.scopeCode, unitId: v.unitId || null });
        message.success(t('users.updated'));
      }
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, message, ['username', 'displayName', 'password', 'roles', 'scopeCode', 'unitId']);
    } finally {
      setSaving(false);
    }
  };

  const initial: Partial<UserValues> =
    user && user !== 'new' ? { username: user.username, displayName: user.displayName, roles: user.roles, scopeCode: user.scopeCode, unitId: user.unitId } : { roles: [] };

  return (
    <Modal
      title={isNew ? t('users.add') : t('users.edit')}
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('common.save')}
      destroyOnHidden
      width={560}
    >
      <Form<UserValues> form={form} layout="vertical" initialValues={initial} preserve={false} data-testid="user-form">
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={isNew ? t('users.usernameHint') : undefined}
          rules={isNew ? [{ required: true, message: t('common.required', { field: t('users.username') }) }, { pattern: USERNAME_RE, message: t('users.usernameInvalid') }] : []}
        >
          <Input disabled={!isNew} autoComplete="off" className="gz-mono" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('users.displayName') }) }, { max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
        {isNew && (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('users.passwordHint')}
            rules={[
              { required: true, message: t('common.required', { field: t('users.password') }) },
              {
                validator: async (_, v: string | undefined) => {
                  const p = v ? passwordProblem(v) : null;
                  if (p) throw new Error(t(p === 'tooShort' ? 'password.tooShort' : 'password.classes'));
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: t('users.roles') }) }]}>
          <Select mode="multiple" options={roleOptions.map((r) => ({ value: r, label: labels.role(r) }))} maxCount={5} aria-label={t('users.rolesHint')} placeholder={t('users.rolesHint')} />
        </Form.Item>
        <Form.Item name="scopeCode" label={t('users.scope')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('users.scope') }) }]}>
          <AreaSearchSelect placeholder={t('users.scopeSearch')} />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.unit')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('users.unitPlaceholder')} placeholder={t('users.unitPlaceholder')}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!user) return;
    let v: { password: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await post(`/api/users/${user.id}/password`, { password: v.password });
      message.success(t('users.passwordReset'));
      onClose();
    } catch (e) {
      applyServerErrors(form, e, message, ['password']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={user ? t('users.resetPasswordTitle', { name: `${user.displayName}（${user.username}）` }) : ''}
      open={user !== null}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('common.save')}
      destroyOnHidden
      width={440}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('users.passwordHint')}
          rules={[
            { required: true, message: t('common.required', { field: t('users.newPassword') }) },
            {
              validator: async (_, v: string | undefined) => {
                const p = v ? passwordProblem(v) : null;
                if (p) throw new Error(t(p === 'tooShort' ? 'password.tooShort' : 'password.classes'));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

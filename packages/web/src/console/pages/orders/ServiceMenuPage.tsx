// 服务菜单: what residents of the community may order; staff add items, edit them and retire them.
import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { errorMessage } from '../../../api/client.ts';
import { createMenuItem, getMenu, listTeams, updateMenuItem, type MenuItem } from '../../../api/wishes.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import '../wishes/wishes.css';

interface Values {
  name: string;
  category: string;
  description?: string;
  defaultTeamId?: string | null;
  sort?: number;
}

const CATEGORIES = ['维修', '陪伴', '代办跑腿', '健康', '法律咨询', '生活'];

export default function ServiceMenuPage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const area = me.scope.code.slice(0, 12);
  const menu = useApi((signal) => getMenu(area, signal), [area]);
  const teams = useApi((signal) => listTeams(area, signal), [area]);
  const [editing, setEditing] = useState<MenuItem | 'new' | null>(null);
  const [form] = Form.useForm<Values>();

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      if (editing === 'new') await createMenuItem({ area, ...v, defaultTeamId: v.defaultTeamId ?? null });
      else if (editing) await updateMenuItem(editing.id, { ...v, description: v.description ?? '', defaultTeamId: v.defaultTeamId ?? null });
      message.success(t('order.menu.saved'));
      setEditing(null);
      menu.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const toggle = async (m: MenuItem, active: boolean) => {
    try {
      await updateMenuItem(m.id, { active });
      menu.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const canEdit = menu.data?.canEdit ?? false;
  const columns: ColumnsType<MenuItem> = [
    { title: t('order.menu.name'), dataIndex: 'name', render: (v: string) => <b>{v}</b> },
    { title: t('order.menu.category'), dataIndex: 'category', render: (v: string) => <Tag color="red">{v}</Tag>, width: 110 },
    { title: t('order.menu.description'), dataIndex: 'description' },
    { title: t('order.menu.defaultTeam'), key: 'team', render: (_, m) => m.defaultTeam?.name ?? '—', width: 180 },
    { title: t('order.menu.sort'), dataIndex: 'sort', width: 70 },
    { title: t('order.menu.active'), key: 'active', width: 80, render: (_, m) => <Switch checked={m.active} disabled={!canEdit} onChange={(v) => toggle(m, v)} aria-label={`${t('order.menu.active')}：${m.name}`} data-testid="menu-active" /> },
    ...(canEdit
      ? [
          {
            title: '',
            key: 'edit',
            width: 60,
            render: (_: unknown, m: MenuItem) => (
              <Button
                type="link"
                icon={<EditOutlined />}
                onClick={() => {
                  form.setFieldsValue({ name: m.name, category: m.category, description: m.description, defaultTeamId: m.defaultTeam?.id ?? null, sort: m.sort });
                  setEditing(m);
                }}
                data-testid="menu-edit"
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <div className="gz-page" data-testid="service-menu-page">
      <PageHeader
        title={t('order.menu.title')}
        description={menu.data ? t('order.menu.desc', { area: menu.data.area.name }) : undefined}
        testId="service-menu-title"
        extra={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                form.resetFields();
                setEditing('new');
              }}
              data-testid="menu-add"
            >
              {t('order.menu.add')}
            </Button>
          )
        }
      />
      {menu.error ? (
        <LoadError error={menu.error} onRetry={menu.reload} />
      ) : (
        <Card className="gz-card" size="small">
          <Table<MenuItem> rowKey="id" size="middle" loading={menu.loading} columns={columns} dataSource={menu.data?.items ?? []} pagination={false} data-testid="menu-table" />
        </Card>
      )}
      <Modal open={editing !== null} title={editing === 'new' ? t('order.menu.add') : t('common.edit')} onCancel={() => setEditing(null)} onOk={save} okButtonProps={{ 'data-testid': 'menu-save' } as Record<string, string>} destroyOnHidden forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('order.menu.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input data-testid="menu-name" />
          </Form.Item>
          <Form.Item name="category" label={t('order.menu.category')} rules={[{ required: true, whitespace: true, max: 20 }]}>
            <Select
              showSearch
              data-testid="menu-category"
              options={[...new Set([...CATEGORIES, ...(menu.data?.items.map((m) => m.category) ?? [])])].map((c) => ({ value: c, label: c }))}
            />
          </Form.Item>
          <Form.Item name="description" label={t('order.menu.description')} rules={[{ max: 200 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="defaultTeamId" label={t('order.menu.defaultTeam')}>
            <Select allowClear options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="sort" label={t('order.menu.sort')}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

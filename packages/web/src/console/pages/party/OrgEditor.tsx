// Editing the organisation tree: a new organisation under the selected one, rename / secretary /
// move, and removing an empty one — offered as the organisation's allowedActions say.
import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, TreeSelect } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, post } from '../../../api/client.ts';
import type { AreaLevel } from '../../../api/types.ts';
import type { PartyOrgDetail, PartyOrgNode } from '@gongzhi/domain/contract';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';

/** Which kinds may sit under which, at which levels (mirrors ORG_PLACEMENT of the domain; the server decides). */
const CHILDREN: Record<string, { kind: string; levels: AreaLevel[] }[]> = {
  'town-committee': [{ kind: 'village-org', levels: ['village'] }],
  'village-org': [
    { kind: 'grid-branch', levels: ['grid'] },
    { kind: 'functional-branch', levels: ['village'] },
    { kind: 'compound-branch', levels: ['building', 'grid'] },
    { kind: 'joint-branch', levels: ['village', 'grid'] },
  ],
  'grid-branch': [
    { kind: 'building-group', levels: ['building', 'grid'] },
    { kind: 'compound-branch', levels: ['building', 'grid'] },
    { kind: 'joint-branch', levels: ['grid'] },
  ],
  'compound-branch': [{ kind: 'building-group', levels: ['building', 'grid'] }],
  'joint-branch': [{ kind: 'building-group', levels: ['building', 'grid'] }],
};
/** Kinds that may hold others (a parent to move under). */
const PARENT_OF: Record<string, string[]> = {
  'village-org': ['town-committee'],
  'grid-branch': ['village-org'],
  'functional-branch': ['village-org'],
  'joint-branch': ['village-org', 'grid-branch'],
  'compound-branch': ['village-org', 'grid-branch'],
  'building-group': ['grid-branch', 'compound-branch', 'joint-branch'],
};

interface Values {
  name: string;
  kind?: string;
  areaCode?: string;
  secretaryName?: string;
  parentId?: string;
}

interface TreeOption {
  value: string;
  title: string;
  disabled: boolean;
  children: TreeOption[];
}

export function OrgActions({ org, tree, onChanged, onRemoved }: { org: PartyOrgDetail; tree: PartyOrgNode[]; onChanged: (id: string) => void; onRemoved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [mode, setMode] = useState<'add' | 'edit' | null>(null);
  const remove = async () => {
    try {
      await api(`/api/party/orgs/${org.id}`, { method: 'DELETE' });
      message.success(t('party.tree.removed'));
      onRemoved();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const can = (a: string) => org.allowedActions.includes(a);
  if (!can('edit') && !can('add-child')) return null;
  return (
    <>
      <Space size={4}>
        {can('add-child') && (CHILDREN[org.kind]?.length ?? 0) > 0 && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setMode('add')} data-testid="party-org-add">
            {t('party.tree.add')}
          </Button>
        )}
        {can('edit') && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setMode('edit')} data-testid="party-org-edit">
            {t('common.edit')}
          </Button>
        )}
        {can('delete') && (
          <Popconfirm title={t('party.tree.removeConfirm', { name: org.name })} onConfirm={remove} okText={t('common.ok')} cancelText={t('common.cancel')}>
            <Button size="small" danger icon={<DeleteOutlined />} data-testid="party-org-remove">
              {t('party.tree.remove')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <OrgModal
        mode={mode}
        org={org}
        tree={tree}
        onClose={() => setMode(null)}
        onSaved={(id) => {
          setMode(null);
          onChanged(id);
        }}
      />
    </>
  );
}

function OrgModal({ mode, org, tree, onClose, onSaved }: { mode: 'add' | 'edit' | null; org: PartyOrgDetail; tree: PartyOrgNode[]; onClose: () => void; onSaved: (id: string) => void }) {
  const t = useT();
  const { tx } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const options = CHILDREN[org.kind] ?? [];
  const levels = options.find((o) => o.kind === kind)?.levels ?? [];
  const parents = PARENT_OF[org.kind] ?? [];
  // Possible new parents: organisations of a kind that may hold this one, never itself or below it.
  const toOption = (n: PartyOrgNode, inside: boolean): TreeOption => {
    const below = inside || n.id === org.id;
    return { value: n.id, title: n.name, disabled: below || !parents.includes(n.kind), children: n.children.map((c) => toOption(c, below)) };
  };

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      if (mode === 'add') {
        const created = await post<PartyOrgDetail>('/api/party/orgs', { name: v.name.trim(), kind: v.kind, parentId: org.id, areaCode: v.areaCode, secretaryName: v.secretaryName?.trim() || undefined });
        message.success(t('party.tree.created'));
        onSaved(created.id);
      } else {
        await api(`/api/party/orgs/${org.id}`, {
          method: 'PATCH',
          body: { name: v.name.trim(), secretaryName: v.secretaryName?.trim() || null, ...(v.parentId && v.parentId !== org.parent?.id ? { parentId: v.parentId } : {}) },
        });
        message.success(t('party.tree.saved'));
        onSaved(org.id);
      }
    } catch (e) {
      applyServerErrors(form, e, message, ['name', 'kind', 'areaCode', 'secretaryName', 'parentId']);
    } finally {
      setSaving(false);
    }
  };

  const initial: Partial<Values> = mode === 'edit' ? { name: org.name, secretaryName: org.secretaryName ?? undefined, parentId: org.parent?.id } : { kind: options[0]?.kind };
  // The form instance outlives each opening: fill it afresh every time the dialog opens.
  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    form.setFieldsValue(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, org.id]);
  return (
    <Modal
      title={mode === 'add' ? t('party.tree.addTitle', { name: org.name }) : t('party.tree.editTitle', { name: org.name })}
      open={mode !== null}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('common.save')}
      destroyOnHidden
      width={540}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} data-testid="party-org-form">
        {mode === 'add' && (
          <Form.Item name="kind" label={t('party.tree.kind')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('party.tree.kind') }) }]}>
            <Select
              aria-label={t('party.tree.kind')}
              options={options.map((o) => ({ value: o.kind, label: tx(`party.orgKind.${o.kind}`, o.kind) }))}
              onChange={() => form.setFieldValue('areaCode', undefined)}
              data-testid="party-org-kind"
            />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('party.tree.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('party.tree.name') }) }, { max: 60 }]}>
          <Input maxLength={60} data-testid="party-org-name" />
        </Form.Item>
        {mode === 'add' && (
          <Form.Item name="areaCode" label={t('party.tree.area')} extra={t('party.tree.areaHint', { area: org.area.name })} rules={[{ required: true, message: t('common.requiredSelect', { field: t('party.tree.area') }) }]}>
            <AreaTreeSelect selectableLevels={levels} testId="party-org-area" />
          </Form.Item>
        )}
        <Form.Item name="secretaryName" label={t('party.orgs.secretary')} rules={[{ max: 20 }]}>
          <Input maxLength={20} data-testid="party-org-secretary" />
        </Form.Item>
        {mode === 'edit' && parents.length > 0 && (
          <Form.Item name="parentId" label={t('party.tree.parent')} extra={t('party.tree.parentHint')}>
            <TreeSelect aria-label={t('party.tree.parent')} treeData={tree.map((n) => toOption(n, false))} treeDefaultExpandAll />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

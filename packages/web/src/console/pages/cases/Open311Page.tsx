import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { ApiOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { get, post } from '../../../api/client.ts';
import type { ApiKey as Open311Key, ApiKeyCreated, ApiKeys } from '@gongzhi/domain/contract';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';

/** Open311 GeoReport v2 API keys for hotline systems and third-party apps (开放接口). */
export default function Open311Page() {
  const t = useT();
  const { message } = App.useApp();
  const res = useApi((signal) => get<ApiKeys>('/api/open311/keys', undefined, signal), []);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null);
  const base = `${window.location.origin}/open311/v2`;

  const revoke = async (k: Open311Key) => {
    try {
      await post(`/api/open311/keys/${k.id}/revoke`);
      message.success(t('case.o311.revoked', { name: k.name }));
      res.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ColumnsType<Open311Key> = [
    { title: t('case.o311.name'), dataIndex: 'name', key: 'name', render: (n: string) => <strong>{n}</strong> },
    { title: t('case.o311.hint'), dataIndex: 'keyHint', key: 'hint', width: 200, render: (h: string) => <span className="gz-mono">••••••{h}</span> },
    { title: t('case.o311.created'), dataIndex: 'createdAt', key: 'created', width: 170, render: (v: string) => fmtTime(v) },
    {
      title: t('case.o311.status'),
      dataIndex: 'revokedAt',
      key: 'status',
      width: 200,
      render: (v: string | null) => (v ? <Tag>{t('case.o311.revokedAt', { at: fmtTime(v) })}</Tag> : <Tag color="green">{t('case.o311.active')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, k) =>
        !k.revokedAt && (
          <Popconfirm title={t('case.o311.revokeConfirm', { name: k.name })} onConfirm={() => revoke(k)} okButtonProps={{ danger: true }}>
            <Button size="small" danger type="link" icon={<StopOutlined />} data-testid={`o311-revoke-${k.name}`}>
              {t('case.o311.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <div className="gz-page" data-testid="o311-page">
      <PageHeader
        title={t('menu.open311')}
        description={t('case.o311.desc')}
        testId="o311-title"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="o311-add">
            {t('case.o311.add')}
          </Button>
        }
      />
      <Card className="gz-card" size="small" title={<span><ApiOutlined /> {t('case.o311.endpoints')}</span>}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'disc', label: t('case.o311.discovery'), children: <Typography.Text copyable className="gz-mono">{`${base}/discovery.json`}</Typography.Text> },
            { key: 'svc', label: t('case.o311.services'), children: <Typography.Text copyable className="gz-mono">{`${base}/services.json`}</Typography.Text> },
            { key: 'req', label: t('case.o311.requests'), children: <Typography.Text copyable className="gz-mono">{`${base}/requests.json`}</Typography.Text> },
            { key: 'fmt', label: t('case.o311.formats'), children: <span className="gz-muted">{t('case.o311.formatsText')}</span> },
          ]}
        />
      </Card>
      <Card className="gz-card" size="small" title={t('case.o311.keys')}>
        {res.error && !res.loading ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : (
          <Table<Open311Key> size="middle" rowKey="id" columns={columns} dataSource={res.data?.items ?? []} loading={res.loading} pagination={false} data-testid="o311-table" />
        )}
      </Card>
      <CreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(k) => {
          setShown(k);
          res.reload();
        }}
      />
      <Modal
        open={shown !== null}
        title={t('case.o311.createdTitle')}
        onCancel={() => setShown(null)}
        footer={
          <Button type="primary" onClick={() => setShown(null)} data-testid="o311-key-done">
            {t('case.o311.saved')}
          </Button>
        }
        maskClosable={false}
        destroyOnHidden
      >
        {shown && (
          <>
            <Alert type="warning" showIcon title={t('case.o311.once')} className="gz-action-hint" />
            <div className="gz-muted">{shown.name}</div>
            <Typography.Paragraph copyable className="gz-o311-key" data-testid="o311-key">
              {shown.key}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </div>
  );
}

function CreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (k: { name: string; key: string }) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const k = await post<ApiKeyCreated>('/api/open311/keys', { name: v.name.trim() });
      onClose();
      onCreated({ name: k.name, key: k.key });
    } catch (e) {
      applyServerErrors(form, e, message, ['name']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={t('case.o311.add')} open={open} onOk={submit} onCancel={onClose} confirmLoading={saving} destroyOnHidden okButtonProps={{ 'data-testid': 'o311-create' }}>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="name" label={t('case.o311.name')} extra={t('case.o311.nameHint')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('case.o311.name') }) }, { max: 60 }]}>
          <Input maxLength={60} placeholder={t('case.o311.namePlaceholder')} data-testid="o311-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

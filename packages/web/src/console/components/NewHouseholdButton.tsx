// 新建住户: a household at a grid, building or unit, by its door number (registry editors only).
import { useState } from 'react';
import { App, Button, Form, Input, Modal } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { HouseholdRecord } from '@gongzhi/domain/contract';
import { post } from '../../api/client.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';

export function NewHouseholdButton({ areaCode, onDone }: { areaCode: string; onDone: (id: string) => void }) {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ doorplate: string }>();
  if (!can('people.write') || areaCode.length < 15) return null;
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const h = await post<HouseholdRecord>('/api/households', { areaCode, doorplate: v.doorplate.trim() });
      message.success(t('household.create.done'));
      setOpen(false);
      form.resetFields();
      onDone(h.id);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="household-create">
        {t('household.create')}
      </Button>
      <Modal
        open={open}
        title={t('household.create')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit().catch(() => undefined)}
        confirmLoading={saving}
        okText={t('common.save')}
        okButtonProps={{ 'data-testid': 'household-create-submit' } as Record<string, string>}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="doorplate" label={t('household.doorplate')} rules={[{ required: true, whitespace: true, message: t('household.create.doorRequired') }]} extra={t('household.create.doorHint')}>
            <Input maxLength={20} data-testid="household-create-door" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

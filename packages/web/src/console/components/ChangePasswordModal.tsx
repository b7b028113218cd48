import { useState } from 'react';
import { App, Form, Modal } from 'antd';
import { post } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { applyServerErrors } from './formErrors.ts';
import { PasswordFields } from './PasswordFields.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success(t('password.changed'));
      form.resetFields();
      onClose();
    } catch (e) {
      applyServerErrors(form, e, message, ['currentPassword', 'newPassword']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('password.title')}
      open={open}
      onOk={submit}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      confirmLoading={saving}
      okText={t('common.save')}
      destroyOnHidden
      width={440}
    >
      <Form form={form} layout="vertical" requiredMark={false} data-testid="change-password-form">
        <PasswordFields hint={t('users.passwordHint')} />
      </Form>
    </Modal>
  );
}

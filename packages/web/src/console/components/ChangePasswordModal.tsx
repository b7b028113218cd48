import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { post } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { passwordProblem } from '../../lib/validate.ts';
import { applyServerErrors } from './formErrors.ts';

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
    const v = await form.validateFields();
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
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required', { field: t('password.current') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('users.passwordHint')}
          rules={[
            { required: true, message: t('common.required', { field: t('password.new') }) },
            {
              validator: async (_, value: string | undefined) => {
                const p = value ? passwordProblem(value) : null;
                if (p) throw new Error(t(p === 'tooShort' ? 'password.tooShort' : 'password.classes'));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('password.confirm') }) },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

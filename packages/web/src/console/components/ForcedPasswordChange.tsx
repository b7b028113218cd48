import { useState } from 'react';
import { Alert, App, Button, Card, Form } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { post } from '../../api/client.ts';
import { useAuth, useMe } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';
import { applyServerErrors } from './formErrors.ts';
import { PasswordFields } from './PasswordFields.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Shown instead of the console while the password must be changed (after a reset by the security
 * administrator, or when it is older than the configured age): the server answers nothing else.
 */
export function ForcedPasswordChange() {
  const t = useT();
  const me = useMe();
  const { refresh, logout } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success(t('password.changed'));
      await refresh();
    } catch (e) {
      applyServerErrors(form, e, message, ['currentPassword', 'newPassword']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="gz-forced-password" data-testid="forced-password-change">
      <Card className="gz-forced-password-card">
        <h2 className="gz-login-title">
          <LockOutlined /> {t('password.forcedTitle')}
        </h2>
        <Alert type="warning" showIcon description={t(me.passwordChange === 'expired' ? 'password.forcedExpired' : 'password.forcedReset')} style={{ marginBottom: 16 }} />
        <Form<Values> form={form} layout="vertical" size="large" requiredMark={false} onFinish={submit} data-testid="change-password-form">
          <PasswordFields hint={t('password.forcedRules')} testIdPrefix="forced" />
          <Button type="primary" htmlType="submit" block loading={saving} data-testid="forced-submit">
            {t('common.save')}
          </Button>
          <Button type="link" block onClick={() => void logout()} style={{ marginTop: 8 }}>
            {t('password.forcedLogout')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

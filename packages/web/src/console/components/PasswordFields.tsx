import { Form, Input } from 'antd';
import { useT } from '../../i18n/index.tsx';
import { passwordProblem } from '../../lib/validate.ts';

/**
 * The current, new and repeated password of a password change (fields `currentPassword`,
 * `newPassword`, `confirm`), checked as the server checks them where the browser can.
 */
export function PasswordFields({ hint, testIdPrefix }: { hint: string; testIdPrefix?: string }) {
  const t = useT();
  const id = (field: string) => (testIdPrefix ? `${testIdPrefix}-${field}` : undefined);
  return (
    <>
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required', { field: t('password.current') }) }]}>
        <Input.Password autoComplete="current-password" data-testid={id('current')} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={hint}
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
        <Input.Password autoComplete="new-password" data-testid={id('new')} />
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
        <Input.Password autoComplete="new-password" data-testid={id('confirm')} />
      </Form.Item>
    </>
  );
}

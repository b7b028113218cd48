import { useState } from 'react';
import { Badge, Button, Dialog, Form, Input, List, NavBar, Popup, Selector, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { get, post } from '../../api/client.ts';
import type { AreaWithFullPath } from '../../api/cases.ts';
import type { AreaDetail } from '../../api/types.ts';
import { useApi } from '../../lib/useApi.ts';
import { useAuth, useMe, usesConsole } from '../../auth/AuthContext.tsx';
import { useI18n, type Locale } from '../../i18n/index.tsx';
import { useLabels } from '../../lib/labels.ts';
import { passwordProblem } from '../../lib/validate.ts';
import { useOutbox } from '../../lib/outbox.ts';
import { ElderSettings, useElder } from '../elder.tsx';

export function MMe() {
  const { t, locale, setLocale } = useI18n();
  const me = useMe();
  const { logout, can } = useAuth();
  const labels = useLabels();
  const navigate = useNavigate();
  const [pwOpen, setPwOpen] = useState(false);
  const outbox = useOutbox();
  const waitingMine = outbox.items.filter((i) => i.state !== 'sent' && (i.owner === null || i.owner === me.id)).length;
  // Where the account belongs, as a person reads it (常乐镇 状元街居委会 第一网格), not an area code.
  const area = useApi((signal) => get<AreaDetail>(`/api/areas/${me.scope.code}`, undefined, signal), [me.scope.code]);
  const place = ((area.data as AreaWithFullPath | undefined)?.fullPath ?? area.data?.path ?? [])
    .filter((p) => p.level !== 'district')
    .map((p) => p.name)
    .join(' ');

  const { elder } = useElder();
  const onLogout = async () => {
    // 长辈版 has no pop-ups (适老化规范): the large button logs out at once (unless reports still wait to be sent).
    const ok = (elder && !waitingMine) || (await Dialog.confirm({ content: waitingMine ? t('offline.logoutWaiting', { n: waitingMine }) : t('header.logoutConfirm'), confirmText: t('common.ok'), cancelText: t('common.cancel') }));
    if (!ok) return;
    await logout();
    navigate('/m/login', { replace: true });
  };

  return (
    <div className="m-page">
      <NavBar backIcon={false} className="m-navbar">
        {t('m.me')}
      </NavBar>
      <div className="m-me-head">
        <div className="m-me-avatar">{Array.from(me.displayName)[0] ?? '共'}</div>
        <div>
          <div className="m-me-name" data-testid="m-me-name">
            {me.displayName}
          </div>
          <div className="m-me-role">{labels.roles(me.roles)}</div>
        </div>
      </div>
      <List header={t('m.myAccount')} className="m-list">
        <List.Item extra={me.username}>{t('m.account')}</List.Item>
        <List.Item extra={<span data-testid="m-me-place">{place || me.scope.name}</span>}>{can('people.read') ? t('m.scopeStaff') : t('m.place')}</List.Item>
        {me.unit && <List.Item extra={me.unit.name}>{t('m.unit')}</List.Item>}
        <List.Item onClick={() => navigate('/m/outbox')} extra={waitingMine ? <Badge content={waitingMine} /> : null} data-testid="m-me-outbox">
          {t('offline.entry')}
        </List.Item>
        <List.Item onClick={() => setPwOpen(true)}>{t('header.changePassword')}</List.Item>
        {usesConsole(me) && <List.Item onClick={() => navigate('/')}>{t('m.switchToConsole')}</List.Item>}
      </List>
      <List header={t('m.language')} className="m-list">
        <List.Item>
          <Selector<Locale>
            columns={2}
            value={[locale]}
            onChange={(v) => {
              const next = v[0];
              if (next) setLocale(next);
            }}
            options={[
              { label: '简体中文', value: 'zh-CN' },
              { label: 'English', value: 'en' },
            ]}
            data-testid="m-lang"
          />
        </List.Item>
      </List>
      <ElderSettings />
      <div className="m-pad">
        <Button block color="danger" fill="outline" size="large" onClick={onLogout} data-testid="m-logout">
          {t('m.logout')}
        </Button>
      </div>
      <Popup visible={pwOpen} onMaskClick={() => setPwOpen(false)} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12 }} destroyOnClose>
        <ChangePassword onDone={() => setPwOpen(false)} />
      </Popup>
    </div>
  );
}

/** Shown instead of the phone pages while the password must be changed (after a reset, or when too old). */
export function MForcedPasswordChange() {
  const { t } = useI18n();
  const { me, refresh, logout } = useAuth();
  return (
    <div className="m-forced-password" data-testid="forced-password-change">
      <div className="m-forced-password-note" role="alert">
        <div className="m-popup-title">{t('password.forcedTitle')}</div>
        <p>{t(me?.passwordChange === 'expired' ? 'password.forcedExpired' : 'password.forcedReset')}</p>
        <p className="m-muted">{t('password.forcedRules')}</p>
      </div>
      <ChangePassword onDone={() => void refresh()} />
      <div className="m-pad">
        <Button block fill="none" onClick={() => void logout()}>
          {t('password.forcedLogout')}
        </Button>
      </div>
    </div>
  );
}

function ChangePassword({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onFinish = async (v: { currentPassword?: string; newPassword?: string; confirm?: string }) => {
    setError(null);
    if (!v.currentPassword) return setError(t('common.required', { field: t('password.current') }));
    const p = passwordProblem(v.newPassword ?? '');
    if (p) return setError(t(p === 'tooShort' ? 'password.tooShort' : 'password.classes'));
    if (v.newPassword !== v.confirm) return setError(t('password.mismatch'));
    setBusy(true);
    try {
      await post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      Toast.show({ icon: 'success', content: t('password.changed') });
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="m-popup">
      <div className="m-popup-title">{t('password.title')}</div>
      {error && <div className="m-login-error">{error}</div>}
      <Form
        layout="horizontal"
        onFinish={onFinish}
        footer={
          <Button block type="submit" color="primary" loading={busy}>
            {t('common.save')}
          </Button>
        }
      >
        <Form.Item name="currentPassword" label={t('password.current')}>
          <Input type="password" autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} help={t('users.passwordHint')}>
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('password.confirm')}>
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </div>
  );
}

import { useState } from 'react';
import { Alert, Button, Form, Input, Space } from 'antd';
import { LockOutlined, MobileOutlined, SafetyCertificateOutlined, ApartmentOutlined, UserOutlined, TeamOutlined, SoundOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useAuth, usesConsole } from '../../auth/AuthContext.tsx';
import { asksChallenge, useLoginChallenge } from '../../auth/challenge.ts';
import { useT } from '../../i18n/index.tsx';
import { LangSwitch } from '../components/LangSwitch.tsx';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const { login, me, status } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<{ message: string; locked: boolean; warn: boolean } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const ch = useLoginChallenge();
  const from = (location.state as { from?: string } | null)?.from;

  if (status === 'authenticated' && me && !submitting) {
    return <Navigate to={usesConsole(me) ? (from ?? '/') : '/m'} replace />;
  }

  const onFinish = async (v: Values) => {
    setError(null);
    if (ch.challenge && !ch.answer.trim()) {
      setError({ message: t('login.challengeRequired'), locked: false, warn: true });
      return;
    }
    setSubmitting(true);
    try {
      const user = await login(v.username.trim(), v.password, ch.fields);
      navigate(usesConsole(user) ? (from && from !== '/login' ? from : '/') : '/m', { replace: true });
    } catch (e) {
      setSubmitting(false);
      // Each challenge is good for one try: a new one after every failure, or the first when the server asks.
      if (asksChallenge(e) || ch.challenge) void ch.load();
      if (e instanceof ApiError) setError({ message: e.message, locked: e.code === 'account_locked', warn: e.status === 429 || asksChallenge(e) });
      else setError({ message: e instanceof Error ? e.message : String(e), locked: false, warn: false });
    }
  };

  return (
    <div className="gz-login">
      <div className="gz-login-lang">
        <LangSwitch />
      </div>
      <div className="gz-login-panel">
        <div className="gz-login-brand">
          <div className="gz-login-mark">共</div>
          <div>
            <div className="gz-login-name" data-testid="login-product">{t('app.name')}</div>
            <div className="gz-login-sub">{t('app.subtitle')}</div>
          </div>
        </div>
        <ul className="gz-login-features">
          <li>
            <ApartmentOutlined /> {t('login.feature1')}
          </li>
          <li>
            <TeamOutlined /> {t('login.feature2')}
          </li>
          <li>
            <SafetyCertificateOutlined /> {t('login.feature3')}
          </li>
        </ul>
        <div className="gz-login-copy">{t('login.copyright')}</div>
      </div>
      <div className="gz-login-form-wrap">
        <div className="gz-login-card">
          <h2 className="gz-login-title">{t('login.title')}</h2>
          {error && (
            <Alert
              type={error.warn ? 'warning' : 'error'}
              showIcon
              title={error.locked ? t('login.locked') : undefined}
              description={<span data-testid="login-error">{error.message}</span>}
              className="gz-login-error"
            />
          )}
          <Form<Values> layout="vertical" size="large" onFinish={onFinish} requiredMark={false} autoComplete="on">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} placeholder={t('login.usernamePlaceholder')} autoComplete="username" data-testid="login-username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} placeholder={t('login.passwordPlaceholder')} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            {ch.challenge && (
              <Form.Item label={t('login.challenge')} required>
                <div className="gz-challenge" data-testid="login-challenge">
                  <img src={ch.challenge.image} alt={ch.challenge.question} className="gz-challenge-img" />
                  <div className="gz-challenge-q" data-testid="login-challenge-question">
                    {t('login.challengeQuestion', { q: ch.challenge.question })}
                  </div>
                  <Space size={4} wrap>
                    {ch.canSpeak && (
                      <Button icon={<SoundOutlined />} onClick={ch.speak} data-testid="login-challenge-speak">
                        {t('login.challengeSpeak')}
                      </Button>
                    )}
                    <Button icon={<ReloadOutlined />} onClick={() => void ch.load()}>
                      {t('login.challengeNew')}
                    </Button>
                  </Space>
                  <Input
                    value={ch.answer}
                    onChange={(e) => ch.setAnswer(e.target.value)}
                    inputMode="numeric"
                    maxLength={10}
                    placeholder={t('login.challengeAnswer')}
                    aria-label={ch.challenge.question}
                    data-testid="login-challenge-answer"
                  />
                </div>
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <p className="gz-login-hint">{t('login.hint')}</p>
          <div className="gz-login-links">
            <Link to="/m/login">
              <MobileOutlined /> {t('login.mobileEntry')}
            </Link>
          </div>
        </div>
      </div>
    </div>
  );
}

import { useState } from 'react';
import { Button, Form, Input } from 'antd-mobile';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext.tsx';
import { asksChallenge, useLoginChallenge } from '../../auth/challenge.ts';
import { useI18n } from '../../i18n/index.tsx';

export function MLogin() {
  const { t, locale, setLocale } = useI18n();
  const { login, me, status } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ch = useLoginChallenge();
  const from = (location.state as { from?: string } | null)?.from;

  if (status === 'authenticated' && me && !busy) return <Navigate to={from ?? '/m'} replace />;

  const onFinish = async (v: { username?: string; password?: string }) => {
    setError(null);
    if (!v.username?.trim()) return setError(t('login.usernameRequired'));
    if (!v.password) return setError(t('login.passwordRequired'));
    if (ch.challenge && !ch.answer.trim()) return setError(t('login.challengeRequired'));
    setBusy(true);
    try {
      await login(v.username.trim(), v.password, ch.fields);
      navigate(from && from.startsWith('/m') ? from : '/m', { replace: true });
    } catch (e) {
      setBusy(false);
      if (asksChallenge(e) || ch.challenge) void ch.load();
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="m-login">
      <div className="m-login-top">
        <a className="m-login-lang" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {locale === 'en' ? '中文' : 'English'}
        </a>
        <div className="m-login-mark">共</div>
        <div className="m-login-name">{t('app.name')}</div>
        <div className="m-login-sub">{t('app.subtitle')}</div>
      </div>
      <div className="m-login-card">
        <div className="m-login-title">{t('m.loginTitle')}</div>
        {error && (
          <div className="m-login-error" data-testid="login-error" role="alert">
            {error}
          </div>
        )}
        <Form
          layout="vertical"
          onFinish={onFinish}
          footer={
            <Button block type="submit" color="primary" size="large" loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          }
        >
          <Form.Item name="username" label={t('login.username')}>
            <Input placeholder={t('login.usernamePlaceholder')} clearable autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')}>
            <Input type="password" placeholder={t('login.passwordPlaceholder')} clearable autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {ch.challenge && (
            <Form.Item label={t('login.challenge')}>
              <div className="m-challenge" data-testid="login-challenge">
                <img src={ch.challenge.image} alt={ch.challenge.question} className="m-challenge-img" />
                <div className="m-challenge-q" data-testid="login-challenge-question">
                  {t('login.challengeQuestion', { q: ch.challenge.question })}
                </div>
                <div className="m-challenge-actions">
                  {ch.canSpeak && (
                    <Button size="small" onClick={ch.speak} data-testid="login-challenge-speak">
                      {t('login.challengeSpeak')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => void ch.load()}>
                    {t('login.challengeNew')}
                  </Button>
                </div>
                <Input
                  value={ch.answer}
                  onChange={ch.setAnswer}
                  inputMode="numeric"
                  maxLength={10}
                  placeholder={t('login.challengeAnswer')}
                  aria-label={ch.challenge.question}
                  data-testid="login-challenge-answer"
                />
              </div>
            </Form.Item>
          )}
        </Form>
        <div className="m-login-hint">{t('login.hint')}</div>
      </div>
      <div className="m-login-foot">
        <Link to="/login">{t('login.consoleEntry')}</Link>
      </div>
    </div>
  );
}

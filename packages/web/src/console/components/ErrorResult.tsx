import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { useAuth } from '../../auth/AuthContext.tsx';

export function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('error.pageNotFound')}
      subTitle={t('error.pageNotFoundHint')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('error.backHome')}
        </Button>
      }
    />
  );
}

export function ForbiddenPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('error.forbidden')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('error.backHome')}
        </Button>
      }
    />
  );
}

/** A failed load: 404 reads as "not here or not yours", anything else shows the server's message. */
export function LoadError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const t = useT();
  const { me } = useAuth();
  const navigate = useNavigate();
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return (
      <Result
        status="warning"
        title={t('error.notFoundTitle')}
        subTitle={
          <>
            <div data-testid="area-not-found">{error.status === 404 ? t('error.notFound') : error.message}</div>
            {me && <div>{t('error.notFoundHint', { scope: me.scope.name })}</div>}
          </>
        }
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('error.backHome')}
          </Button>
        }
      />
    );
  }
  return (
    <Result
      status="error"
      title={t('error.title')}
      subTitle={error.message}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

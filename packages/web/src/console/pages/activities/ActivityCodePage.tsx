// 签到码: the QR code shown at the venue. It is fetched again when its 30-second window ends, so a
// photo of it stops working; the organiser switches between check-in and check-out.
import { useState } from 'react';
import { Alert, Button, Card, Segmented, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { getActivity, getCode } from '../../../api/activities.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { useRotatingCode } from '../../../lib/useRotatingCode.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

export default function ActivityCodePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [purpose, setPurpose] = useState<'in' | 'out'>('in');
  const activity = useApi((signal) => getActivity(id, signal), [id]);
  const { code, left } = useRotatingCode((signal) => getCode(id, purpose, signal), [id, purpose]);
  return (
    <div className="gz-page" data-testid="activity-code-page">
      <PageHeader
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/activities/${id}`)} aria-label={t('common.back')} />
            {activity.data?.title ?? t('act.code.title')}
          </Space>
        }
      />
      <Card className="gz-card" style={{ textAlign: 'center' }}>
        <Segmented
          value={purpose}
          onChange={(v) => setPurpose(v as 'in' | 'out')}
          options={[
            { value: 'in', label: <span data-testid="code-purpose-in">{t('act.code.in')}</span> },
            { value: 'out', label: <span data-testid="code-purpose-out">{t('act.code.out')}</span> },
          ]}
        />
        {code.error ? (
          <LoadError error={code.error} onRetry={code.reload} />
        ) : code.data ? (
          <div style={{ marginTop: 16 }}>
            {!code.data.open && <Alert type="warning" showIcon message={t('act.code.closed')} style={{ marginBottom: 12 }} />}
            <div
              data-testid="checkin-qr"
              data-path={code.data.path}
              role="img"
              aria-label={t('act.code.title')}
              style={{ width: 'min(70vh, 100%)', maxWidth: 420, margin: '0 auto' }}
              dangerouslySetInnerHTML={{ __html: code.data.svg }}
            />
            <div style={{ fontSize: 16, marginTop: 12 }}>{t('act.code.hint', { purpose: t(`act.code.${purpose}`), seconds: code.data.periodSeconds })}</div>
            {left !== null && <div style={{ color: '#595959', marginTop: 4 }} data-testid="code-countdown">{t('act.code.refreshIn', { seconds: left })}</div>}
          </div>
        ) : null}
      </Card>
    </div>
  );
}

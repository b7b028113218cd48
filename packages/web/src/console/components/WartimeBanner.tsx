// The red banner on every console page of an area in wartime (平战转换): kind, level, since when.
import { Alert } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { useWartime, wartimeSentence } from '../../lib/wartime.ts';

export function WartimeBanner() {
  const t = useT();
  const navigate = useNavigate();
  const items = useWartime();
  if (!items.length) return null;
  return (
    <div className="gz-wartime-banner" data-testid="wartime-banner">
      {items.map((e) => (
        <Alert
          key={e.id}
          type="error"
          showIcon
          icon={<AlertOutlined />}
          banner
          message={wartimeSentence(t, e)}
          action={
            <a onClick={() => navigate(`/emergencies?id=${e.id}`)} data-testid="wartime-banner-open">
              {t('emergency.bannerLink')}
            </a>
          }
        />
      ))}
    </div>
  );
}

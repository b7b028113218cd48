// 心愿墙 in the console: the published wishes of an area as the public sees them (wishers masked).
import { useState } from 'react';
import { Card, Empty, Spin } from 'antd';
import { useNavigate } from 'react-router-dom';
import { wishWall } from '../../../api/wishes.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtDate } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusTag } from './common.tsx';

export default function WishWallPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const [area, setArea] = useState<string | undefined>(me.scope.code.length >= 9 ? me.scope.code.slice(0, 12) : undefined);
  const wall = useApi(area && area.length >= 9 ? (signal) => wishWall(area, signal) : null, [area]);
  return (
    <div className="gz-page" data-testid="wish-wall-page">
      <PageHeader
        title={t('wish.wall.title')}
        description={wall.data ? t('wish.wall.desc', { area: wall.data.area.name }) : undefined}
        testId="wish-wall-title"
        extra={<AreaTreeSelect value={area} onChange={setArea} style={{ width: 240 }} testId="wish-wall-area" />}
      />
      {wall.error ? (
        <LoadError error={wall.error} onRetry={wall.reload} />
      ) : !wall.data ? (
        area ? <Spin /> : <Empty />
      ) : wall.data.items.length === 0 ? (
        <Empty description={t('wish.wall.empty')} />
      ) : (
        <div className="gz-wo-wall" data-testid="wish-wall">
          {wall.data.items.map((w) => (
            <Card key={w.id} className="gz-wo-wall-card" data-state={w.state} hoverable onClick={() => navigate(`/wishes/${w.id}`)} data-testid="wish-wall-card">
              <div className="gz-wo-wall-title">
                <span>{w.title}</span>
                <StatusTag kind="wish" state={w.state} />
              </div>
              <div className="gz-wo-wall-desc">{w.description}</div>
              <div className="gz-wo-wall-meta">
                <span>{t('wish.wisherIs', { name: w.wisher.name })}</span>
                <span>{w.community.name}</span>
                <span>{fmtDate(w.createdAt)}</span>
                {w.claimedBy && <span>{t('wish.wall.claimedBy', { name: w.claimedBy.name })}</span>}
              </div>
            </Card>
          ))}
        </div>
      )}
    </div>
  );
}

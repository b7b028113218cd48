// The phone's 心愿墙 (published wishes of the caller's area, wishers masked), my wishes, and the
// wishes I claimed.
import { Button, NavBar, Tabs } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import PlusOutlinedSvg from '@ant-design/icons-svg/es/asn/PlusOutlined';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { listWishes, wishWall, type WallItem, type Wish } from '../../../api/wishes.ts';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtDate } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MStatusTag } from './common.tsx';

const PlusOutlined = phoneIcon(PlusOutlinedSvg);

type Tab = 'wall' | 'mine' | 'claimed';
const UNIT_ROLES = ['merchant', 'department-handler', 'property-manager'];

export function MWishes() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = (['wall', 'mine', 'claimed'].includes(params.get('tab') ?? '') ? params.get('tab') : 'wall') as Tab;
  const unit = me.roles.some((r) => UNIT_ROLES.includes(r));
  // The wall of the caller's own place: a grid, a community or a town.
  const wallArea = me.scope.code.length >= 9 ? me.scope.code.slice(0, Math.min(me.scope.code.length, 12)) : null;
  return (
    <div className="m-page" data-testid="m-wishes">
      <NavBar onBack={() => navigate('/m')} className="m-navbar">
        {t('m.wish.entryTitle')}
      </NavBar>
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} className="m-wo-tabs">
        <Tabs.Tab title={t('m.wish.wall')} key="wall" />
        {!unit && <Tabs.Tab title={t('m.wish.mine')} key="mine" />}
        <Tabs.Tab title={t('m.wish.claimed')} key="claimed" />
      </Tabs>
      {tab === 'wall' ? <Wall area={wallArea} /> : <Mine relation={tab} />}
      {!unit && (
        <Button color="primary" shape="rounded" className="m-wo-fab" onClick={() => navigate('/m/wishes/new')} data-testid="m-wish-new">
          <PlusOutlined /> {can('wishes.proxy') ? t('m.wish.postFor') : t('m.wish.post')}
        </Button>
      )}
    </div>
  );
}

function Wall({ area }: { area: string | null }) {
  const t = useT();
  const navigate = useNavigate();
  const wall = useApi(area ? (signal) => wishWall(area, signal) : null, [area]);
  if (!area) return <div className="m-wo-empty">{t('wish.wall.empty')}</div>;
  if (wall.error) return <MError error={wall.error} />;
  if (!wall.data) return <MLoading />;
  return (
    <>
      <div className="m-wo-hero">
        <div className="m-wo-hero-title">{t('wish.wall.title')}</div>
        <div className="m-wo-hero-sub">{t('wish.wall.desc', { area: wall.data.area.name })}</div>
      </div>
      <div className="m-wo-list" data-testid="m-wish-wall">
        {wall.data.items.length === 0 && <div className="m-wo-empty">{t('wish.wall.empty')}</div>}
        {wall.data.items.map((w) => (
          <WishCard key={w.id} w={w} wall onClick={() => navigate(`/m/wishes/${w.id}`)} />
        ))}
      </div>
    </>
  );
}

function Mine({ relation }: { relation: 'mine' | 'claimed' }) {
  const t = useT();
  const navigate = useNavigate();
  const list = useApi((signal) => listWishes({ relation, pageSize: 50 }, signal), [relation]);
  if (list.error) return <MError error={list.error} />;
  if (!list.data) return <MLoading />;
  return (
    <div className="m-wo-list" data-testid={`m-wish-list-${relation}`}>
      {list.data.items.length === 0 && <div className="m-wo-empty">{t(relation === 'mine' ? 'm.wish.emptyMine' : 'm.wish.emptyClaimed')}</div>}
      {list.data.items.map((w) => (
        <WishCard key={w.id} w={w} onClick={() => navigate(`/m/wishes/${w.id}`)} />
      ))}
    </div>
  );
}

function WishCard({ w, wall, onClick }: { w: WallItem | Wish; wall?: boolean; onClick: () => void }) {
  const t = useT();
  return (
    <div className={`m-wo-card${wall ? ' m-wo-wall-card' : ''}`} onClick={onClick} data-testid="m-wish-card" data-state={w.state} role="button">
      <div className="m-wo-card-head">
        <div className="m-wo-card-title">{w.title}</div>
        <MStatusTag kind="wish" state={w.state} />
      </div>
      <div className="m-wo-card-desc">{w.description}</div>
      <div className="m-wo-card-meta">
        <span data-testid="m-wish-wisher">{t('wish.wisherIs', { name: w.wisher.name })}</span>
        <span>{fmtDate(w.createdAt)}</span>
        {w.claimedBy && <span>{t('wish.wall.claimedBy', { name: w.claimedBy.name })}</span>}
      </div>
    </div>
  );
}

// The phone's activities: those open to the caller (their community and town), and their own sign-ups.
import { NavBar, Tabs, Tag } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { listActivities, type Activity } from '../../../api/activities.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import '../wishes/wishes.css';

export function MActivities() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'mine' ? 'mine' : 'open';
  const list = useApi((signal) => listActivities(tab === 'mine' ? { relation: 'mine', pageSize: 50 } : { state: 'published', upcoming: true, pageSize: 50 }, signal), [tab]);
  // 可报名: what the caller may still join (party meetings are left out for non-members, full ones drop off).
  const shown = (list.data?.items ?? []).filter((a) => tab === 'mine' || a.mine?.state === 'signed-up' || a.allowedActions.includes('sign-up'));
  return (
    <div className="m-page" data-testid="m-activities">
      <NavBar onBack={() => navigate('/m')} className="m-navbar">
        {t('m.act.entryTitle')}
      </NavBar>
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })}>
        <Tabs.Tab title={t('m.act.tab.open')} key="open" />
        <Tabs.Tab title={t('m.act.tab.mine')} key="mine" />
      </Tabs>
      {list.error ? (
        <MError error={list.error} />
      ) : !list.data ? (
        <MLoading />
      ) : (
        <div className="m-wo-list" data-testid={`m-activity-list-${tab}`}>
          {shown.length === 0 && <div className="m-wo-empty">{t('m.act.empty')}</div>}
          {shown.map((a) => (
            <ActivityCard key={a.id} a={a} onClick={() => navigate(`/m/activities/${a.id}`)} />
          ))}
        </div>
      )}
    </div>
  );
}

function ActivityCard({ a, onClick }: { a: Activity; onClick: () => void }) {
  const t = useT();
  return (
    <button type="button" className="m-wo-card" style={{ textAlign: 'left', border: 0, width: '100%' }} onClick={onClick} data-testid="m-activity-card">
      <div className="m-wo-card-head">
        <span className="m-wo-card-title">{a.title}</span>
        <Tag color={a.state === 'published' ? 'primary' : a.state === 'cancelled' ? 'danger' : 'success'} fill="outline">
          {a.state === 'cancelled' ? t('m.act.cancelledTag') : a.kindLabel}
        </Tag>
      </div>
      <div className="m-wo-card-meta">
        <span>{fmtTime(a.startsAt)}</span>
        <span>{a.place}</span>
        {a.capacity ? <span>{t('m.act.full', { signedUp: a.signedUp, capacity: a.capacity })}</span> : null}
        {a.state === 'cancelled' ? (
          <span style={{ color: '#ff3141' }} data-testid="m-activity-card-cancelled">
            {t('m.act.state.cancelled', { reason: a.cancelReason ?? '—' })}
          </span>
        ) : a.mine?.outcome === 'absent' ? (
          <span style={{ color: '#ff3141' }}>{t('m.act.state.absent')}</span>
        ) : a.mine?.outcome === 'present' ? (
          <span style={{ color: '#00b578' }}>{t('act.att.present')}</span>
        ) : (
          a.mine?.state === 'signed-up' && <span style={{ color: '#1677ff' }}>{t('m.act.state.signedUp')}</span>
        )}
      </div>
    </button>
  );
}

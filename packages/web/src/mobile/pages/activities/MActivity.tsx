// One activity on the phone: facts, sign up or cancel, and the caller's check-in status; checking in
// happens by scanning the venue's QR code, which opens MCheckIn.
import { useState } from 'react';
import { Button, List, NavBar, Toast } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { cancelSignUp, getActivity, signUp, type Activity } from '../../../api/activities.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import '../wishes/wishes.css';

export function MActivity() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const got = useApi((signal) => getActivity(id, signal), [id]);
  const [fresh, setFresh] = useState<Activity | null>(null);
  const [busy, setBusy] = useState(false);
  const a = fresh?.id === id ? fresh : got.data;
  const act = async (fn: () => Promise<Activity>, ok: string) => {
    setBusy(true);
    try {
      setFresh(await fn());
      Toast.show({ icon: 'success', content: ok });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="m-page" data-testid="m-activity">
      <NavBar onBack={() => navigate('/m/activities')} className="m-navbar">
        {t('m.act.entryTitle')}
      </NavBar>
      {got.error ? (
        <MError error={got.error} />
      ) : !a ? (
        <MLoading />
      ) : (
        <>
          <div className="m-wo-card" style={{ margin: 12 }}>
            <div className="m-wo-card-title" data-testid="m-activity-title">
              {a.title}
            </div>
            <div className="m-wo-card-meta">
              <span>{a.kindLabel}</span>
              <span>{a.stateLabel}</span>
            </div>
          </div>
          <List className="m-list">
            <List.Item extra={fmtTime(a.startsAt)}>{t('act.startsAt')}</List.Item>
            <List.Item extra={fmtTime(a.endsAt)}>{t('act.endsAt')}</List.Item>
            <List.Item description={a.place}>{t('act.place')}</List.Item>
            <List.Item extra={a.capacity ? `${a.signedUp}/${a.capacity}` : `${a.signedUp}`}>{t('act.signedUp')}</List.Item>
            <List.Item extra={a.audienceLabel}>{t('act.audience')}</List.Item>
            <List.Item extra={a.pointsMode === 'none' ? t('act.pointsNone') : `${a.pointsModeLabel} ${a.points}`}>{t('act.pointsMode')}</List.Item>
            {a.description && <List.Item description={a.description}>{t('act.description')}</List.Item>}
            {a.state === 'cancelled' && (
              <List.Item description={<span data-testid="m-activity-cancelled">{t('m.act.state.cancelled', { reason: a.cancelReason ?? '—' })}</span>}>{t('act.state')}</List.Item>
            )}
            {a.mine && a.mine.state === 'signed-up' && a.state !== 'cancelled' && (
              <List.Item description={<span data-testid="m-activity-mine">{myState(t, a)}</span>}>{t('m.act.myState')}</List.Item>
            )}
          </List>
          <div style={{ padding: 16, display: 'flex', flexDirection: 'column', gap: 10 }}>
            {a.allowedActions.includes('sign-up') && (
              <Button block color="primary" loading={busy} onClick={() => act(() => signUp(id), t('m.act.signedUp'))} data-testid="m-activity-sign-up">
                {t('m.act.signUp')}
              </Button>
            )}
            {(a.allowedActions.includes('check-in') || a.allowedActions.includes('check-out')) && <div className="m-wo-card" style={{ fontSize: 14, color: '#555' }}>{t('m.act.scanHint')}</div>}
            {a.allowedActions.includes('cancel') && (
              <Button block fill="outline" loading={busy} onClick={() => act(() => cancelSignUp(id), t('m.act.cancelled'))} data-testid="m-activity-cancel">
                {t('m.act.cancel')}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function myState(t: ReturnType<typeof useT>, a: Activity): string {
  const m = a.mine!;
  if (m.outcome === 'present') return t('m.act.state.present', { hours: Math.round(((m.minutes ?? 0) / 60) * 100) / 100, points: m.points ?? 0 });
  if (m.outcome === 'absent') return t('m.act.state.absent');
  if (m.checkOutAt) return t('m.act.state.checkedOut', { time: fmtTime(m.checkOutAt) });
  if (m.checkInAt) return t('m.act.state.checkedIn', { time: fmtTime(m.checkInAt) });
  return t('m.act.state.signedUp');
}

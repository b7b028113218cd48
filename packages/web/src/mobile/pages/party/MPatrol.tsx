// 我的巡查 (一日两巡): today's morning and afternoon patrols, a check-in with the phone's location
// and the building walked, and this month's building coverage of the grid.
import { useState } from 'react';
import { Button, List, NavBar, Picker, ProgressBar, Tag, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import CheckCircleFilledSvg from '@ant-design/icons-svg/es/asn/CheckCircleFilled';
import ClockCircleOutlinedSvg from '@ant-design/icons-svg/es/asn/ClockCircleOutlined';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import type { PatrolCheckIn, PatrolStatus } from '@gongzhi/domain/contract';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { getOrCopy } from '../../../lib/offlineDb.ts';
import { submit as submitQueued } from '../../../lib/outbox.ts';
import { MError, MLoading } from '../../components.tsx';

const CheckCircleFilled = phoneIcon(CheckCircleFilledSvg);
const ClockCircleOutlined = phoneIcon(ClockCircleOutlinedSvg);

/** The phone's position (W3C geolocation reports WGS84), or null when refused or unavailable. */
function locate(): Promise<{ lat: number; lng: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 8000, maximumAge: 60_000 },
    );
  });
}

export function MPatrol() {
  const t = useT();
  const navigate = useNavigate();
  const status = useApi((signal) => getOrCopy<PatrolStatus>('/api/party/patrols/today', undefined, signal), []);
  const [building, setBuilding] = useState<string | null>(null);
  const [pickOpen, setPickOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const s = status.data;
  const buildingName = s?.buildings.find((b) => b.code === building)?.name;

  const checkIn = async () => {
    setSaving(true);
    try {
      const here = await locate();
      if (!here && !building) {
        Toast.show({ content: t('party.patrol.needBuilding') });
        return;
      }
      const body = { ...(here ? { location: { ...here, crs: 'wgs84' } } : {}), ...(building ? { buildingCode: building } : {}) };
      // Through 待发送: without a connection the check-in is kept (with the time it is sent, the server's clock decides the slot).
      const r = await submitQueued<PatrolCheckIn>({ kind: 'patrol', path: '/api/party/patrols', body, title: buildingName ?? (here ? `${here.lat.toFixed(5)}, ${here.lng.toFixed(5)}` : '') });
      if (!r.sent) {
        Toast.show({ content: t('offline.queuedPatrol'), duration: 2500 });
        return;
      }
      const done = r.answer;
      Toast.show({ icon: 'success', content: t('party.patrol.done', { place: done.building?.name ?? done.grid.name }) });
      status.reload();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="m-page" data-testid="m-party-patrol">
      <NavBar className="m-navbar" onBack={() => navigate('/m')}>
        {t('party.m.patrol')}
      </NavBar>
      {status.error ? (
        <MError error={status.error} />
      ) : !s ? (
        <MLoading />
      ) : (
        <>
          <div className="m-card">
            <div className="m-card-title">{t('party.patrol.today', { day: s.today.day })}</div>
            <div className="m-party-slots">
              {(['am', 'pm'] as const).map((slot) => (
                <div key={slot} className={`m-party-slot ${s.today[slot] > 0 ? 'is-done' : ''}`} data-testid={`m-party-slot-${slot}`} data-done={s.today[slot] > 0 ? 'yes' : 'no'}>
                  {s.today[slot] > 0 ? <CheckCircleFilled /> : <ClockCircleOutlined />}
                  <span>{t(`party.patrol.${slot}`)}</span>
                  <small>{s.today[slot] > 0 ? t('party.patrol.times', { n: s.today[slot] }) : t('party.patrol.pending')}</small>
                </div>
              ))}
            </div>
            <List className="m-list m-party-inline-list">
              <List.Item extra={buildingName ?? t('party.patrol.pickBuilding')} onClick={() => setPickOpen(true)} data-testid="m-party-patrol-building">
                {t('party.patrol.building')}
              </List.Item>
            </List>
            <Picker
              visible={pickOpen}
              onClose={() => setPickOpen(false)}
              columns={[s.buildings.map((b) => ({ value: b.code, label: `${b.name}${b.patrolled ? ' ✓' : ''}` }))]}
              onConfirm={(v) => setBuilding((v[0] as string) ?? null)}
            />
            <Button block color="primary" size="large" loading={saving} onClick={checkIn} data-testid="m-party-patrol-checkin">
              {t('party.patrol.checkIn')}
            </Button>
            <div className="m-note">{t('party.patrol.locationNote')}</div>
          </div>
          <div className="m-card" data-testid="m-party-patrol-month">
            <div className="m-party-cover-head">
              <span>{t('party.patrol.monthCoverage')}</span>
              <b>
                {s.month.covered} / {s.month.buildings}
              </b>
            </div>
            <ProgressBar percent={s.month.rate * 100} style={{ '--fill-color': '#1677ff' }} />
            {s.month.missing.length > 0 && <div className="m-muted">{t('party.patrol.missing', { list: s.month.missing.slice(0, 6).map((b) => b.name).join('、'), n: s.month.missing.length })}</div>}
          </div>
          {s.checkIns.length > 0 && (
            <List header={t('party.patrol.todayList')} className="m-list">
              {s.checkIns.map((c) => (
                <List.Item key={c.id} description={c.location ? `${c.location.lat.toFixed(5)}, ${c.location.lng.toFixed(5)}` : t('party.patrol.noLocation')} extra={<Tag>{fmtTime(c.at).slice(11)}</Tag>}>
                  {c.building?.name ?? c.grid.name}
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </div>
  );
}

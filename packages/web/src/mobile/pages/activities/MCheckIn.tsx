// Opened by scanning the venue's QR code: checks in (or out) with the code in the link and, when the
// phone allows it, its location. A stale code is refused by the server with a clear message.
import { useEffect, useRef, useState } from 'react';
import { Button, NavBar, Result } from 'antd-mobile';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { checkIn } from '../../../api/activities.ts';
import { useT } from '../../../i18n/index.tsx';

function position(): Promise<{ lat: number; lng: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { timeout: 5000, maximumAge: 60_000 },
    );
  });
}

export function MCheckIn({ purpose }: { purpose: 'in' | 'out' }) {
  const t = useT();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('t') ?? '';
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      if (!token) {
        setState({ ok: false, message: t('m.act.scanHint') });
        return;
      }
      const where = await position();
      try {
        await checkIn(id, purpose, { token, ...(where ?? {}) });
        setState({ ok: true, message: t(purpose === 'in' ? 'm.act.checkedIn' : 'm.act.checkedOut') });
      } catch (e) {
        setState({ ok: false, message: errorMessage(e) });
      }
    })();
  }, [id, purpose, token, t]);
  return (
    <div className="m-page" data-testid="m-check-in">
      <NavBar onBack={() => navigate(`/m/activities/${id}`)} className="m-navbar">
        {t(purpose === 'in' ? 'act.code.in' : 'act.code.out')}
      </NavBar>
      {state === null ? (
        <Result status="waiting" title={t(purpose === 'in' ? 'm.act.checkingIn' : 'm.act.checkingOut')} />
      ) : (
        <Result status={state.ok ? 'success' : 'error'} title={<span data-testid="m-check-in-result">{state.message}</span>} />
      )}
      <div style={{ padding: 16 }}>
        <Button block color="primary" onClick={() => navigate(`/m/activities/${id}`)} data-testid="m-check-in-back">
          {t('m.act.back')}
        </Button>
      </div>
    </div>
  );
}

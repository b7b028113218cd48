// The phone's meeting page (议事会议): time, place and agenda for a member of the roll, and check-in with
// the six-digit code on the organiser's screen — typed, or carried in the link the screen's QR code opens
// (/m/meetings/:id?c=123456), which checks in at once. A stale code is refused with a clear message.
import { useState } from 'react';
import { Button, Input, NavBar, Result, Tag, Toast } from 'antd-mobile';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { checkInMeeting, getMeeting, listMeetings, type Meeting } from '../../../api/deliberation-meetings.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import '../wishes/wishes.css';

/** The meetings of a deliberation, on its phone page. */
export function MMeetingList({ deliberationId }: { deliberationId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const list = useApi((signal) => listMeetings(deliberationId, signal), [deliberationId]);
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  return (
    <>
      <div className="m-wo-card-title" style={{ margin: '8px 4px 0' }}>
        {t('meet.m.meetings')}
      </div>
      {items.map((m) => (
        <button key={m.id} type="button" className="m-wo-card" style={{ textAlign: 'left', border: 'none', width: '100%' }} onClick={() => navigate(`/m/meetings/${m.id}`)} data-testid="m-meeting-card">
          <div className="m-wo-card-head">
            <span className="m-wo-card-title">{fmtTime(m.scheduledAt)}</span>
            <Tag color={m.state === 'scheduled' ? 'primary' : 'default'} fill="outline">
              {t(`meet.state.${m.state}`)}
            </Tag>
          </div>
          <div className="m-wo-card-meta">
            <span>{m.place}</span>
          </div>
        </button>
      ))}
    </>
  );
}

export function MMeeting() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const linked = params.get('c');
  // Opened from the screen's QR code: check in with the code in the link, once, as the page loads.
  const res = useApi(async (signal) => {
    const meeting = await getMeeting(id, signal);
    if (!linked || !meeting.allowedActions.includes('check-in')) return { meeting, problem: null };
    try {
      return { meeting: await checkInMeeting(id, linked), problem: null };
    } catch (e) {
      return { meeting, problem: errorMessage(e) };
    }
  }, [id, linked]);
  const [override, setOverride] = useState<{ meeting: Meeting; problem: string | null } | null>(null);
  const [code, setCode] = useState(linked ?? '');
  const [busy, setBusy] = useState(false);
  const shown = override ?? res.data;
  const m = shown?.meeting ?? null;
  const problem = shown?.problem ?? null;

  const submit = async (value: string) => {
    if (!m) return;
    setBusy(true);
    try {
      setOverride({ meeting: await checkInMeeting(id, value.trim()), problem: null });
      Toast.show({ icon: 'success', content: t('meet.m.done') });
    } catch (e) {
      setOverride({ meeting: m, problem: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const checkedIn = !!m && m.mine.length > 0 && m.mine.every((e) => e.present);
  return (
    <div className="m-page" data-testid="m-meeting">
      <NavBar onBack={() => navigate(m ? `/m/deliberations/${m.deliberation.id}` : '/m/deliberations')} className="m-navbar">
        {t('meet.m.title')}
      </NavBar>
      {res.error && !m ? (
        <MError error={res.error} />
      ) : !m ? (
        <MLoading />
      ) : (
        <div className="m-wo-list">
          <div className="m-wo-card">
            <div className="m-wo-card-head">
              <span className="m-wo-card-title">{m.deliberation.title}</span>
              <Tag color={m.state === 'scheduled' ? 'primary' : 'default'} fill="outline">
                {t(`meet.state.${m.state}`)}
              </Tag>
            </div>
            <div style={{ marginTop: 8 }}>
              {t('meet.m.when')}：<span data-testid="m-meeting-time">{fmtTime(m.scheduledAt)}</span>
            </div>
            <div style={{ marginTop: 4 }}>
              {t('meet.m.where')}：{m.place}
            </div>
          </div>
          <div className="m-wo-card" data-testid="m-meeting-agenda">
            <div className="m-wo-card-title">{t('meet.agenda')}</div>
            {m.agenda.length === 0 ? (
              <div style={{ marginTop: 6, color: '#595959' }}>{t('meet.agenda.empty')}</div>
            ) : (
              <ol style={{ margin: '6px 0 0', paddingLeft: 20 }}>
                {m.agenda.map((a) => (
                  <li key={a.id} style={{ marginTop: 4, wordBreak: 'break-word' }}>
                    {a.title}
                    {a.presenter && <span style={{ color: '#595959' }}>（{a.presenter}）</span>}
                  </li>
                ))}
              </ol>
            )}
          </div>
          {m.mine.length > 0 &&
            (checkedIn ? (
              <Result status="success" title={<span data-testid="m-meeting-checked-in">{t('meet.m.checkedIn')}</span>} />
            ) : m.checkinOpen ? (
              <div className="m-wo-card" data-testid="m-meeting-checkin">
                <div className="m-wo-card-title">{t('meet.m.code')}</div>
                <Input
                  value={code}
                  onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 6))}
                  inputMode="numeric"
                  placeholder={t('meet.m.codePlaceholder')}
                  aria-label={t('meet.m.code')}
                  style={{ fontSize: 28, letterSpacing: 8, marginTop: 8, '--font-size': '28px' } as React.CSSProperties}
                  data-testid="m-meeting-code"
                />
                {problem && (
                  <div role="alert" style={{ color: '#cf1322', marginTop: 6 }} data-testid="m-meeting-problem">
                    {problem}
                  </div>
                )}
                <Button block color="primary" size="large" style={{ marginTop: 10 }} loading={busy} disabled={code.length !== 6} onClick={() => submit(code)} data-testid="m-meeting-submit">
                  {t('meet.m.checkIn')}
                </Button>
              </div>
            ) : m.state === 'scheduled' ? (
              <div className="m-wo-empty">{t('meet.m.notOpen')}</div>
            ) : null)}
        </div>
      )}
    </div>
  );
}

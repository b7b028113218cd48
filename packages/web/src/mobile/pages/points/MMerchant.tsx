// Merchant page (核销): scan or type the resident's code, see that resident's redemptions waiting at
// this merchant, confirm each (the held points move to the merchant). Camera scanning uses the
// BarcodeDetector API where the browser has it and ZXing's decoder elsewhere; the resident's 8-character
// short code typed at the till always works.
import { useEffect, useRef, useState } from 'react';
import { Button, Dialog, Input, List, NavBar, Popup, Tag, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import CameraOutlinedSvg from '@ant-design/icons-svg/es/asn/CameraOutlined';
import CheckCircleOutlinedSvg from '@ant-design/icons-svg/es/asn/CheckCircleOutlined';
import SearchOutlinedSvg from '@ant-design/icons-svg/es/asn/SearchOutlined';
import { useNavigate } from 'react-router-dom';
import { get, post } from '../../../api/client.ts';
import type { PointsMe, PointsRedemption as Redemption, PointsRedemptionList } from '@gongzhi/domain/contract';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { cameraAvailable, qrReader } from '../../../lib/qr-scan.ts';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { usePointsLabels } from '../../../lib/points.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';

const CameraOutlined = phoneIcon(CameraOutlinedSvg);
const CheckCircleOutlined = phoneIcon(CheckCircleOutlinedSvg);
const SearchOutlined = phoneIcon(SearchOutlinedSvg);

export function MMerchant() {
  const t = useT();
  const pl = usePointsLabels();
  const me = useMe();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [confirmedIds, setConfirmedIds] = useState<string[]>([]);
  const lookup = useApi(code ? (signal) => get<PointsRedemptionList>('/api/points/redemptions', { box: 'merchant', state: 'pending', code }, signal) : null, [code]);
  const recent = useApi((signal) => get<PointsRedemptionList>('/api/points/redemptions', { box: 'merchant', pageSize: 10 }, signal), []);
  const wallet = useApi((signal) => get<PointsMe>('/api/points/me', undefined, signal), []);

  const search = (value = text) => {
    const v = value.trim();
    if (!v) {
      Toast.show({ content: t('points.m.codeRequired') });
      return;
    }
    setConfirmedIds([]);
    if (v === code) lookup.reload();
    else setCode(v);
  };

  const confirm = async (r: Redemption) => {
    if (!code) return;
    const ok = await Dialog.confirm({
      title: t('points.m.confirmRedemptionTitle'),
      content: <div data-testid="m-merchant-confirm-text">{t('points.m.confirmRedemption', { name: r.item.name, q: r.quantity, n: fmtNumber(r.amount), unit: pl.unit(r.scheme), who: r.redeemer.name })}</div>,
      confirmText: t('points.red.confirm'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    try {
      await post<Redemption>(`/api/points/redemptions/${r.id}/confirm`, { code });
      Toast.show({ icon: 'success', content: t('points.red.confirmed') });
      setConfirmedIds((ids) => [...ids, r.id]);
      recent.reload();
      wallet.reload();
    } catch (e) {
      Toast.show({ icon: 'fail', content: e instanceof Error ? e.message : String(e) });
      lookup.reload();
    }
  };

  const pending = (lookup.data?.items ?? []).filter((r) => !confirmedIds.includes(r.id));
  const received = wallet.data?.merchantAccounts ?? [];

  return (
    <div className="m-page m-pts" data-testid="m-merchant">
      <NavBar className="m-navbar" onBack={() => navigate('/m')}>
        {t('points.m.merchant')}
      </NavBar>
      <div className="m-pts-merchant-head">
        <div className="m-pts-merchant-name">{me.unit?.name ?? me.displayName}</div>
        {received.length > 0 && (
          <div className="m-pts-merchant-recv" data-testid="m-merchant-received">
            {received.map((a) => (
              <span key={a.accountId}>
                {pl.schemeShort(a.scheme, a.schemeName)} <b>{fmtNumber(a.balance)}</b>
              </span>
            ))}
            <span className="m-pts-merchant-recv-cap">{t('points.m.received')}</span>
          </div>
        )}
      </div>
      <div className="m-card m-pts-scan">
        <div className="m-card-title">{t('points.m.scanTitle')}</div>
        <div className="m-pts-scan-row">
          <Input
            className="m-pts-scan-input m-mono"
            placeholder={t('points.m.codePlaceholder')}
            value={text}
            onChange={setText}
            onEnterPress={() => search()}
            clearable
            data-testid="m-merchant-code"
          />
        </div>
        <div className="m-pts-scan-buttons">
          {cameraAvailable() && (
            <Button fill="outline" color="primary" onClick={() => setScanning(true)} data-testid="m-merchant-scan">
              <CameraOutlined /> {t('points.m.scan')}
            </Button>
          )}
          <Button color="primary" onClick={() => search()} data-testid="m-merchant-lookup">
            <SearchOutlined /> {t('points.m.lookup')}
          </Button>
        </div>
        <div className="m-note">{t('points.m.scanNote')}</div>
      </div>

      {code && (
        <List header={t('points.m.residentPending')} className="m-list" data-testid="m-merchant-result">
          {lookup.error ? (
            <div className="m-login-error" data-testid="m-merchant-error">
              {lookup.error.message}
            </div>
          ) : !lookup.data ? (
            <List.Item>
              <MLoading />
            </List.Item>
          ) : pending.length === 0 ? (
            <List.Item>
              <span className="m-muted" data-testid="m-merchant-none">
                {confirmedIds.length ? t('points.m.allConfirmed') : t('points.m.noneForCode')}
              </span>
            </List.Item>
          ) : (
            pending.map((r) => (
              <List.Item
                key={r.id}
                data-testid="m-merchant-item"
                description={
                  <>
                    {r.redeemer.name} · {fmtTime(r.createdAt)}
                  </>
                }
                extra={
                  r.allowedActions.includes('confirm') ? (
                    <Button size="small" color="primary" onClick={() => confirm(r)} data-testid="m-merchant-confirm">
                      {t('points.red.confirm')}
                    </Button>
                  ) : null
                }
              >
                <span className="m-pts-st-title">
                  {r.item.name} × {r.quantity}
                </span>
                <div className="m-pts-merchant-amount">
                  {fmtNumber(r.amount)} {pl.unit(r.scheme)}
                </div>
              </List.Item>
            ))
          )}
        </List>
      )}

      <List header={t('points.m.recent')} className="m-list" data-testid="m-merchant-recent">
        {recent.error ? (
          <List.Item>
            <MError error={recent.error} />
          </List.Item>
        ) : !recent.data ? (
          <List.Item>
            <MLoading />
          </List.Item>
        ) : recent.data.items.length === 0 ? (
          <List.Item>
            <span className="m-muted">{t('points.m.noRecent')}</span>
          </List.Item>
        ) : (
          recent.data.items.map((r) => (
            <List.Item
              key={r.id}
              data-testid="m-recent-item"
              data-state={r.state}
              description={`${r.redeemer.name} · ${fmtTime(r.confirmedAt ?? r.cancelledAt ?? r.createdAt)}`}
              extra={
                <Tag color={r.state === 'confirmed' ? 'success' : r.state === 'pending' ? 'warning' : 'default'} fill="outline">
                  {r.state === 'confirmed' && <CheckCircleOutlined />} {pl.redemptionState(r.state, r.stateLabel)}
                </Tag>
              }
            >
              {r.item.name} × {r.quantity}{' '}
              <span className="m-muted">
                · {fmtNumber(r.amount)} {pl.unit(r.scheme)}
              </span>
            </List.Item>
          ))
        )}
      </List>

      <Popup visible={scanning} onMaskClick={() => setScanning(false)} bodyStyle={{ borderTopLeftRadius: 14, borderTopRightRadius: 14 }} destroyOnClose>
        {scanning && (
          <Scanner
            onCode={(v) => {
              setScanning(false);
              setText(v);
              search(v);
            }}
            onClose={() => setScanning(false)}
          />
        )}
      </Popup>
    </div>
  );
}

/** The camera: the first QR code read is the answer (BarcodeDetector, or ZXing where the browser has none). */
function Scanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(cameraAvailable() ? null : t('points.m.noCamera'));
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  });

  useEffect(() => {
    if (!cameraAvailable()) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    Promise.all([qrReader(), navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } })])
      .then(async ([reader, s]) => {
        if (stopped) {
          s.getTracks().forEach((tr) => tr.stop());
          return;
        }
        stream = s;
        const v = video.current;
        if (!v) return;
        v.srcObject = s;
        v.dataset.reader = reader.kind;
        await v.play();
        const tick = async () => {
          if (stopped) return;
          try {
            const value = await reader.read(v);
            if (value) {
              onCodeRef.current(value);
              return;
            }
          } catch {
            // a frame that could not be read; try the next one
          }
          timer = window.setTimeout(tick, 250);
        };
        void tick();
      })
      .catch(() => setError(t('points.m.noCamera')));
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [t]);

  return (
    <div className="m-pts-sheet">
      <div className="m-popup-title">{t('points.m.scan')}</div>
      {error ? <div className="m-login-error">{error}</div> : <video ref={video} className="m-pts-video" muted playsInline data-testid="m-scan-video" />}
      <Button block onClick={onClose} className="m-pts-sheet-secondary">
        {t('common.close')}
      </Button>
    </div>
  );
}

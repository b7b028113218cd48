// 我的兑换码: the short-lived signed code (QR and text) the merchant scans to confirm a redemption,
// refreshed before it expires; below it the redemptions still waiting for a merchant, with cancel.
import { useEffect, useState } from 'react';
import { Button, Dialog, List, NavBar, Tag, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import ReloadOutlinedSvg from '@ant-design/icons-svg/es/asn/ReloadOutlined';
import ShopOutlinedSvg from '@ant-design/icons-svg/es/asn/ShopOutlined';
import { useNavigate } from 'react-router-dom';
import { get, post } from '../../../api/client.ts';
import type { PointsCode as MyCode, PointsRedemption as Redemption, PointsRedemptionList } from '@gongzhi/domain/contract';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { usePointsLabels } from '../../../lib/points.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';

const ReloadOutlined = phoneIcon(ReloadOutlinedSvg);
const ShopOutlined = phoneIcon(ShopOutlinedSvg);

/** Refresh this long before the server's expiry, so the merchant never scans a stale code. */
const REFRESH_MARGIN_S = 30;

export function MCode() {
  const t = useT();
  const pl = usePointsLabels();
  const navigate = useNavigate();
  const code = useApi(async (signal) => ({ ...(await get<MyCode>('/api/points/me/code', undefined, signal)), receivedAt: Date.now() }), []);
  const pending = useApi((signal) => get<PointsRedemptionList>('/api/points/redemptions', { box: 'mine', state: 'pending', pageSize: 50 }, signal), []);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  // Expiry counted from when the code arrived (the phone's clock may differ from the server's).
  const expiresAt = code.data ? code.data.receivedAt + code.data.ttlSeconds * 1000 : 0;
  const left = Math.max(0, Math.round((expiresAt - now) / 1000));
  const { reload } = code;
  useEffect(() => {
    if (!expiresAt) return;
    const id = window.setTimeout(reload, Math.max(1000, expiresAt - REFRESH_MARGIN_S * 1000 - Date.now()));
    // A phone that slept (timers paused) refreshes as soon as the page is shown again.
    const onShow = () => {
      if (document.visibilityState === 'visible' && expiresAt - Date.now() < REFRESH_MARGIN_S * 1000) reload();
    };
    document.addEventListener('visibilitychange', onShow);
    return () => {
      window.clearTimeout(id);
      document.removeEventListener('visibilitychange', onShow);
    };
  }, [expiresAt, reload]);

  const cancel = async (r: Redemption) => {
    const ok = await Dialog.confirm({
      content: t('points.m.cancelConfirm', { name: r.item.name, n: fmtNumber(r.amount), unit: pl.unit(r.scheme) }),
      confirmText: t('points.m.cancelRedemption'),
      cancelText: t('common.back'),
    });
    if (!ok) return;
    try {
      await post(`/api/points/redemptions/${r.id}/cancel`, {});
      Toast.show({ icon: 'success', content: t('points.m.cancelled') });
      pending.reload();
    } catch (e) {
      Toast.show({ icon: 'fail', content: e instanceof Error ? e.message : String(e) });
    }
  };

  const svg = code.data?.svg;
  const mm = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <div className="m-page m-pts" data-testid="m-code">
      <NavBar className="m-navbar" onBack={() => navigate('/m/points')}>
        {t('points.m.code')}
      </NavBar>
      <div className="m-pts-code-card">
        <div className="m-pts-code-title">{t('points.m.codeShow')}</div>
        {code.error ? (
          <MError error={code.error} />
        ) : !svg ? (
          <MLoading />
        ) : (
          <>
            <img className={`m-pts-qr${code.loading ? ' m-pts-qr-dim' : ''}`} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={t('points.m.code')} data-testid="m-code-qr" />
            <div className="m-pts-code-text m-mono" data-testid="m-code-text">
              {code.data?.code}
            </div>
            <div className="m-pts-code-timer" data-testid="m-code-timer">
              {t('points.m.codeValid', { t: mm })}
            </div>
            <Button size="small" color="primary" fill="outline" onClick={code.reload} loading={code.loading} data-testid="m-code-refresh">
              <ReloadOutlined /> {t('common.refresh')}
            </Button>
          </>
        )}
        <div className="m-note">{t('points.m.codeNote')}</div>
      </div>
      <List header={t('points.m.pending')} className="m-list" data-testid="m-code-pending">
        {pending.error ? (
          <List.Item>
            <MError error={pending.error} />
          </List.Item>
        ) : !pending.data ? (
          <List.Item>
            <MLoading />
          </List.Item>
        ) : pending.data.items.length === 0 ? (
          <List.Item
            extra={
              <a onClick={() => navigate('/m/points/shop')}>
                <ShopOutlined /> {t('points.m.shop')}
              </a>
            }
          >
            <span className="m-muted">{t('points.m.noPending')}</span>
          </List.Item>
        ) : (
          pending.data.items.map((r) => (
            <List.Item
              key={r.id}
              data-testid="m-pending-item"
              description={
                <>
                  {r.merchant.name} · {fmtTime(r.createdAt)}
                </>
              }
              extra={
                <div className="m-pts-st-extra">
                  <div className="m-pts-heldchg">
                    {fmtNumber(r.amount)} {pl.unit(r.scheme)}
                  </div>
                  {r.allowedActions.includes('cancel') && (
                    <a className="m-pts-cancel" onClick={() => cancel(r)} data-testid="m-pending-cancel">
                      {t('points.m.cancelRedemption')}
                    </a>
                  )}
                </div>
              }
            >
              <span className="m-pts-st-title">
                {r.item.name} × {r.quantity}
              </span>{' '}
              {r.shortCode && (
                <div className="m-pts-short" data-testid="m-pending-short">
                  <span className="m-muted">{t('points.m.shortCode')}</span> <b className="m-mono">{r.shortCode}</b>
                </div>
              )}
              <Tag color="warning" fill="outline">
                {pl.redemptionState(r.state, r.stateLabel)}
              </Tag>
            </List.Item>
          ))
        )}
      </List>
    </div>
  );
}

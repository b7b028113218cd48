// 积分商城: what the partner merchants, the love supermarket and the property company offer, with
// price and stock; redeeming holds the points until the merchant confirms. One Idempotency-Key per
// opening of the redeem sheet (and per quantity), so a double tap or a retry redeems once.
import { useState, type CSSProperties, type ReactNode } from 'react';
import { Button, CapsuleTabs, Dialog, NavBar, Popup, Stepper, Tag, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import CheckCircleFilledSvg from '@ant-design/icons-svg/es/asn/CheckCircleFilled';
import GiftOutlinedSvg from '@ant-design/icons-svg/es/asn/GiftOutlined';
import HeartOutlinedSvg from '@ant-design/icons-svg/es/asn/HeartOutlined';
import HomeOutlinedSvg from '@ant-design/icons-svg/es/asn/HomeOutlined';
import QrcodeOutlinedSvg from '@ant-design/icons-svg/es/asn/QrcodeOutlined';
import ShoppingOutlinedSvg from '@ant-design/icons-svg/es/asn/ShoppingOutlined';
import ToolOutlinedSvg from '@ant-design/icons-svg/es/asn/ToolOutlined';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, get } from '../../../api/client.ts';
import type { PointsItem as Item, ItemKind, PointScheme, PointsMe, PointsRedemption as Redemption, PointsItems } from '@gongzhi/domain/contract';
import { POINT_SCHEMES } from '../../../lib/points.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';
import { newIdempotencyKey, SCHEME_COLOUR, usePointsLabels } from '../../../lib/points.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';

const CheckCircleFilled = phoneIcon(CheckCircleFilledSvg);
const GiftOutlined = phoneIcon(GiftOutlinedSvg);
const HeartOutlined = phoneIcon(HeartOutlinedSvg);
const HomeOutlined = phoneIcon(HomeOutlinedSvg);
const QrcodeOutlined = phoneIcon(QrcodeOutlinedSvg);
const ShoppingOutlined = phoneIcon(ShoppingOutlinedSvg);
const ToolOutlined = phoneIcon(ToolOutlinedSvg);

const KIND_ICON: Record<ItemKind, ReactNode> = {
  goods: <ShoppingOutlined />,
  service: <ToolOutlined />,
  donation: <HeartOutlined />,
  'property-fee': <HomeOutlined />,
};

export function MShop() {
  const t = useT();
  const pl = usePointsLabels();
  const navigate = useNavigate();
  const items = useApi((signal) => get<PointsItems>('/api/points/items', undefined, signal), []);
  const me = useApi((signal) => get<PointsMe>('/api/points/me', undefined, signal), []);
  const [scheme, setScheme] = useState<string>('all');
  const [open, setOpen] = useState<Item | null>(null);
  // What the caller can redeem first; schemes in their usual order.
  const all = [...(items.data?.items ?? [])].sort((a, b) => Number(b.allowedActions.includes('redeem')) - Number(a.allowedActions.includes('redeem')));
  const schemes = POINT_SCHEMES.filter((s) => all.some((i) => i.scheme === s));
  const shown = scheme === 'all' ? all : all.filter((i) => i.scheme === scheme);
  const balanceOf = (s: PointScheme) => me.data?.accounts.find((a) => a.scheme === s);
  // The server says why an item cannot be redeemed now; the words are the locale's.
  const whyNot = (i: Item): string | null => {
    const u = i.unavailable;
    if (!u) return null;
    if (u.code === 'insufficient') return t('points.m.short', { n: fmtNumber(u.short ?? 0), unit: pl.unit(i.scheme) });
    if (u.code === 'sold-out') return t('points.m.soldOut');
    if (u.code === 'not-eligible') return t('points.m.cannotRedeem');
    if (u.code === 'inactive') return t('points.m.inactive');
    return null;
  };

  return (
    <div className="m-page m-pts" data-testid="m-shop">
      <NavBar
        className="m-navbar"
        onBack={() => navigate('/m/points')}
        right={
          <a className="m-pts-nav-link" onClick={() => navigate('/m/points/code')} data-testid="m-shop-code">
            <QrcodeOutlined /> {t('points.m.codeShort')}
          </a>
        }
      >
        {t('points.m.shop')}
      </NavBar>
      {me.data && me.data.accounts.length > 0 && (
        <div className="m-pts-wallet" data-testid="m-shop-wallet">
          {me.data.accounts
            .filter((a) => a.balance > 0 || a.held > 0)
            .map((a) => (
              <div key={a.scheme} className="m-pts-wallet-item" style={{ borderColor: SCHEME_COLOUR[a.scheme] }} data-testid={`m-wallet-${a.scheme}`}>
                <span className="m-pts-wallet-name">{pl.schemeShort(a.scheme, a.schemeName)}</span>
                <b style={{ color: SCHEME_COLOUR[a.scheme] }}>{fmtNumber(a.balance)}</b>
                <span className="m-muted">{pl.unit(a.scheme)}</span>
              </div>
            ))}
        </div>
      )}
      {schemes.length > 1 && (
        <div className="m-pts-tabs">
          <CapsuleTabs activeKey={scheme} onChange={setScheme}>
            <CapsuleTabs.Tab key="all" title={t('common.all')} />
            {schemes.map((s) => (
              <CapsuleTabs.Tab key={s} title={pl.schemeShort(s)} />
            ))}
          </CapsuleTabs>
        </div>
      )}
      {items.error ? (
        <MError error={items.error} />
      ) : !items.data ? (
        <MLoading />
      ) : (
        <div className="m-pts-grid" data-testid="m-shop-items">
          {shown.map((i) => {
            const can = i.allowedActions.includes('redeem');
            const why = whyNot(i);
            return (
              <button
                key={i.id}
                type="button"
                className={`m-pts-card${can ? '' : ' m-pts-card-off'}`}
                onClick={() => can && setOpen(i)}
                disabled={!can}
                aria-disabled={!can}
                data-testid="m-shop-item"
                data-item={i.name}
                data-can={can ? 'yes' : 'no'}
              >
                <span className={`m-pts-card-icon m-pts-kind-${i.kind}`}>{KIND_ICON[i.kind] ?? <GiftOutlined />}</span>
                <span className="m-pts-card-name">{i.name}</span>
                <span className="m-pts-card-merchant">{i.merchant}</span>
                <span className="m-pts-card-price">
                  <b style={{ color: SCHEME_COLOUR[i.scheme] }}>{fmtNumber(i.price)}</b> {pl.unit(i.scheme)}
                  <span className="m-pts-card-scheme">{pl.schemeShort(i.scheme, i.schemeName)}</span>
                </span>
                <span className="m-pts-card-foot">
                  <span className={i.stock === 0 ? 'm-pts-minus' : 'm-muted'} data-testid="m-shop-stock">
                    {i.stock === 0 ? t('points.m.soldOut') : t('points.m.stock', { n: fmtNumber(i.stock) })}
                  </span>
                  {!can && why && i.stock > 0 && (
                    <span className="m-pts-minus" data-testid="m-shop-why">
                      {why}
                    </span>
                  )}
                  {i.kind === 'donation' && (
                    <Tag color="danger" fill="outline">
                      {t('points.m.refund')}
                    </Tag>
                  )}
                </span>
              </button>
            );
          })}
        </div>
      )}
      <Popup visible={open !== null} onMaskClick={() => setOpen(null)} onClose={() => setOpen(null)} bodyStyle={{ borderTopLeftRadius: 14, borderTopRightRadius: 14 }} destroyOnClose>
        {open && (
          <RedeemSheet
            item={open}
            available={balanceOf(open.scheme)?.balance ?? 0}
            onClose={() => setOpen(null)}
            onChanged={() => {
              items.reload();
              me.reload();
            }}
          />
        )}
      </Popup>
    </div>
  );
}

function RedeemSheet({ item, available, onClose, onChanged }: { item: Item; available: number; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const pl = usePointsLabels();
  const navigate = useNavigate();
  const [qty, setQty] = useState(1);
  // Generated when the sheet opens; a new quantity is a new request, so it gets a new key.
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Redemption | null>(null);
  const can = item.allowedActions.includes('redeem');
  const total = item.price * qty;
  const unit = pl.unit(item.scheme);
  const max = Math.max(1, Math.min(item.stock, 99));

  const redeem = async () => {
    setError(null);
    const ok = await Dialog.confirm({
      title: t('points.m.confirmTitle'),
      content: <div data-testid="m-redeem-confirm-text">{t('points.m.confirmText', { n: fmtNumber(total), unit, name: item.name, q: qty })}</div>,
      confirmText: t('points.m.redeem'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    setBusy(true);
    try {
      const r = await api<Redemption>('/api/points/redemptions', { method: 'POST', body: { itemId: item.id, quantity: qty }, headers: { 'Idempotency-Key': key } });
      setDone(r);
      onChanged();
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      setError(msg);
      if (e instanceof ApiError && e.status === 409) onChanged();
      Toast.show({ icon: 'fail', content: msg });
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="m-pts-sheet m-pts-done" data-testid="m-redeem-done">
        <CheckCircleFilled className="m-pts-done-icon" />
        <div className="m-pts-done-title">{t('points.m.doneTitle')}</div>
        <div className="m-pts-done-text">{t('points.m.doneText', { name: done.item.name, q: done.quantity, merchant: done.merchant.name })}</div>
        <div className="m-pts-done-figs">
          <div>
            <b>{fmtNumber(done.amount)}</b>
            <span>{t('points.m.heldNow', { unit })}</span>
          </div>
          {done.balance !== undefined && (
            <div>
              <b data-testid="m-redeem-balance">{fmtNumber(done.balance)}</b>
              <span>{t('points.m.availableNow', { unit })}</span>
            </div>
          )}
        </div>
        <Button block color="primary" size="large" onClick={() => navigate('/m/points/code')} data-testid="m-redeem-show-code">
          <QrcodeOutlined /> {t('points.m.showCode')}
        </Button>
        <Button block fill="none" onClick={onClose} className="m-pts-sheet-secondary">
          {t('points.m.keepShopping')}
        </Button>
      </div>
    );
  }

  return (
    <div className="m-pts-sheet" data-testid="m-redeem-sheet">
      <div className="m-pts-sheet-head">
        <span className={`m-pts-card-icon m-pts-kind-${item.kind}`}>{KIND_ICON[item.kind] ?? <GiftOutlined />}</span>
        <div>
          <div className="m-pts-sheet-name">{item.name}</div>
          <div className="m-muted">{item.merchant}</div>
        </div>
      </div>
      {item.description && <div className="m-pts-sheet-desc">{item.description}</div>}
      <div className="m-pts-sheet-tags">
        <Tag fill="outline" style={{ '--border-color': SCHEME_COLOUR[item.scheme], '--text-color': SCHEME_COLOUR[item.scheme] } as CSSProperties}>
          {pl.scheme(item.scheme, item.schemeName)}
        </Tag>
        <Tag fill="outline">{pl.itemKind(item.kind, item.kindLabel)}</Tag>
        <span className="m-muted">{t('points.m.stock', { n: fmtNumber(item.stock) })}</span>
      </div>
      <div className="m-pts-sheet-rows">
        <div className="m-pts-sheet-row">
          <span>{t('points.m.unitPrice')}</span>
          <span>
            {fmtNumber(item.price)} {unit}
          </span>
        </div>
        <div className="m-pts-sheet-row">
          <span>{t('points.m.quantity')}</span>
          <Stepper
            min={1}
            max={max}
            value={qty}
            onChange={(v) => {
              setQty(v);
              setKey(newIdempotencyKey());
              setError(null);
            }}
            disabled={!can}
            data-testid="m-redeem-qty"
          />
        </div>
        <div className="m-pts-sheet-row">
          <span>{t('points.m.total')}</span>
          <b className="m-pts-sheet-total" data-testid="m-redeem-total">
            {fmtNumber(total)} {unit}
          </b>
        </div>
        <div className="m-pts-sheet-row m-muted">
          <span>{t('points.m.available')}</span>
          <span data-testid="m-redeem-available">
            {fmtNumber(available)} {unit}
          </span>
        </div>
      </div>
      {can && total > available && <div className="m-pts-warn">{t('points.m.notEnough', { n: fmtNumber(total - available), unit })}</div>}
      {item.kind === 'donation' && <div className="m-note">{t('points.m.donationNote')}</div>}
      {error && (
        <div className="m-login-error" data-testid="m-redeem-error">
          {error}
        </div>
      )}
      <Button block color="primary" size="large" loading={busy} disabled={!can} onClick={redeem} data-testid="m-redeem-submit">
        {can ? t('points.m.redeemFor', { n: fmtNumber(total), unit }) : item.stock === 0 ? t('points.m.soldOut') : t('points.m.cannotRedeem')}
      </Button>
    </div>
  );
}

// 我的积分: balances per scheme (spendable, held by pending redemptions, stars) and the statement.
import { useCallback, useState, type CSSProperties } from 'react';
import { CapsuleTabs, InfiniteScroll, List, NavBar, Rate } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import QrcodeOutlinedSvg from '@ant-design/icons-svg/es/asn/QrcodeOutlined';
import ShopOutlinedSvg from '@ant-design/icons-svg/es/asn/ShopOutlined';
import { useNavigate } from 'react-router-dom';
import { get } from '../../../api/client.ts';
import type { MyAccount, PointScheme, PointsMe, PointsStatement as Statement, StatementEntry } from '@gongzhi/domain/contract';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { SCHEME_COLOUR, signed, usePointsLabels } from '../../../lib/points.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';

const QrcodeOutlined = phoneIcon(QrcodeOutlinedSvg);
const ShopOutlined = phoneIcon(ShopOutlinedSvg);

const PAGE_SIZE = 20;

export function MPoints() {
  const t = useT();
  const pl = usePointsLabels();
  const navigate = useNavigate();
  const me = useApi((signal) => get<PointsMe>('/api/points/me', undefined, signal), []);
  const accounts = me.data?.accounts ?? [];
  const [picked, setPicked] = useState<PointScheme | null>(null);
  // The scheme with the most to spend comes first.
  const first = [...accounts].sort((a, b) => b.balance + b.held - (a.balance + a.held))[0];
  const account = accounts.find((a) => a.scheme === picked) ?? first;

  return (
    <div className="m-page m-pts" data-testid="m-points">
      <NavBar className="m-navbar" onBack={() => navigate('/m')}>
        {t('points.m.myPoints')}
      </NavBar>
      {me.error ? (
        <MError error={me.error} />
      ) : !me.data ? (
        <MLoading />
      ) : !account ? (
        <div className="m-card m-pts-empty">{t('points.m.noAccounts')}</div>
      ) : (
        <>
          {accounts.length > 1 && (
            <div className="m-pts-tabs">
              <CapsuleTabs activeKey={account.scheme} onChange={(k) => setPicked(k as PointScheme)}>
                {accounts.map((a) => (
                  <CapsuleTabs.Tab key={a.scheme} title={<span data-testid={`m-pts-tab-${a.scheme}`}>{pl.schemeShort(a.scheme, a.schemeName)}</span>} />
                ))}
              </CapsuleTabs>
            </div>
          )}
          <Hero account={account} />
          <div className="m-pts-actions">
            <button type="button" className="m-pts-action" onClick={() => navigate('/m/points/shop')} data-testid="m-pts-go-shop">
              <ShopOutlined /> {t('points.m.shop')}
            </button>
            <button type="button" className="m-pts-action" onClick={() => navigate('/m/points/code')} data-testid="m-pts-go-code">
              <QrcodeOutlined /> {t('points.m.code')}
            </button>
          </div>
          <StatementList key={account.scheme} scheme={account.scheme} />
        </>
      )}
    </div>
  );
}

function Hero({ account: a }: { account: MyAccount }) {
  const t = useT();
  const pl = usePointsLabels();
  const colour = SCHEME_COLOUR[a.scheme];
  return (
    <div className="m-pts-hero" style={{ background: `linear-gradient(135deg, ${colour} 0%, ${colour}cc 100%)` }} data-testid="m-pts-hero" data-scheme={a.scheme}>
      <div className="m-pts-hero-top">
        <span className="m-pts-hero-name">{pl.scheme(a.scheme, a.schemeName)}</span>
        {a.holder === 'household' && <span className="m-pts-hero-badge">{t('points.m.family')}</span>}
      </div>
      <div className="m-pts-hero-label">{t('points.m.available')}</div>
      <div className="m-pts-hero-balance">
        <span data-testid="m-pts-balance">{fmtNumber(a.balance)}</span>
        <small>{pl.unit(a.scheme)}</small>
      </div>
      <div className="m-pts-hero-row">
        <div>
          <div className="m-pts-hero-fig" data-testid="m-pts-held">
            {fmtNumber(a.held)}
          </div>
          <div className="m-pts-hero-cap">{t('points.m.held')}</div>
        </div>
        <div>
          <div className="m-pts-hero-fig">{fmtNumber(a.earnedThisYear)}</div>
          <div className="m-pts-hero-cap">{t('points.m.earnedYear')}</div>
        </div>
        <div>
          <div className="m-pts-hero-fig">{fmtNumber(a.earnedTotal)}</div>
          <div className="m-pts-hero-cap">{t('points.m.earnedTotal')}</div>
        </div>
      </div>
      <div className="m-pts-hero-stars" data-testid="m-pts-stars" data-stars={a.stars}>
        <Rate readOnly count={5} value={a.stars} style={{ '--star-size': '16px', '--active-color': '#ffd666', '--inactive-color': 'rgba(255,255,255,0.35)' } as CSSProperties} />
        <span>{a.toNextStar === null ? t('points.m.topStar') : t('points.m.toNextStar', { n: fmtNumber(a.toNextStar), unit: pl.unit(a.scheme) })}</span>
      </div>
    </div>
  );
}

function StatementList({ scheme }: { scheme: PointScheme }) {
  const t = useT();
  const [items, setItems] = useState<StatementEntry[]>([]);
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(true);
  const [total, setTotal] = useState<number | null>(null);
  const loadMore = useCallback(async () => {
    const res = await get<Statement>('/api/points/statement', { scheme, page, pageSize: PAGE_SIZE });
    setItems((prev) => [...prev, ...res.items]);
    setTotal(res.total);
    setPage((p) => p + 1);
    setHasMore(page * PAGE_SIZE < res.total);
  }, [scheme, page]);

  return (
    <div className="m-pts-statement">
      <List header={total === null ? t('points.m.statement') : t('points.m.statementN', { n: fmtNumber(total) })} className="m-list" data-testid="m-pts-statement">
        {items.map((e) => (
          <StatementItem key={e.id} e={e} />
        ))}
      </List>
      <InfiniteScroll loadMore={loadMore} hasMore={hasMore}>
        {hasMore ? <span className="m-muted">{t('common.loading')}</span> : <span className="m-muted">{items.length ? t('common.noMore') : t('points.m.noEntries')}</span>}
      </InfiniteScroll>
    </div>
  );
}

function StatementItem({ e }: { e: StatementEntry }) {
  const t = useT();
  const pl = usePointsLabels();
  const main = e.amount !== 0;
  return (
    <List.Item
      data-testid="m-st-item"
      data-kind={e.kind}
      description={
        <div className="m-pts-st-desc">
          <div>
            {fmtTime(e.at)} · {pl.transferKind(e.kind, e.kindLabel)}
          </div>
          <div>
            {t('points.m.authorisedBy')}：{e.authorisedBy || t('points.system')}
            {e.counterparty.name && e.counterparty.kind !== 'hold' ? ` · ${e.counterparty.name}` : ''}
          </div>
        </div>
      }
      extra={
        <div className="m-pts-st-extra">
          {main ? (
            <div className={e.amount > 0 ? 'm-pts-plus' : 'm-pts-minus'} data-testid="m-st-amount">
              {signed(e.amount)}
            </div>
          ) : (
            <div className="m-pts-heldchg" data-testid="m-st-amount">
              {t('points.m.heldShort')} {signed(e.heldChange)}
            </div>
          )}
          <div className="m-muted">{t('points.m.balanceAfter', { n: fmtNumber(e.balance) })}</div>
        </div>
      }
    >
      <span className="m-pts-st-title">{e.note ?? pl.transferKind(e.kind, e.kindLabel)}</span>
    </List.Item>
  );
}

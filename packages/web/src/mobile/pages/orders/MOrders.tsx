// 我的点单 (orders I placed) and 我的接单 (orders sent to me or my teams) on the phone.
import { Button, NavBar, Tabs } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import PlusOutlinedSvg from '@ant-design/icons-svg/es/asn/PlusOutlined';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { listOrders, type Order } from '../../../api/wishes.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MStatusTag } from '../wishes/common.tsx';
import '../wishes/wishes.css';

const PlusOutlined = phoneIcon(PlusOutlinedSvg);

type Tab = 'mine' | 'assigned';

export function MOrders() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'assigned' ? 'assigned' : 'mine';
  const list = useApi((signal) => listOrders({ relation: tab, pageSize: 50 }, signal), [tab]);
  return (
    <div className="m-page" data-testid="m-orders">
      <NavBar onBack={() => navigate('/m')} className="m-navbar">
        {t('m.order.entryTitle')}
      </NavBar>
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} className="m-wo-tabs">
        <Tabs.Tab title={t('m.order.mine')} key="mine" />
        <Tabs.Tab title={t('m.order.assigned')} key="assigned" />
      </Tabs>
      {list.error ? (
        <MError error={list.error} />
      ) : !list.data ? (
        <MLoading />
      ) : (
        <div className="m-wo-list" data-testid={`m-order-list-${tab}`}>
          {list.data.items.length === 0 && <div className="m-wo-empty">{t(tab === 'mine' ? 'm.order.emptyMine' : 'm.order.emptyAssigned')}</div>}
          {list.data.items.map((o) => (
            <OrderCard key={o.id} o={o} onClick={() => navigate(`/m/orders/${o.id}`)} />
          ))}
        </div>
      )}
      {tab === 'mine' && (
        <Button color="primary" shape="rounded" className="m-wo-fab" onClick={() => navigate('/m/orders/menu')} data-testid="m-order-new">
          <PlusOutlined /> {t('m.order.menu')}
        </Button>
      )}
    </div>
  );
}

export function OrderCard({ o, onClick }: { o: Order; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <div className="m-wo-card" onClick={onClick} data-testid="m-order-card" data-state={o.state} data-id={o.id} role="button">
      <div className="m-wo-card-head">
        <div className="m-wo-card-title">{o.service.name}</div>
        <MStatusTag kind="order" state={o.state} />
      </div>
      {o.note && <div className="m-wo-card-desc">{o.note}</div>}
      <div className="m-wo-card-meta">
        <span>{o.service.category}</span>
        {o.preferredTime && <span>{o.preferredTime}</span>}
        {o.assignee && <span>{t('m.order.viaTeam', { team: o.assignee.name })}</span>}
        <span>{fmtTime(o.createdAt)}</span>
      </div>
    </div>
  );
}

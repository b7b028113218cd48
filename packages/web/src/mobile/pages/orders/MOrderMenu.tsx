// 我要点单: the community's service menu by category; one tap opens the order form (note,
// preferred time, address defaulting to the household's).
import { useRef, useState } from 'react';
import { Button, Form, Input, List, NavBar, Popup, TextArea, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { createOrder, getMenu, newKey, type MenuItem } from '../../../api/wishes.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import '../wishes/wishes.css';

export function MOrderMenu() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const menu = useApi((signal) => getMenu(undefined, signal), []);
  const [item, setItem] = useState<MenuItem | null>(null);
  const groups = new Map<string, MenuItem[]>();
  for (const m of menu.data?.items ?? []) groups.set(m.category, [...(groups.get(m.category) ?? []), m]);
  return (
    <div className="m-page" data-testid="m-order-menu">
      <NavBar onBack={() => navigate(-1)} className="m-navbar">
        {t('m.order.menuTitle')}
      </NavBar>
      {menu.error ? (
        <MError error={menu.error} />
      ) : !menu.data ? (
        <MLoading />
      ) : (
        <>
          <div className="m-wo-hero">
            <div className="m-wo-hero-title">{t('m.order.menuTitle')}</div>
            <div className="m-wo-hero-sub">{t('m.order.menuIntro', { area: menu.data.area.name })}</div>
          </div>
          {[...groups.entries()].map(([cat, items]) => (
            <div key={cat}>
              <div className="m-wo-menu-cat">{cat}</div>
              <List className="m-list">
                {items.map((m) => (
                  <List.Item key={m.id} className="m-wo-menu-item" description={m.description} onClick={() => setItem(m)} arrow data-testid="m-menu-item" data-name={m.name}>
                    {m.name}
                  </List.Item>
                ))}
              </List>
            </div>
          ))}
        </>
      )}
      <OrderForm item={item} onClose={() => setItem(null)} onDone={(id) => navigate(`/m/orders/${id}`, { replace: true })} />
    </div>
  );
}

function OrderForm({ item, onClose, onDone }: { item: MenuItem | null; onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [time, setTime] = useState('');
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey());
  const submit = async () => {
    if (!item) return;
    setBusy(true);
    try {
      const r = await createOrder({ menuItemId: item.id, note: note.trim() || undefined, preferredTime: time.trim() || undefined, address: address.trim() || undefined }, key.current);
      Toast.show({ content: t('m.order.submitted'), icon: 'success' });
      key.current = newKey();
      onDone(r.id);
    } catch (e) {
      Toast.show({ content: errorMessage(e), icon: 'fail', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popup visible={item !== null} onMaskClick={onClose} bodyClassName="m-action-popup" destroyOnClose>
      {item && (
        <div data-testid="m-order-form">
          <div className="m-popup-title">{t('m.order.formTitle', { service: item.name })}</div>
          <div className="m-popup-case">{item.description}</div>
          <Form layout="vertical" className="m-wo-form">
            <Form.Item label={t('order.note')}>
              <TextArea value={note} onChange={setNote} placeholder={t('m.order.notePlaceholder')} rows={3} maxLength={500} showCount data-testid="m-order-note" />
            </Form.Item>
            <Form.Item label={t('order.preferredTime')}>
              <Input value={time} onChange={setTime} placeholder={t('m.order.timePlaceholder')} maxLength={60} data-testid="m-order-time" />
            </Form.Item>
            <Form.Item label={t('order.address')}>
              <Input value={address} onChange={setAddress} placeholder={t('m.order.addressPlaceholder')} maxLength={200} data-testid="m-order-address" />
            </Form.Item>
          </Form>
          <div className="m-popup-buttons">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button color="primary" loading={busy} onClick={submit} data-testid="m-order-submit">
              {t('m.order.submit')}
            </Button>
          </div>
        </div>
      )}
    </Popup>
  );
}

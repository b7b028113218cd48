// 待发送: what the phone keeps until the server has it (lib/outbox.ts), each item with its state — waiting,
// sending, sent, refused with the server's words, or in conflict — and what the worker can do about it.
import { Button, Dialog, ErrorBlock, List, NavBar, Tag } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import DisconnectOutlinedSvg from '@ant-design/icons-svg/es/asn/DisconnectOutlined';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { discard, flush, retry, useOutbox, type OutboxItem, type OutboxState } from '../../../lib/outbox.ts';
import { useOnline } from './MOutboxBar.tsx';
import './offline.css';

const DisconnectOutlined = phoneIcon(DisconnectOutlinedSvg);

const TAG: Record<OutboxState, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  pending: 'warning',
  sending: 'primary',
  sent: 'success',
  failed: 'danger',
  conflict: 'danger',
};

const when = (ms: number) => dayjs(ms).format('MM-DD HH:mm');

export function MOutbox() {
  const t = useT();
  const navigate = useNavigate();
  const online = useOnline();
  const { me } = useAuth();
  const { items, loaded, waiting } = useOutbox();

  const remove = async (i: OutboxItem) => {
    const ok = await Dialog.confirm({ content: t('offline.discardConfirm'), confirmText: t('offline.discard'), cancelText: t('common.cancel') });
    if (ok) await discard(i.id);
  };

  return (
    <div className="m-page" data-testid="m-outbox">
      <NavBar className="m-navbar" onBack={() => navigate(me ? '/m/me' : '/m/report')}>
        {t('offline.title')}
      </NavBar>
      <div className="m-card m-note">{t('offline.intro')}</div>
      {!online && (
        <div className="m-card m-note m-note-warn" role="status">
          <DisconnectOutlined /> {t('offline.offlineNow')}
        </div>
      )}
      {!loaded ? null : items.length === 0 ? (
        <ErrorBlock status="empty" title={t('offline.empty')} description="" />
      ) : (
        <List className="m-list" data-testid="m-outbox-list">
          {items.map((i) => (
            <List.Item
              key={i.id}
              data-testid="m-outbox-item"
              data-state={i.state}
              data-kind={i.kind}
              description={<ItemDetail item={i} mine={i.owner === null || i.owner === me?.id} />}
              extra={
                <Tag color={TAG[i.state]} data-testid="m-outbox-state">
                  {t(`offline.state.${i.state}`)}
                </Tag>
              }
            >
              <div className="m-outbox-kind">{t(`offline.kind.${i.kind}`)}</div>
              <div className="m-wrap m-outbox-title">{i.title}</div>
              {(i.state === 'failed' || i.state === 'conflict' || (online && i.state === 'pending' && i.attempts > 0)) && (
                <div className="m-outbox-actions">
                  <Button size="small" color="primary" fill="outline" onClick={() => void retry(i.id)} data-testid="m-outbox-retry">
                    {t('offline.retry')}
                  </Button>
                  {i.state !== 'pending' && (
                    <Button size="small" color="danger" fill="outline" onClick={() => void remove(i)} data-testid="m-outbox-discard">
                      {t('offline.discard')}
                    </Button>
                  )}
                </div>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {waiting > 0 && online && (
        <div className="m-pad">
          <Button block color="primary" onClick={() => void flush()} data-testid="m-outbox-send">
            {t('offline.sendAll')}
          </Button>
        </div>
      )}
    </div>
  );
}

function ItemDetail({ item: i, mine }: { item: OutboxItem; mine: boolean }) {
  const t = useT();
  const lines: string[] = [t('offline.madeAt', { time: when(i.createdAt) })];
  if (i.photos.length || i.uploaded.length) lines.push(t('offline.photos', { n: Math.max(i.photos.length, i.uploaded.length) }));
  if (i.state === 'sent' && i.sentAt) lines.push(t('offline.sentAt', { time: when(i.sentAt) }));
  if (i.result?.code) lines.push(t('offline.caseCode', { code: i.result.code }));
  if (i.result?.queryCode) lines.push(t('offline.queryCode', { code: i.result.queryCode }));
  if (i.state === 'pending' && !mine) lines.push(t('offline.otherUser'));
  else if (i.state === 'pending' && i.attempts > 0) lines.push(t('offline.attempts', { n: i.attempts }));
  return (
    <div className="m-outbox-detail">
      <div>{lines.join(' · ')}</div>
      {(i.state === 'failed' || i.state === 'conflict') && i.message && (
        <div className="m-outbox-error" data-testid="m-outbox-message">
          {i.message}
        </div>
      )}
      {i.state === 'conflict' && <div className="m-outbox-error">{t('offline.conflictNote')}</div>}
    </div>
  );
}

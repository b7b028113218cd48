import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Empty, Popover, Spin } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { get, post } from '../../../api/client.ts';
import type { NotificationItem, UnreadCount } from '../../../api/cases.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';

const POLL_MS = 30_000;

interface Inbox {
  unread: number;
  items: NotificationItem[];
}

/** The bell in the header: unread count polled every 30 s, the latest items, "mark all read". */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const res = useApi((signal) => get<Inbox>('/api/notifications', undefined, signal), [tick]);
  // Marked read here before the next poll confirms it: valid only for the answer it was made on.
  const [local, setLocal] = useState<{ base: Inbox; data: Inbox } | null>(null);
  const data = res.data && local?.base === res.data ? local.data : (res.data ?? null);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    const id = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const markRead = async (ids: number[] | 'all') => {
    setBusy(true);
    try {
      const r = await post<UnreadCount>('/api/notifications/read', { ids });
      if (res.data && data) {
        const now = new Date().toISOString();
        setLocal({ base: res.data, data: { unread: r.unread, items: data.items.map((n) => (ids === 'all' || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)) } });
      }
    } catch {
      // keep the list; the next poll shows the truth
    } finally {
      setBusy(false);
    }
  };

  const openItem = (n: NotificationItem) => {
    if (!n.readAt) void markRead([n.id]);
    setOpen(false);
    if (n.caseId) navigate(`/cases/${n.caseId}`);
  };

  const unread = data?.unread ?? 0;
  const content = (
    <div className="gz-bell-panel" data-testid="bell-panel">
      <div className="gz-bell-head">
        <span className="gz-bell-title">
          {t('case.bell.title')}
          {unread > 0 && <span className="gz-bell-unread">{t('case.bell.unread', { n: unread })}</span>}
        </span>
        <Button type="link" size="small" disabled={unread === 0 || busy} onClick={() => markRead('all')} data-testid="bell-read-all">
          {t('case.bell.readAll')}
        </Button>
      </div>
      <div className="gz-bell-list">
        {!data ? (
          <div className="gz-bell-empty">
            <Spin />
          </div>
        ) : data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.bell.empty')} />
        ) : (
          data.items.map((n) => (
            <button key={n.id} type="button" className={`gz-bell-item${n.readAt ? '' : ' gz-bell-item-unread'}`} onClick={() => openItem(n)} data-testid="bell-item">
              <span className="gz-bell-dot" />
              <span className="gz-bell-text">
                <span className="gz-bell-item-title">{n.title}</span>
                <span className="gz-bell-time">{fmtTime(n.createdAt)}</span>
              </span>
            </button>
          ))
        )}
      </div>
      <div className="gz-bell-foot">
        <Button
          type="link"
          size="small"
          onClick={() => {
            setOpen(false);
            navigate('/cases?tab=mine');
          }}
        >
          {t('case.bell.inbox')}
        </Button>
      </div>
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) refresh();
      }}
      arrow={false}
      styles={{ container: { padding: 0 } }}
    >
      <button type="button" className="gz-bell" aria-label={t('case.bell.title')} data-testid="bell">
        <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]}>
          <BellOutlined className="gz-bell-icon" />
        </Badge>
        <span className="gz-hidden" data-testid="bell-count">
          {unread}
        </span>
      </button>
    </Popover>
  );
}

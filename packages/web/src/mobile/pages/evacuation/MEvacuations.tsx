// 转移安置 on the responsible worker's phone: the people they are to move (those needing help first), where to,
// and one tap for 已到达 (or 开始转移; 拒绝转移 with the reason given). Each tap goes through 待发送 (lib/outbox.ts) under its own Idempotency-Key,
// so a tap in a flooded street without signal is sent when the network is back, and counted once.
import { useState } from 'react';
import { Button, Dialog, ErrorBlock, List, NavBar, Space, Tag, TextArea, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { myEntries, type EvacuationAction, type EvacuationEntry, type EvacuationState } from '../../../api/evacuation.ts';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { useLabels } from '../../../lib/labels.ts';
import { enqueue, flush, useOutbox } from '../../../lib/outbox.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading, RISK_CLASS } from '../../components.tsx';

const AFTER: Partial<Record<EvacuationAction, EvacuationState>> = { start: 'moving', arrive: 'arrived', refuse: 'refused' };
const slotOf = (entryId: string) => `evac.${entryId}`;

export function MEvacuations() {
  const t = useT();
  const { tx } = useI18n();
  const labels = useLabels();
  const navigate = useNavigate();
  const res = useApi((signal) => myEntries(signal), []);
  const [openedAt] = useState(() => Date.now());
  // This page's taps in 待发送: waiting ones show 待上传; answered ones show their new state until the list reloads.
  const queue = useOutbox().items.filter((i) => i.kind === 'evac');
  const waiting = new Map(queue.filter((i) => i.state === 'pending' || i.state === 'sending').map((i) => [i.slot ?? '', i.path]));
  const answered = new Map(queue.filter((i) => i.state === 'sent' && (i.sentAt ?? 0) >= openedAt).map((i) => [i.slot ?? '', i.path]));
  const stateOf = (e: EvacuationEntry): EvacuationState => {
    const path = waiting.get(slotOf(e.id)) ?? answered.get(slotOf(e.id));
    const action = path?.split('/').pop() as EvacuationAction | undefined;
    return (action && AFTER[action]) ?? e.state;
  };

  const tap = (e: EvacuationEntry, action: EvacuationAction, body: { reason?: string } = {}) => {
    void enqueue({ kind: 'evac', path: `/api/evacuation-entries/${e.id}/actions/${action}`, body, title: `${e.name} ${tx(`evac.action.${action}`, '')}`, slot: slotOf(e.id) }).then(() => flush());
    Toast.show({ icon: navigator.onLine ? 'success' : undefined, content: navigator.onLine ? t('evac.m.saved') : t('evac.m.savedOffline') });
  };
  // 拒绝转移 needs the reason the person gave (the law asks the worker to record it); it is queued like a tap.
  const refuse = (e: EvacuationEntry) => {
    let reason = '';
    void Dialog.confirm({
      title: `${e.name} ${t('evac.action.refuse')}`,
      content: <TextArea placeholder={t('evac.m.refusePlaceholder')} rows={3} maxLength={200} onChange={(v) => (reason = v)} aria-label={t('evac.m.refuseReason')} data-testid="m-evac-refuse-reason" />,
      confirmText: t('evac.action.refuse'),
      cancelText: t('common.cancel'),
      onConfirm: () => {
        if (reason.trim()) tap(e, 'refuse', { reason: reason.trim() });
        else Toast.show({ content: t('evac.m.reasonRequired') });
      },
    });
  };

  const items = res.data?.items ?? [];
  const c = res.data?.counts;
  return (
    <div className="m-page" data-testid="m-evacuations">
      <NavBar onBack={() => navigate('/m')} className="m-navbar">
        {t('evac.m.title')}
      </NavBar>
      {res.error ? (
        <MError error={res.error} />
      ) : !res.data ? (
        <MLoading />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t('evac.m.empty')} description="" />
      ) : (
        <List header={c ? t('evac.m.counts', { pending: c.pending, moving: c.moving, arrived: c.arrived }) : t('evac.m.desc')} className="m-list" data-testid="m-evac-list">
          {items.map((e) => {
            const state = stateOf(e);
            const queued = waiting.has(slotOf(e.id));
            const actions = state === e.state ? e.allowedActions.filter((a) => a === 'arrive' || a === 'start' || a === 'refuse') : [];
            return (
              <List.Item
                key={e.id}
                data-testid="m-evac-entry"
                description={
                  <Space direction="vertical" style={{ '--gap': '4px' }}>
                    <span className="m-wrap">{e.address}</span>
                    <span className="m-wrap">{e.destination.name ? t('evac.m.to', { name: e.destination.name }) : t('evac.m.noDestination')}</span>
                    <span>
                      {e.needsHelp && <Tag color="danger">{t('evac.reason.needs-help')}</Tag>}{' '}
                      <Tag color={state === 'arrived' ? 'success' : state === 'refused' ? 'danger' : 'primary'} fill="outline" data-testid={`m-evac-state-${state}`}>
                        {tx(`evac.state.${state}`, '')}
                      </Tag>{' '}
                      {queued && (
                        <Tag color="warning" data-testid="m-evac-queued">
                          {t('evac.m.queued')}
                        </Tag>
                      )}
                    </span>
                    {actions.length > 0 && (
                      <Space>
                        {actions.includes('arrive') && (
                          <Button size="small" color="success" onClick={() => tap(e, 'arrive')} data-testid="m-evac-arrive">
                            {t('evac.m.arrive')}
                          </Button>
                        )}
                        {actions.includes('start') && (
                          <Button size="small" fill="outline" color="primary" onClick={() => tap(e, 'start')} data-testid="m-evac-start">
                            {t('evac.action.start')}
                          </Button>
                        )}
                        {actions.includes('refuse') && (
                          <Button size="small" fill="none" color="danger" onClick={() => refuse(e)} data-testid="m-evac-refuse">
                            {t('evac.action.refuse')}
                          </Button>
                        )}
                      </Space>
                    )}
                  </Space>
                }
                extra={e.riskColour ? <span className={`m-risk ${RISK_CLASS[e.riskColour] ?? ''}`}>{labels.risk(e.riskColour)}</span> : null}
              >
                <span>
                  {e.name}
                  {e.age !== null ? <span className="m-muted">（{e.age}）</span> : null}
                  {e.phone ? <span className="m-muted"> {e.phone}</span> : null}
                </span>
              </List.Item>
            );
          })}
        </List>
      )}
    </div>
  );
}

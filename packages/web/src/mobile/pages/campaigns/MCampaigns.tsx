// 敲门行动 on the grid worker's phone: the households of their grid not yet reached (people needing help
// first), marked visited / nobody home / refused with a risk colour and a note. Marks work offline: each goes
// through 待发送 (lib/outbox.ts) under its Idempotency-Key and is sent when the network is back.
import { useEffect, useRef, useState } from 'react';
import { Button, ErrorBlock, Form, List, NavBar, ProgressBar, Popup, Selector, Tag, TextArea, Toast } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router-dom';
import { getCampaign, getProgress, getWorklist, listCampaigns, type VisitBody, type VisitResult, type WorkItem } from '../../../api/campaigns.ts';
import type { RiskColour } from '../../../api/types.ts';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';
import { useLabels } from '../../../lib/labels.ts';
import { enqueue, flush, useOutbox } from '../../../lib/outbox.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading, RISK_CLASS } from '../../components.tsx';
import { MEmpty, MListPage, MListState, MLoadMore } from '../../list.tsx';
import { useOnline } from '../offline/MOutboxBar.tsx';

const RESULTS: VisitResult[] = ['visited', 'nobody-home', 'refused'];
const COLOURS: RiskColour[] = ['red', 'orange', 'yellow', 'blue'];
const PAGE = 30;
const slotOf = (campaignId: string, householdId: string) => `knock.${campaignId}.${householdId}`;

/** `/m/campaigns`: the campaigns concerning the caller. */
export function MCampaignList() {
  const t = useT();
  const navigate = useNavigate();
  const res = useApi((signal) => listCampaigns(signal), []);
  const items = res.data?.items ?? [];
  return (
    <MListPage testId="m-campaigns" title={t('campaign.m.title')}>
      <MListState res={res} count={items.length} empty={<MEmpty block text={t('campaign.empty')} />}>
        <List className="m-list">
          {items.map((c) => (
            <List.Item
              key={c.id}
              onClick={() => navigate(`/m/campaigns/${c.id}`)}
              description={`${c.areaName ?? ''} · ${t('campaign.roundN', { n: c.round })}`}
              extra={<Tag color={c.state === 'active' ? 'primary' : 'default'}>{t(c.state === 'active' ? 'campaign.stateActive' : 'campaign.stateClosed')}</Tag>}
              data-testid="m-campaign-item"
            >
              <span className="m-wrap">{c.title}</span>
            </List.Item>
          ))}
        </List>
      </MListState>
    </MListPage>
  );
}

/** `/m/campaigns/:id`: the worker's list and the marks. */
export function MCampaign() {
  const t = useT();
  const { tx } = useI18n();
  const labels = useLabels();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [pages, setPages] = useState(1);
  const list = useApi((signal) => getWorklist(id, { page: 1, pageSize: PAGE * pages }, signal), [id, pages]);
  const progress = useApi((signal) => getProgress(id, signal), [id]);
  const campaign = useApi((signal) => getCampaign(id, signal), [id]);
  // This campaign's marks in 待发送: those waiting, and those answered since the list was loaded
  // (reached households leave it, others show their result).
  const path = `/api/campaigns/${id}/visits`;
  const [openedAt] = useState(() => Date.now());
  const queue = useOutbox().items.filter((i) => i.kind === 'mark' && i.path === path);
  const kept = queue.filter((i) => i.state === 'pending' || i.state === 'sending').map((i) => ({ slot: i.slot, body: i.body as unknown as VisitBody }));
  const answered = queue.filter((i) => i.state === 'sent' && (i.sentAt ?? 0) >= openedAt);
  const refused = queue.filter((i) => i.state === 'failed' || i.state === 'conflict').length;
  const done: Record<string, VisitResult> = {};
  for (const i of [...answered].reverse()) {
    const b = i.body as unknown as VisitBody;
    done[b.householdId] = b.result;
  }
  const [marking, setMarking] = useState<WorkItem | null>(null);
  const online = useOnline();
  const { reload: reloadProgress } = progress;

  // Each answer moves the progress figure; a refusal (a closed campaign, a household out of scope) is said once.
  const seen = useRef({ answered: answered.length, refused });
  useEffect(() => {
    if (answered.length > seen.current.answered) reloadProgress();
    if (refused > seen.current.refused) Toast.show({ content: t('campaign.m.refused') });
    seen.current = { answered: answered.length, refused };
  }, [answered.length, refused, reloadProgress, t]);

  const mark = (h: WorkItem, body: VisitBody) => {
    void enqueue({ kind: 'mark', path, body: { ...body }, title: h.place || h.address, slot: slotOf(id, h.id) }).then(() => flush());
    setMarking(null);
    Toast.show({ icon: navigator.onLine ? 'success' : undefined, content: navigator.onLine ? t('campaign.m.saved') : t('campaign.m.savedOffline') });
  };

  // A closed campaign (or a role that only reads) shows the list without marks.
  const canMark = campaign.data?.allowedActions.includes('visit') ?? false;
  const pendingFor = new Map(kept.map((k) => [k.body.householdId, k.body.result]));
  const items = (list.data?.items ?? []).filter((h) => done[h.id] !== 'visited');
  const p = progress.data;
  return (
    <div className="m-page" data-testid="m-campaign">
      <NavBar onBack={() => navigate('/m/campaigns')} className="m-navbar">
        {t('campaign.m.title')}
      </NavBar>
      {!online && (
        <div className="m-campaign-offline" role="status" data-testid="m-campaign-offline">
          {t('campaign.m.offline')}
        </div>
      )}
      {kept.length > 0 && (
        <div className="m-campaign-pending" role="status" data-testid="m-campaign-pending">
          {t('campaign.m.pending', { n: kept.length })}
        </div>
      )}
      {p && (
        <div className="m-card" data-testid="m-campaign-progress">
          {campaign.data && (
            <div className="m-area-name m-wrap" data-testid="m-campaign-title">
              {campaign.data.title}
              <Tag color={campaign.data.state === 'active' ? 'primary' : 'default'} style={{ marginLeft: 8, verticalAlign: 'middle' }}>
                {campaign.data.state === 'active' ? t('campaign.roundN', { n: campaign.data.round }) : t('campaign.stateClosed')}
              </Tag>
            </div>
          )}
          <div className="m-card-title">{t('campaign.m.progress', { visited: fmtNumber(p.visited), households: fmtNumber(p.households) })}</div>
          <ProgressBar percent={p.households ? Math.round((p.visited / p.households) * 100) : 0} />
        </div>
      )}
      {list.error ? (
        <MError error={list.error} />
      ) : !list.data ? (
        <MLoading />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={<span data-testid="m-campaign-all-reached">{t('campaign.allReached')}</span>} description="" />
      ) : (
        <List header={t('campaign.m.listHeader', { n: fmtNumber(list.data.total), round: list.data.round })} className="m-list" data-testid="m-campaign-list">
          {items.map((h) => {
            const pend = pendingFor.get(h.id);
            const last = pend ?? done[h.id] ?? h.lastResult;
            return (
              <List.Item
                key={h.id}
                onClick={canMark ? () => setMarking(h) : undefined}
                data-testid="m-campaign-household"
                description={
                  <span className="m-campaign-desc">
                    {h.needsHelp && <Tag color="danger">{t('campaign.needsHelp')}</Tag>}
                    {h.helpTags.map((g) => (
                      <Tag key={g} fill="outline">
                        {tx(`campaign.tag.${g}`, '')}
                      </Tag>
                    ))}
                    {pend ? (
                      <Tag color="warning" data-testid="m-campaign-queued">
                        {t('campaign.m.queued')}
                      </Tag>
                    ) : null}
                    {last ? <span>{tx(`campaign.result.${last}`, '')}</span> : null}
                  </span>
                }
                extra={h.riskColour ? <span className={`m-risk ${RISK_CLASS[h.riskColour] ?? ''}`}>{labels.risk(h.riskColour)}</span> : null}
              >
                <span className="m-wrap">{h.place || h.address}</span>
              </List.Item>
            );
          })}
          <MLoadMore shown={list.data.items.length} total={list.data.total} loading={list.loading} onMore={() => setPages((n) => n + 1)} />
        </List>
      )}
      <MarkPopup key={marking?.id ?? 'none'} household={marking} onClose={() => setMarking(null)} onMark={mark} />
    </div>
  );
}

function MarkPopup({ household, onClose, onMark }: { household: WorkItem | null; onClose: () => void; onMark: (h: WorkItem, body: VisitBody) => void }) {
  const t = useT();
  const labels = useLabels();
  const [result, setResult] = useState<VisitResult>('visited');
  const [colour, setColour] = useState<RiskColour | undefined>();
  const [note, setNote] = useState('');
  if (!household) return <Popup visible={false} />;
  const submit = () => onMark(household, { householdId: household.id, result, ...(colour ? { riskColour: colour } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
  return (
    <Popup visible onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 8, borderTopRightRadius: 8, padding: 12, maxHeight: '85vh', overflowY: 'auto' }}>
      <div className="m-card-title m-wrap" data-testid="m-mark-household">
        {household.place || household.address}
      </div>
      <Form
        layout="vertical"
        footer={
          <Button block color="primary" onClick={submit} data-testid="m-mark-submit">
            {t('campaign.m.submit')}
          </Button>
        }
      >
        <Form.Item label={t('campaign.m.result')}>
          <Selector value={[result]} onChange={(v) => v[0] && setResult(v[0])} options={RESULTS.map((r) => ({ value: r, label: t(`campaign.result.${r}`) }))} data-testid="m-mark-result" />
        </Form.Item>
        <Form.Item label={t('campaign.m.colour')} help={t('campaign.m.colourHelp', { colour: labels.risk(household.riskColour) })}>
          <Selector value={colour ? [colour] : []} onChange={(v) => setColour(v[0])} options={COLOURS.map((c) => ({ value: c, label: labels.riskLong(c) }))} data-testid="m-mark-colour" />
        </Form.Item>
        <Form.Item label={t('campaign.m.note')}>
          <TextArea value={note} onChange={setNote} maxLength={500} rows={2} placeholder={t('campaign.m.notePlaceholder')} data-testid="m-mark-note" />
        </Form.Item>
      </Form>
    </Popup>
  );
}

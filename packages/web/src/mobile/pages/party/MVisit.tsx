// 登记走访: in under a minute — the household is known, today is the date, 政策宣讲 is ticked; add a
// note and, when something needs doing, a follow-up that becomes a case or a micro-wish.
import { useMemo, useState } from 'react';
import { Button, DatePicker, List, NavBar, Picker, Selector, TextArea, Toast, Input } from 'antd-mobile';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { VISIT_DUTIES, type VisitDuty } from '@gongzhi/domain';
import type { GridLinks, MyHouseholds, PartyVisitRecorded as Visit } from '@gongzhi/domain/contract';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { getOrCopy } from '../../../lib/offlineDb.ts';
import { submit as submitQueued } from '../../../lib/outbox.ts';
import { MError, MLoading } from '../../components.tsx';

type FollowKind = 'none' | 'case' | 'wish';
interface CatalogueItem {
  code: string;
  name: string;
  parentCode: string | null;
  leaf: boolean;
}

export function MVisit() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { householdId = '' } = useParams();
  const asMember = can('party.member');
  const gridCode = me.scope.code.length >= 15 ? me.scope.code.slice(0, 15) : null;
  const source = useApi<MyHouseholds | GridLinks>(
    (signal) => (asMember ? getOrCopy<MyHouseholds>('/api/party/my/households', undefined, signal) : getOrCopy<GridLinks>('/api/party/links', { grid: gridCode ?? me.scope.code }, signal)),
    [asMember, gridCode],
  );
  const household = useMemo(() => {
    const d = source.data;
    if (!d) return undefined;
    if ('grid' in d) return d.items.find((i) => i.household.id === householdId)?.household ?? null;
    return d.items.find((h) => h.id === householdId) ?? null;
  }, [source.data, householdId]);
  const [duties, setDuties] = useState<VisitDuty[]>(['policy']);
  const [date, setDate] = useState(new Date());
  const [dateOpen, setDateOpen] = useState(false);
  const [notes, setNotes] = useState('');
  const [kind, setKind] = useState<FollowKind>('none');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<CatalogueItem | null>(null);
  const [catOpen, setCatOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const catalogue = useApi(kind === 'case' ? (signal) => getOrCopy<{ items: CatalogueItem[] }>('/api/catalog', undefined, signal) : null, [kind]);
  const leaves = (catalogue.data?.items ?? []).filter((c) => c.leaf);

  const submit = async () => {
    const problem = !duties.length ? t('party.visit.pickDuty') : kind !== 'none' && (!title.trim() || !description.trim()) ? t('party.visit.followupNeeds') : kind === 'case' && !category ? t('party.visit.pickCategory') : null;
    if (problem) {
      Toast.show({ content: problem });
      return;
    }
    setSaving(true);
    try {
      const body = {
        householdId,
        visitedOn: dayjs(date).format('YYYY-MM-DD'),
        duties,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(kind === 'none' ? {} : { followups: [{ kind, title: title.trim(), description: description.trim(), ...(kind === 'case' && category ? { categoryCode: category.code } : {}) }] }),
      };
      // Through 待发送: a visit in a basement without signal is kept and sent once the connection returns.
      const r = await submitQueued<Visit>({ kind: 'visit', path: '/api/party/visits', body, title: household?.address ?? '' });
      if (!r.sent) {
        Toast.show({ content: t('offline.queuedVisit'), duration: 2500 });
        navigate('/m/party/households', { replace: true });
        return;
      }
      const v = r.answer;
      const f = v.followups[0];
      const extra = f ? (f.state === 'converted' ? (f.kind === 'case' ? t('party.visit.caseCreated', { code: f.refCode ?? '' }) : t('party.visit.wishCreated')) : t('party.visit.followupOpen')) : '';
      Toast.show({ icon: 'success', content: `${t('party.visit.saved')}${extra ? `，${extra}` : ''}` });
      navigate('/m/party/households', { replace: true });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="m-page" data-testid="m-party-visit">
      <NavBar className="m-navbar" onBack={() => navigate(-1)}>
        {t('party.visit.title')}
      </NavBar>
      {source.error ? (
        <MError error={source.error} />
      ) : household === undefined ? (
        <MLoading />
      ) : household === null ? (
        <div className="m-card m-muted">{t('party.visit.notYours')}</div>
      ) : (
        <>
          <div className="m-card m-party-visit-head">
            <div className="m-party-visit-address" data-testid="m-party-visit-address">
              {household.address}
            </div>
            <div className="m-muted">
              {household.head ? `${household.head} · ` : ''}
              {t('party.m.people', { n: household.size })}
            </div>
          </div>
          <List className="m-list">
            <List.Item extra={dayjs(date).isSame(dayjs(), 'day') ? t('party.visit.today') : dayjs(date).format('YYYY-MM-DD')} onClick={() => setDateOpen(true)} data-testid="m-party-visit-date">
              {t('party.visit.date')}
            </List.Item>
          </List>
          <DatePicker visible={dateOpen} onClose={() => setDateOpen(false)} value={date} max={new Date()} min={dayjs().subtract(31, 'day').toDate()} onConfirm={setDate} />
          <div className="m-card">
            <div className="m-card-title">{t('party.visit.duties')}</div>
            <Selector
              multiple
              columns={2}
              value={duties}
              onChange={(v) => setDuties(v as VisitDuty[])}
              options={VISIT_DUTIES.map((d) => ({ value: d, label: <span data-testid={`m-party-duty-${d}`}>{t(`party.duty.${d}`)}</span> }))}
            />
            <div className="m-card-title m-party-gap">{t('party.visit.notes')}</div>
            <TextArea value={notes} onChange={setNotes} placeholder={t('party.visit.notesPlaceholder')} rows={3} maxLength={1000} showCount data-testid="m-party-visit-notes" />
          </div>
          <div className="m-card">
            <div className="m-card-title">{t('party.visit.followup')}</div>
            <Selector
              value={[kind]}
              onChange={(v) => v[0] && setKind(v[0] as FollowKind)}
              options={[
                { value: 'none', label: t('party.visit.followupNone') },
                { value: 'case', label: t('party.visit.followupCase') },
                { value: 'wish', label: t('party.visit.followupWish') },
              ]}
            />
            {kind !== 'none' && (
              <div className="m-party-followup">
                <Input value={title} onChange={setTitle} placeholder={t('party.visit.followupTitle')} maxLength={60} clearable data-testid="m-party-followup-title" />
                <TextArea value={description} onChange={setDescription} placeholder={t('party.visit.followupDesc')} rows={2} maxLength={1000} />
                {kind === 'case' && (
                  <>
                    <Button size="small" onClick={() => setCatOpen(true)} data-testid="m-party-followup-category">
                      {category ? category.name : t('party.visit.pickCategory')}
                    </Button>
                    <Picker
                      visible={catOpen}
                      onClose={() => setCatOpen(false)}
                      columns={[leaves.map((c) => ({ value: c.code, label: c.name }))]}
                      onConfirm={(v) => setCategory(leaves.find((c) => c.code === v[0]) ?? null)}
                    />
                  </>
                )}
                {kind === 'wish' && !can('people.read') && <div className="m-muted">{t('party.visit.wishByGrid')}</div>}
              </div>
            )}
          </div>
          <div className="m-party-submit">
            <Button block color="primary" size="large" loading={saving} onClick={submit} data-testid="m-party-visit-submit">
              {t('party.visit.submit')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

import { useState } from 'react';
import { Button, Form, Input, List, NavBar, Popup, SearchBar, Selector, Space, Tag, Toast } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router-dom';
import { get, post } from '../../api/client.ts';
import type { Household, PeopleList, Person } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { fmtNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { MError, MLoading, MSensitive, RISK_CLASS } from '../components.tsx';
import { MPersonForm } from './MPersonForm.tsx';

export function MHousehold() {
  const t = useT();
  const labels = useLabels();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const res = useApi((signal) => get<Household>(`/api/households/${id}`, undefined, signal), [id]);
  const h = res.data?.id === id ? res.data : undefined;
  const [recording, setRecording] = useState(false);
  const [kind, setKind] = useState<'move-in' | 'move-out' | 'death'>('move-out');
  const [adding, setAdding] = useState(false);
  // Move-in: a person registered elsewhere (another household, or none) found by name or number.
  const [found, setFound] = useState<Person[]>([]);
  const search = async (q: string) => {
    if (!q.trim()) return setFound([]);
    try {
      const page = await get<PeopleList>('/api/people', { q: q.trim(), pageSize: 20 });
      setFound(page.items.filter((p) => p.householdId !== id));
    } catch {
      setFound([]);
    }
  };
  const people = kind === 'move-in' ? found.map((p) => ({ value: p.id, label: p.address ? `${p.name}（${p.address}）` : p.name })) : (h?.members ?? []).map((m) => ({ value: m.id, label: m.name }));
  const [personId, setPersonId] = useState<string | undefined>();
  const [date, setDate] = useState(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!personId) {
      Toast.show({ content: t('household.event.personRequired') });
      return;
    }
    setSaving(true);
    try {
      await post(`/api/households/${id}/events`, { kind, personId, date });
      Toast.show({ icon: 'success', content: t('household.event.saved') });
      setRecording(false);
      setPersonId(undefined);
      res.reload();
    } catch (e) {
      Toast.show({ content: e instanceof Error ? e.message : String(e) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="m-page">
      <NavBar onBack={() => navigate(-1)} className="m-navbar">
        {t('m.householdDetail')}
      </NavBar>
      {res.error ? (
        <MError error={res.error} />
      ) : !h ? (
        <MLoading />
      ) : (
        <>
          <div className="m-card">
            <div className="m-area-name">{h.address}</div>
            <div className="m-area-tags">
              {h.doorplate && <Tag fill="outline">{h.doorplate}</Tag>}
              <span className={`m-risk ${h.riskColour ? (RISK_CLASS[h.riskColour] ?? '') : ''}`}>
                {t('household.risk')}：{labels.risk(h.riskColour)}
              </span>
            </div>
          </div>
          <List header={t('household.memberList', { n: fmtNumber(h.members.length) })} className="m-list" data-testid="m-household-members">
            {h.members.map((p) => (
              <List.Item
                key={p.id}
                onClick={() => navigate(`/m/people/${p.id}`)}
                extra={labels.relation(p.relation)}
                description={<MSensitive personId={p.id} field="idNumber" masked={p.idNumber} canReveal={false} />}
              >
                {p.name}
                <span className="m-person-meta">
                  {labels.gender(p.gender)}
                  {p.age !== null ? ` · ${t('person.ageValue', { n: p.age })}` : ''}
                </span>
              </List.Item>
            ))}
          </List>
          <List header={t('household.history')} className="m-list" data-testid="m-household-history">
            {(h.history ?? []).length === 0 ? (
              <List.Item>{t('household.history.empty')}</List.Item>
            ) : (
              (h.history ?? []).map((e) => (
                <List.Item key={e.id} description={e.note ?? undefined} extra={e.date} data-testid="m-household-event">
                  {t(`household.event.${e.kind as 'move-in' | 'move-out' | 'death'}`)} · {e.personName}
                </List.Item>
              ))
            )}
          </List>
          {h.allowedActions?.includes('edit') && (
            <div className="m-card">
              <Space direction="vertical" block>
                <Button block color="primary" onClick={() => setAdding(true)} data-testid="m-household-member-add">
                  {t('m.person.addMember')}
                </Button>
                <Button block color="primary" fill="outline" onClick={() => setRecording(true)} data-testid="m-household-event-add">
                  {t('household.event.add')}
                </Button>
              </Space>
              <MPersonForm
                visible={adding}
                household={h}
                onClose={() => setAdding(false)}
                onSaved={() => {
                  setAdding(false);
                  res.reload();
                }}
              />
            </div>
          )}
          <Popup visible={recording} onMaskClick={() => setRecording(false)} bodyStyle={{ borderTopLeftRadius: 8, borderTopRightRadius: 8, padding: 12 }}>
            <Form layout="vertical" footer={<Button block color="primary" loading={saving} onClick={() => void save()} data-testid="m-household-event-submit">{t('common.save')}</Button>}>
              <Form.Item label={t('household.event.kind')}>
                <Selector
                  value={[kind]}
                  onChange={(v) => {
                    if (!v[0]) return;
                    setKind(v[0]);
                    setPersonId(undefined);
                  }}
                  options={(['move-in', 'move-out', 'death'] as const).map((k) => ({ value: k, label: t(`household.event.${k}`) }))}
                  data-testid="m-household-event-kind"
                />
              </Form.Item>
              {kind === 'move-in' && (
                <Form.Item label={t('household.event.searchPerson')}>
                  <SearchBar placeholder={t('household.event.searchPerson')} onSearch={(q) => void search(q)} data-testid="m-household-event-search" />
                </Form.Item>
              )}
              <Form.Item label={t('household.event.person')}>
                <Selector columns={1} value={personId ? [personId] : []} onChange={(v) => setPersonId(v[0])} options={people} data-testid="m-household-event-person" />
              </Form.Item>
              <Form.Item label={t('household.event.date')}>
                <Input type="date" value={date} onChange={setDate} data-testid="m-household-event-date" />
              </Form.Item>
            </Form>
          </Popup>
        </>
      )}
    </div>
  );
}

import { useState } from 'react';
import { Button, List, NavBar, Tag } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router-dom';
import { get } from '../../api/client.ts';
import type { PersonProfile } from '@gongzhi/domain/contract';
import { useI18n, useT } from '../../i18n/index.tsx';
import { fmtDate, fmtNumber } from '../../lib/format.ts';
import { useDictionaries, useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { MError, MLoading, MSensitive } from '../components.tsx';
import { MPersonForm } from './MPersonForm.tsx';

export function MPerson() {
  const t = useT();
  const labels = useLabels();
  const dict = useDictionaries();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { tx } = useI18n();
  // The one person page: the person, household, party membership, points, cases and visits in one call.
  const res = useApi((signal) => get<PersonProfile>(`/api/people/${id}/profile`, undefined, signal), [id]);
  const d = res.data?.person.id === id ? res.data : undefined;
  const p = d?.person;
  const canReveal = Boolean(p?.allowedActions.includes('reveal'));
  const [editing, setEditing] = useState(false);

  return (
    <div className="m-page">
      <NavBar onBack={() => navigate(-1)} className="m-navbar">
        {p ? p.name : t('m.personDetail')}
      </NavBar>
      {res.error ? (
        <MError error={res.error} />
      ) : !p ? (
        <MLoading />
      ) : (
        <>
          <List header={t('person.basic')} className="m-list" data-testid="m-person-detail">
            <List.Item extra={<strong>{p.name}</strong>}>{t('person.name')}</List.Item>
            <List.Item extra={labels.gender(p.gender)}>{t('person.gender')}</List.Item>
            <List.Item extra={p.age === null ? '—' : t('person.ageValue', { n: p.age })}>{t('person.age')}</List.Item>
            <List.Item extra={fmtDate(p.birthDate)}>{t('person.birthDate')}</List.Item>
            <List.Item extra={p.ethnicity ?? '—'}>{t('person.ethnicity')}</List.Item>
            <List.Item extra={<MSensitive personId={p.id} field="idNumber" masked={p.idNumber} canReveal={canReveal} />}>{t('person.idNumber')}</List.Item>
            <List.Item extra={<MSensitive personId={p.id} field="phone" masked={p.phone} canReveal={canReveal} />}>{t('person.phone')}</List.Item>
            <List.Item description={p.address ?? '—'}>{t('person.address')}</List.Item>
            <List.Item extra={labels.relation(p.relation)}>{t('person.relation')}</List.Item>
            <List.Item extra={labels.residence(p.residenceType)}>{t('person.residenceType')}</List.Item>
            <List.Item
              extra={
                p.partyMember ? (
                  <Tag color="danger" fill="solid">
                    {t('person.partyMember')}
                  </Tag>
                ) : (
                  t('common.no')
                )
              }
            >
              {t('person.partyMember')}
            </List.Item>
            <List.Item
              description={
                p.tags.length ? (
                  <div className="m-tags">
                    {p.tags.map((c) => (
                      <Tag key={c} color="warning" fill="outline">
                        {dict.tagLabel(c)}
                      </Tag>
                    ))}
                  </div>
                ) : (
                  '—'
                )
              }
            >
              {t('person.tags')}
            </List.Item>
            {p.note && <List.Item description={p.note}>{t('person.note')}</List.Item>}
          </List>
          {p.allowedActions.includes('edit') && (
            <div className="m-card">
              <Button block color="primary" fill="outline" onClick={() => setEditing(true)} data-testid="m-person-edit">
                {t('person.edit')}
              </Button>
              <MPersonForm
                visible={editing}
                person={p}
                onClose={() => setEditing(false)}
                onSaved={() => {
                  setEditing(false);
                  res.reload();
                }}
              />
            </div>
          )}
          <List header={t('person.householdMembers')} className="m-list">
            {p.household ? (
              p.household.members.map((m) => (
                <List.Item
                  key={m.id}
                  onClick={m.id === p.id ? undefined : () => navigate(`/m/people/${m.id}`)}
                  arrowIcon={m.id !== p.id}
                  extra={labels.relation(m.relation)}
                  description={`${labels.gender(m.gender)}${m.age !== null ? ` · ${t('person.ageValue', { n: m.age })}` : ''}`}
                >
                  {m.name} {m.id === p.id && <Tag fill="outline">{t('person.current')}</Tag>}
                </List.Item>
              ))
            ) : (
              <List.Item>{t('person.noHousehold')}</List.Item>
            )}
          </List>
          {d && (
            <>
              <List header={t('personPage.areas')} className="m-list" data-testid="m-person-areas">
                {d.areas.map((a) => (
                  <List.Item key={a.code} extra={a.name}>
                    {labels.level(a.level)}
                  </List.Item>
                ))}
              </List>
              <List header={t('personPage.party')} className="m-list">
                {d.party ? (
                  <>
                    <List.Item description={d.party.orgName}>{t('personPage.partyOrg')}</List.Item>
                    {d.party.localOrgName && <List.Item description={d.party.localOrgName}>{t('personPage.localOrg')}</List.Item>}
                    {d.party.postName && <List.Item extra={d.party.postName}>{t('personPage.post')}</List.Item>}
                  </>
                ) : (
                  <List.Item>{t('personPage.notParty')}</List.Item>
                )}
              </List>
              <List header={t('personPage.points')} className="m-list">
                {d.points.length ? (
                  d.points.map((a) => (
                    <List.Item key={a.id} extra={<strong>{fmtNumber(a.balance)}</strong>} description={tx(`personPage.accountKind.${a.kind}`, '—')}>
                      {tx(`points.scheme.${a.scheme}`, '—')}
                    </List.Item>
                  ))
                ) : (
                  <List.Item>{t('personPage.noPoints')}</List.Item>
                )}
              </List>
              <List header={`${t('personPage.cases')}（${d.cases.total}）`} className="m-list">
                {d.cases.items.length ? (
                  d.cases.items.map((c) => (
                    <List.Item key={c.id} onClick={() => navigate(`/m/cases/${c.id}`)} extra={tx(`case.state.${c.state}`, '—')} description={fmtDate(c.createdAt)}>
                      <span style={{ wordBreak: "break-all" }}>{c.title}</span>
                    </List.Item>
                  ))
                ) : (
                  <List.Item>{t('personPage.noCases')}</List.Item>
                )}
              </List>
              <List header={t('personPage.visits')} className="m-list">
                {d.visits.length ? (
                  d.visits.map((v) => (
                    <List.Item key={v.id} description={v.duties.map((x) => tx(`party.duty.${x}`, '—')).join('、')} extra={fmtDate(v.visitedOn)}>
                      {v.visitorName}
                    </List.Item>
                  ))
                ) : (
                  <List.Item>{t('personPage.noVisits')}</List.Item>
                )}
              </List>
            </>
          )}
        </>
      )}
    </div>
  );
}

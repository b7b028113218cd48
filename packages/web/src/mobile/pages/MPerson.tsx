import { List, NavBar, Tag } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router-dom';
import { get } from '../../api/client.ts';
import type { PersonDetail } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { fmtDate } from '../../lib/format.ts';
import { useDictionaries, useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { MError, MLoading, MSensitive } from '../components.tsx';

export function MPerson() {
  const t = useT();
  const labels = useLabels();
  const dict = useDictionaries();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const res = useApi((signal) => get<PersonDetail>(`/api/people/${id}`, undefined, signal), [id]);
  const p = res.data?.id === id ? res.data : undefined;
  const canReveal = Boolean(p?.allowedActions.includes('reveal'));

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
        </>
      )}
    </div>
  );
}

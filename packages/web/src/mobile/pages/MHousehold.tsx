import { List, NavBar, Tag } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router-dom';
import { get } from '../../api/client.ts';
import type { Household } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { fmtNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { MError, MLoading, MSensitive, RISK_CLASS } from '../components.tsx';

export function MHousehold() {
  const t = useT();
  const labels = useLabels();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const res = useApi((signal) => get<Household>(`/api/households/${id}`, undefined, signal), [id]);
  const h = res.data?.id === id ? res.data : undefined;
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
        </>
      )}
    </div>
  );
}

// 我的先锋指数: the member's index, stars and how each part was earned; their post and organisation.
import { List, NavBar, ProgressBar } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { get } from '../../../api/client.ts';
import type { PartyMe } from '@gongzhi/domain/contract';
import { useT } from '../../../i18n/index.tsx';
import { fmtOneDecimal } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MPartyEntry } from './entry.tsx';
import { Stars } from './Stars.tsx';

export function MPartyHome() {
  const t = useT();
  const navigate = useNavigate();
  const me = useApi((signal) => get<PartyMe>('/api/party/me', undefined, signal), []);
  const m = me.data?.member;
  const v = me.data?.vanguard;
  return (
    <div className="m-page" data-testid="m-party-home">
      <NavBar className="m-navbar" onBack={() => navigate('/m')}>
        {t('party.m.index')}
      </NavBar>
      {me.error ? (
        <MError error={me.error} />
      ) : !me.data ? (
        <MLoading />
      ) : !m || !v ? (
        <>
          <div className="m-card">{t('party.m.notMember')}</div>
          <MPartyEntry />
        </>
      ) : (
        <>
          <div className="m-party-hero" data-testid="m-party-index">
            <div className="m-party-hero-label">{t('party.vanguard.index')}</div>
            <div className="m-party-hero-value" data-testid="m-party-index-value">
              {fmtOneDecimal(v.index)}
              <small> / 100</small>
            </div>
            <Stars stars={v.stars} size={20} />
            <div className="m-party-hero-sub">{t('party.vanguard.starsLabel', { n: v.stars })}</div>
          </div>
          <div className="m-card">
            <div className="m-card-title">{t('party.vanguard.parts')}</div>
            {v.parts.map((p) => (
              <div key={p.code} className="m-party-part" data-testid={`m-party-part-${p.code}`}>
                <div className="m-party-part-head">
                  <span>{t(`party.vanguard.part.${p.code}` as 'party.vanguard.part.post')}</span>
                  <span className="m-muted">
                    {p.score} / {p.max}
                  </span>
                </div>
                <ProgressBar percent={(p.score / p.max) * 100} style={{ '--fill-color': '#b7181e' }} />
              </div>
            ))}
            <div className="m-note">{t('party.vanguard.formulaShort')}</div>
          </div>
          <List header={t('party.m.myRecord')} className="m-list">
            <List.Item extra={m.org.name}>{t('party.member.org')}</List.Item>
            {m.localOrg && <List.Item extra={`${m.localOrg.name}（${m.registrationStateLabel ?? ''}）`}>{t('party.member.localOrg')}</List.Item>}
            <List.Item extra={m.kindLabel}>{t('party.member.kind')}</List.Item>
            <List.Item extra={m.post?.name ?? t('party.member.noPost')} data-testid="m-party-post">
              {t('party.member.post')}
            </List.Item>
          </List>
          <MPartyEntry except="index" />
        </>
      )}
    </div>
  );
}

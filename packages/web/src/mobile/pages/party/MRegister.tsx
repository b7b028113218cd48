// 双报到与认岗 on the phone: the member applies to register with an organisation of the community
// they live in, follows the review, and chooses their post (设岗定责).
import { useState } from 'react';
import { Button, CheckList, Dialog, List, NavBar, Tag, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage, get, post } from '../../../api/client.ts';
import type { PartyMe, RegistrationTargets as Targets } from '@gongzhi/domain/contract';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';

export function MRegister() {
  const t = useT();
  const navigate = useNavigate();
  const me = useApi((signal) => get<PartyMe>('/api/party/me', undefined, signal), []);
  const m = me.data?.member;
  const canApply = !!m && m.registrationState !== 'applied' && m.registrationState !== 'accepted';
  const targets = useApi(canApply ? (signal) => get<Targets>('/api/party/me/targets', undefined, signal) : null, [canApply]);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const chosen = orgId ?? targets.data?.items[0]?.id ?? null;

  const apply = async () => {
    const target = targets.data?.items.find((o) => o.id === chosen);
    if (!target) return;
    if (!(await Dialog.confirm({ content: t('party.m.reg.confirm', { name: target.name }), confirmText: t('party.m.reg.apply'), cancelText: t('common.cancel') }))) return;
    setSaving(true);
    try {
      await post('/api/party/registrations', { orgId: target.id });
      Toast.show({ icon: 'success', content: t('party.m.reg.applied') });
      me.reload();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  const choosePost = async (code: string | null) => {
    if (!m) return;
    try {
      await api(`/api/party/members/${m.id}/post`, { method: 'PUT', body: { postCode: code } });
      Toast.show({ icon: 'success', content: t('party.member.postSaved') });
      me.reload();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };

  return (
    <div className="m-page" data-testid="m-party-register">
      <NavBar className="m-navbar" onBack={() => navigate('/m/party')}>
        {t('party.m.reg.title')}
      </NavBar>
      {me.error ? (
        <MError error={me.error} />
      ) : !me.data ? (
        <MLoading />
      ) : !m ? (
        <div className="m-card">{t('party.m.notMember')}</div>
      ) : (
        <>
          <List header={t('party.m.reg.state')} className="m-list">
            <List.Item extra={m.org.name}>{t('party.member.org')}</List.Item>
            <List.Item
              extra={
                m.localOrg ? (
                  <span data-testid="m-party-reg-state">
                    {m.localOrg.name} <Tag color={m.registrationState === 'accepted' ? 'success' : m.registrationState === 'applied' ? 'warning' : 'default'}>{m.registrationStateLabel}</Tag>
                  </span>
                ) : (
                  <span data-testid="m-party-reg-state">{t('party.m.reg.none')}</span>
                )
              }
            >
              {t('party.member.localOrg')}
            </List.Item>
          </List>
          {canApply && (
            <div className="m-card">
              <div className="m-card-title">{t('party.m.reg.choose', { area: targets.data?.area?.name ?? '' })}</div>
              {targets.error ? (
                <MError error={targets.error} />
              ) : !targets.data ? (
                <MLoading />
              ) : targets.data.items.length === 0 ? (
                <div className="m-muted">{t('party.m.reg.noTargets')}</div>
              ) : (
                <>
                  <CheckList value={chosen ? [chosen] : []} onChange={(v) => v[0] && setOrgId(String(v[0]))} data-testid="m-party-reg-targets">
                    {targets.data.items.map((o) => (
                      <CheckList.Item key={o.id} value={o.id} description={o.coversHome ? `${o.kindLabel} · ${t('party.m.reg.home')}` : o.kindLabel} data-testid="m-party-reg-target">
                        {o.name}
                      </CheckList.Item>
                    ))}
                  </CheckList>
                  <Button block color="primary" size="large" loading={saving} disabled={!chosen} onClick={apply} data-testid="m-party-reg-apply" style={{ marginTop: 12 }}>
                    {t('party.m.reg.apply')}
                  </Button>
                </>
              )}
            </div>
          )}
          {me.data.registrations.length > 0 && (
            <List header={t('party.m.reg.history')} className="m-list">
              {me.data.registrations.map((r) => (
                <List.Item key={r.id} description={r.appliedAt.slice(0, 10)} extra={r.stateLabel}>
                  {r.org.name}
                </List.Item>
              ))}
            </List>
          )}
          <div className="m-card">
            <div className="m-card-title">{t('party.m.reg.post')}</div>
            <div className="m-muted" style={{ marginBottom: 8 }}>
              {t('party.m.reg.postHint')}
            </div>
            <CheckList value={m.post ? [m.post.code] : []} onChange={(v) => void choosePost(v[0] ? String(v[0]) : null)} data-testid="m-party-posts">
              {me.data.posts.map((p) => (
                <CheckList.Item key={p.code} value={p.code} description={p.description ?? undefined} data-testid="m-party-post-option">
                  {p.name}
                </CheckList.Item>
              ))}
            </CheckList>
          </div>
        </>
      )}
    </div>
  );
}

// The phone's 议事表决: the open deliberations whose roll names the resident (or their household),
// and voting on their own entry — once, with a confirmation.
import { useState } from 'react';
import { Button, Dialog, NavBar, Tag, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import AuditOutlinedSvg from '@ant-design/icons-svg/es/asn/AuditOutlined';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { castBallot, getDeliberation, listDeliberations, type Choice } from '../../../api/deliberations.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { fmtDate } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MEmpty, MListCard, MListPage, MListState } from '../../list.tsx';
import { MTiles } from '../wishes/common.tsx';
import '../wishes/wishes.css';
import { MMeetingList } from './MMeeting.tsx';

const AuditOutlined = phoneIcon(AuditOutlinedSvg);

const CHOICES: Choice[] = ['yes', 'no', 'abstain'];

/** The home page's tile for accounts that may vote (a registry person). */
export function MDeliberationEntry() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  if (!can('deliberations.vote')) return null;
  return <MTiles title={t('delib.menu.group')} testId="m-delib-entry" tiles={[{ key: 'vote', icon: <AuditOutlined />, title: t('delib.m.tile'), desc: t('delib.state.open'), onClick: () => navigate('/m/deliberations'), tone: 'm-wo-blue' }]} />;
}

export function MDeliberations() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const list = useApi((signal) => listDeliberations({ state: 'open', pageSize: 50 }, signal), []);
  const items = (list.data?.items ?? []).filter((d) => d.onRoll);
  return (
    <MListPage testId="m-deliberations" title={t('delib.m.title')}>
      <MListState res={list} count={items.length} empty={<MEmpty text={t('delib.m.empty')} testId="m-delib-empty" />}>
        <div className="m-wo-list">
          {items.map((d) => (
            <MListCard
              key={d.id}
              onClick={() => navigate(`/m/deliberations/${d.id}`)}
              testId="m-delib-card"
              title={d.title}
              tag={
                <Tag color="primary" fill="outline">
                  {tx(`delib.body.${d.body}`, '')}
                </Tag>
              }
              meta={
                <>
                  <span>{d.areaName}</span>
                  <span>{fmtDate(d.createdAt)}</span>
                </>
              }
            />
          ))}
        </div>
      </MListState>
    </MListPage>
  );
}

export function MDeliberation() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const res = useApi((signal) => getDeliberation(id, signal), [id]);
  const [busy, setBusy] = useState(false);
  const d = res.data;
  const vote = async (rollId: string, choice: Choice) => {
    const label = tx(`delib.choice.${choice}`, '');
    const ok = await Dialog.confirm({ content: t('delib.m.confirm', { choice: label }), confirmText: label, cancelText: t('common.cancel') });
    if (!ok) return;
    setBusy(true);
    try {
      await castBallot(id, rollId, choice);
      Toast.show({ icon: 'success', content: t('delib.m.voted') });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
      res.reload();
    }
  };
  return (
    <div className="m-page" data-testid="m-deliberation">
      <NavBar onBack={() => navigate('/m/deliberations')} className="m-navbar">
        {t('delib.m.title')}
      </NavBar>
      {res.error ? (
        <MError error={res.error} />
      ) : !d ? (
        <MLoading />
      ) : (
        <div className="m-wo-list">
          <div className="m-wo-card">
            <div className="m-wo-card-head">
              <span className="m-wo-card-title">{d.title}</span>
              <Tag color={d.state === 'open' ? 'primary' : 'default'} fill="outline">
                {d.state === 'open' ? t('delib.state.open') : t('delib.state.decided')}
              </Tag>
            </div>
            <div style={{ marginTop: 6, color: '#444', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{d.description}</div>
            <div className="m-wo-card-meta">
              <span>{tx(`delib.body.${d.body}`, '')}</span>
              {d.matter && <span>{tx(`delib.matter.${d.matter}`, '')}</span>}
              <span>{d.areaName}</span>
            </div>
          </div>
          {d.mine.map((m) => (
            <div className="m-wo-card" key={m.id} data-testid="m-delib-mine">
              <div className="m-wo-card-title">{t('delib.m.voteFor', { name: m.name })}</div>
              {m.voted ? (
                <div style={{ marginTop: 8 }} data-testid="m-delib-voted">
                  {t('delib.m.yourVote', { choice: m.choice ? tx(`delib.choice.${m.choice}`, '') : '' })}
                </div>
              ) : d.state === 'open' ? (
                <div style={{ display: 'flex', gap: 8, marginTop: 10 }}>
                  {CHOICES.map((c) => (
                    <Button key={c} block color={c === 'yes' ? 'primary' : c === 'no' ? 'danger' : 'default'} disabled={busy} onClick={() => vote(m.id, c)} data-testid={`m-delib-vote-${c}`}>
                      {tx(`delib.choice.${c}`, '')}
                    </Button>
                  ))}
                </div>
              ) : null}
            </div>
          ))}
          <MMeetingList deliberationId={d.id} />
        </div>
      )}
    </div>
  );
}

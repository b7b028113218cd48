// 我是志愿者: register (team, skills, availability), see the record (hours, services, training) and
// download the free certificate of service (志愿服务记录证明) as a PDF.
import { useState } from 'react';
import { Button, Form, Input, List, NavBar, Selector, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { VOLUNTEER_SKILLS } from '@gongzhi/domain';
import { errorMessage } from '../../../api/client.ts';
import { downloadCertificate, listVolunteerTeams, myVolunteer, registerVolunteer, type VolunteerRecord } from '../../../api/activities.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtDate } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import '../wishes/wishes.css';

export function MVolunteer() {
  const t = useT();
  const navigate = useNavigate();
  const mine = useApi((signal) => myVolunteer(signal), []);
  const teams = useApi((signal) => listVolunteerTeams(signal), []);
  const [saved, setSaved] = useState<VolunteerRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const rec = saved ?? mine.data?.volunteer ?? null;
  const [teamId, setTeamId] = useState<string | null | undefined>(undefined);
  const [skills, setSkills] = useState<string[] | undefined>(undefined);
  const [availability, setAvailability] = useState<string | undefined>(undefined);
  const team = teamId !== undefined ? teamId : (rec?.team?.id ?? null);
  const mySkills = skills ?? rec?.skills ?? [];
  const avail = availability ?? rec?.availability ?? '';
  const save = async () => {
    setBusy(true);
    try {
      setSaved(await registerVolunteer({ teamId: team, skills: mySkills, availability: avail }));
      Toast.show({ icon: 'success', content: t('m.vol.registered') });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const certificate = async () => {
    setBusy(true);
    try {
      const code = await downloadCertificate();
      Toast.show({ icon: 'success', content: t('m.vol.certificateDone', { code }) });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  if (mine.error) return <MError error={mine.error} />;
  if (!mine.data) return <MLoading />;
  return (
    <div className="m-page" data-testid="m-volunteer">
      <NavBar onBack={() => navigate('/m')} className="m-navbar">
        {t('m.vol.title')}
      </NavBar>
      {rec && (
        <div className="m-wo-card" style={{ margin: 12 }} data-testid="m-volunteer-record">
          <div className="m-wo-card-title">{t('m.vol.hours', { hours: rec.hours })}</div>
          <div className="m-wo-card-meta">
            <span>{t('m.vol.counts', { services: rec.services, trainings: rec.trainings })}</span>
            {rec.noShows > 0 && <span>{t('m.vol.noShows', { n: rec.noShows })}</span>}
            {rec.team && <span>{rec.team.name}</span>}
          </div>
          <Button block color="primary" fill="outline" style={{ marginTop: 10 }} loading={busy} onClick={certificate} data-testid="m-volunteer-certificate">
            {t('m.vol.certificate')}
          </Button>
        </div>
      )}
      <Form layout="vertical" className="m-form">
        <Form.Item label={t('vol.team')}>
          <Selector
            columns={1}
            value={[team ?? '']}
            onChange={(v) => setTeamId(v[0] ? v[0] : null)}
            options={[{ label: t('m.vol.noTeam'), value: '' }, ...(teams.data?.items ?? []).map((x) => ({ label: x.name, value: x.id, description: x.description }))]}
          />
        </Form.Item>
        <Form.Item label={t('vol.skills')} help={t('m.vol.skillsHint')}>
          <Selector multiple columns={3} value={mySkills} onChange={(v) => setSkills(v)} options={VOLUNTEER_SKILLS.map((s) => ({ label: s, value: s }))} />
        </Form.Item>
        <Form.Item label={t('vol.availability')}>
          <Input value={avail} onChange={setAvailability} placeholder={t('m.vol.availabilityHint')} maxLength={200} aria-label={t('vol.availability')} />
        </Form.Item>
      </Form>
      <div style={{ padding: 16 }}>
        <Button block color="primary" loading={busy} onClick={save} data-testid="m-volunteer-save">
          {rec ? t('m.vol.update') : t('m.vol.register')}
        </Button>
      </div>
      {rec && rec.trainingRecords.length + rec.commendations.length > 0 && (
        <List header={`${t('vol.trainingRecords')} · ${t('vol.commendations')}`} className="m-list" data-testid="m-volunteer-kept">
          {rec.trainingRecords.map((x, i) => (
            <List.Item key={`t${i}`} description={`${x.on} · ${x.hours} ${t('vol.training.hours')}`} extra={t('vol.trainingRecords')}>
              {x.title}
            </List.Item>
          ))}
          {rec.commendations.map((c, i) => (
            <List.Item key={`c${i}`} description={c.on} extra={t('vol.commendations')}>
              {c.title}
            </List.Item>
          ))}
          {rec.evaluation && <List.Item description={rec.evaluation}>{t('vol.evaluation')}</List.Item>}
        </List>
      )}
      {rec && rec.history.length > 0 && (
        <List header={t('vol.history')} className="m-list">
          {rec.history.map((h) => (
            <List.Item key={h.activityId} description={`${fmtDate(h.startsAt)} · ${h.kindLabel}`} extra={h.outcome === 'present' ? `${Math.round(((h.minutes ?? 0) / 60) * 100) / 100} h` : t('act.att.absent')}>
              {h.title}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

// The phone's 金点子 and 身边的项目: residents post ideas and support their neighbours' (once each);
// they follow their community's projects and, as members of a project's supervision group, sign off.
import { useRef, useState } from 'react';
import { Button, Dialog, Form, Input, NavBar, Popup, ProgressBar, Stepper, Tabs, Tag, TextArea, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import BulbOutlinedSvg from '@ant-design/icons-svg/es/asn/BulbOutlined';
import LikeOutlinedSvg from '@ant-design/icons-svg/es/asn/LikeOutlined';
import ProjectOutlinedSvg from '@ant-design/icons-svg/es/asn/ProjectOutlined';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { addMilestone, createIdea, getProject, listIdeas, listProjects, newKey, signOff, supportIdea, type Idea } from '../../../api/projects.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { fmtDate, fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MTiles } from '../wishes/common.tsx';
import { MPhotoGrid, MPhotoUploader } from '../cases/MPhotos.tsx';
import type { FileRef } from '../../../api/cases.ts';
import '../wishes/wishes.css';

const BulbOutlined = phoneIcon(BulbOutlinedSvg);
const LikeOutlined = phoneIcon(LikeOutlinedSvg);
const ProjectOutlined = phoneIcon(ProjectOutlinedSvg);

/** The home page's tiles: for residents with a registry person, and for area staff. */
export function MProjectsEntry() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  if (!can('ideas.post') && !can('deliberations.read')) return null;
  return (
    <MTiles
      title={t('proj.m.tiles')}
      testId="m-proj-entry"
      tiles={[
        { key: 'ideas', icon: <BulbOutlined />, title: t('proj.m.ideas'), desc: t('proj.m.ideasDesc'), onClick: () => navigate('/m/ideas'), tone: 'm-wo-orange' },
        { key: 'projects', icon: <ProjectOutlined />, title: t('proj.m.projects'), desc: t('proj.m.projectsDesc'), onClick: () => navigate('/m/projects'), tone: 'm-wo-green' },
      ]}
    />
  );
}

export function MIdeas() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useApi((signal) => listIdeas({ pageSize: 50 }, signal), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [posting, setPosting] = useState(false);
  const support = async (i: Idea) => {
    setBusy(i.id);
    try {
      await supportIdea(i.id);
      Toast.show({ icon: 'success', content: t('proj.m.supported') });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(null);
      list.reload();
    }
  };
  return (
    <div className="m-page" data-testid="m-ideas">
      <NavBar onBack={() => navigate('/m')} className="m-navbar">
        {t('proj.m.ideasTitle')}
      </NavBar>
      {list.data && (
        <div className="m-wo-hero">
          <div className="m-wo-hero-title">{t('proj.m.quarter', { quarter: list.data.quarter.replace('-Q', ' 年第 ') + ' 季度' })}</div>
          <div className="m-wo-hero-sub">{t('proj.ideas.desc')}</div>
        </div>
      )}
      {list.error ? (
        <MError error={list.error} />
      ) : !list.data ? (
        <MLoading />
      ) : list.data.items.length === 0 ? (
        <div className="m-wo-empty">{t('proj.m.emptyIdeas')}</div>
      ) : (
        <div className="m-wo-list">
          {list.data.items.map((i) => (
            <div className="m-wo-card" key={i.id} data-testid="m-idea-card" data-id={i.id}>
              <div className="m-wo-card-head">
                <span className="m-wo-card-title" data-testid="m-idea-title">
                  {i.title}
                </span>
                <Tag color={i.state === 'open' ? 'warning' : 'primary'} fill="outline">
                  {tx(`proj.idea.state.${i.state}`, '')}
                </Tag>
              </div>
              <div className="m-wo-card-desc">{i.content}</div>
              <div className="m-wo-card-meta" style={{ alignItems: 'center' }}>
                <span>{i.author}</span>
                <span>{fmtDate(i.createdAt)}</span>
                <span data-testid="m-idea-supports">{t('proj.m.supports', { n: i.supports })}</span>
                {i.allowedActions.includes('support') ? (
                  <Button size="mini" color="primary" fill="outline" loading={busy === i.id} onClick={() => support(i)} data-testid="m-idea-support" style={{ marginLeft: 'auto' }}>
                    <LikeOutlined /> {t('proj.m.support')}
                  </Button>
                ) : i.supportedByMe ? (
                  <span style={{ marginLeft: 'auto', color: '#c41d1d' }} data-testid="m-idea-supported">
                    <LikeOutlined /> {t('proj.m.supported')}
                  </span>
                ) : null}
              </div>
            </div>
          ))}
        </div>
      )}
      {can('ideas.post') && (
        <Button className="m-wo-fab" color="danger" shape="rounded" onClick={() => setPosting(true)} data-testid="m-idea-new">
          <BulbOutlined /> {t('proj.m.newIdea')}
        </Button>
      )}
      <Popup visible={posting} onMaskClick={() => setPosting(false)} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '85vh', overflow: 'auto' }} destroyOnClose>
        <NewIdea
          onDone={() => {
            setPosting(false);
            list.reload();
          }}
        />
      </Popup>
    </div>
  );
}

function NewIdea({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey());
  const submit = async () => {
    if (!title.trim()) return void Toast.show({ content: t('proj.m.err.title') });
    if (!content.trim()) return void Toast.show({ content: t('proj.m.err.content') });
    setBusy(true);
    try {
      await createIdea({ title: title.trim(), content: content.trim() }, key.current);
      Toast.show({ icon: 'success', content: t('proj.m.submitted') });
      onDone();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e), duration: 3000 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" className="m-wo-form" data-testid="m-idea-form">
      <Form.Item label={t('proj.m.ideaTitle')}>
        <Input value={title} onChange={setTitle} maxLength={60} placeholder={t('proj.m.ideaTitlePh')} aria-label={t('proj.m.ideaTitle')} data-testid="m-idea-title-input" />
      </Form.Item>
      <Form.Item label={t('proj.m.ideaContent')}>
        <TextArea value={content} onChange={setContent} maxLength={1000} rows={4} showCount placeholder={t('proj.m.ideaContentPh')} aria-label={t('proj.m.ideaContent')} data-testid="m-idea-content-input" />
      </Form.Item>
      <div className="m-wo-form-actions">
        <Button block color="danger" loading={busy} onClick={submit} data-testid="m-idea-submit">
          {t('proj.m.submit')}
        </Button>
      </div>
    </Form>
  );
}

export function MProjects() {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const resident = can('ideas.post');
  const [tab, setTab] = useState<'supervising' | 'all'>(resident ? 'supervising' : 'all');
  const list = useApi((signal) => listProjects({ relation: tab === 'supervising' ? 'supervising' : undefined, pageSize: 50 }, signal), [tab]);
  return (
    <div className="m-page" data-testid="m-projects">
      <NavBar onBack={() => navigate('/m')} className="m-navbar">
        {t('proj.m.projectsTitle')}
      </NavBar>
      {resident && (
        <Tabs activeKey={tab} onChange={(k) => setTab(k as 'supervising' | 'all')} className="m-wo-tabs">
          <Tabs.Tab title={t('proj.m.supervising')} key="supervising" />
          <Tabs.Tab title={t('proj.m.all')} key="all" />
        </Tabs>
      )}
      {list.error ? (
        <MError error={list.error} />
      ) : !list.data ? (
        <MLoading />
      ) : list.data.items.length === 0 ? (
        <div className="m-wo-empty">{t('proj.m.emptyProjects')}</div>
      ) : (
        <div className="m-wo-list">
          {list.data.items.map((p) => (
            <button key={p.id} type="button" className="m-wo-card" style={{ textAlign: 'left', border: 'none', width: '100%' }} onClick={() => navigate(`/m/projects/${p.id}`)} data-testid="m-project-card">
              <div className="m-wo-card-head">
                <span className="m-wo-card-title">{p.title}</span>
                <Tag color={p.state === 'closed' ? 'success' : p.state === 'claimed' ? 'primary' : 'warning'} fill="outline">
                  {tx(`proj.state.${p.state}`, '')}
                </Tag>
              </div>
              <ProgressBar percent={p.percent} style={{ marginTop: 8, '--fill-color': '#c41d1d' } as React.CSSProperties} />
              <div className="m-wo-card-meta">
                <span>{t('proj.m.progress', { n: p.percent })}</span>
                <span>{p.areaName}</span>
                {p.secretaryProject && <span>{t('proj.tag.secretary')}</span>}
                <span>
                  {t('proj.col.supervisors')} {p.supervisors.signed}/{p.supervisors.total}
                </span>
              </div>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

export function MProject() {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const res = useApi((signal) => getProject(id, signal), [id]);
  const [busy, setBusy] = useState(false);
  const p = res.data;
  const sign = async () => {
    const ok = await Dialog.confirm({ content: t('proj.m.signConfirm'), confirmText: t('proj.m.signOff'), cancelText: t('common.cancel') });
    if (!ok) return;
    setBusy(true);
    try {
      await signOff(id);
      Toast.show({ icon: 'success', content: t('proj.m.signed') });
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
      res.reload();
    }
  };
  return (
    <div className="m-page" data-testid="m-project">
      <NavBar onBack={() => navigate('/m/projects')} className="m-navbar">
        {t('proj.m.projectsTitle')}
      </NavBar>
      {res.error ? (
        <MError error={res.error} />
      ) : !p ? (
        <MLoading />
      ) : (
        <div className="m-wo-list">
          <div className="m-wo-card">
            <div className="m-wo-card-head">
              <span className="m-wo-detail-title">{p.title}</span>
              <Tag color={p.state === 'closed' ? 'success' : 'primary'} fill="outline" data-testid="m-project-state">
                {tx(`proj.state.${p.state}`, '')}
              </Tag>
            </div>
            <ProgressBar percent={p.percent} text style={{ '--fill-color': '#c41d1d' } as React.CSSProperties} />
            <div style={{ marginTop: 8, color: '#444', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{p.content}</div>
            <div className="m-wo-field">
              <span>{t('proj.col.claimedBy')}</span>
              <span>{p.claimedBy ? `${tx(`proj.claim.${p.claimedBy.kind}`, p.claimedBy.kindLabel.zh)}：${p.claimedBy.name}` : '—'}</span>
            </div>
            <div className="m-wo-field">
              <span>{t('proj.detail.budget')}</span>
              <span>
                {t('proj.yuan', { n: fmtNumber(p.budget) })} / {t('proj.yuan', { n: fmtNumber(p.spent) })}
              </span>
            </div>
            {p.offer && (
              <div className="m-wo-field">
                <span>{t('proj.detail.offer')}</span>
                <span>{`${p.offer.title}（${p.offer.unitName}）`}</span>
              </div>
            )}
          </div>
          <div className="m-wo-card">
            <div className="m-wo-card-title">{t('proj.detail.milestones')}</div>
            {p.milestones.length === 0 && <div className="m-wo-card-meta">{t('proj.detail.noMilestones')}</div>}
            {p.milestones.map((m) => (
              <div key={m.id} style={{ marginTop: 8 }} data-testid="m-milestone">
                <div>
                  <strong>{m.title}</strong>（{m.percent}%）
                </div>
                {m.note && <div style={{ color: '#555', fontSize: 14 }}>{m.note}</div>}
                <div className="m-wo-card-meta">
                  <span>{m.by}</span>
                  <span>{fmtTime(m.at)}</span>
                </div>
                <MPhotoGrid files={m.photos} testId="m-milestone-photos" />
              </div>
            ))}
            {p.allowedActions.includes('milestone') && <MMilestoneForm key={p.milestones.length} projectId={p.id} current={p.percent} onDone={res.reload} />}
          </div>
          <div className="m-wo-card" data-testid="m-supervisors">
            <div className="m-wo-card-title">{t('proj.detail.supervisors')}</div>
            {p.supervisorList.map((s) => (
              <div key={s.id} className="m-wo-field" style={{ justifyContent: 'space-between' }}>
                <span style={{ flex: 1 }}>
                  {s.name}
                  {s.mine && t('proj.m.you')}
                </span>
                <span style={{ flex: 'none', color: s.signedAt ? '#237804' : '#6e6e6e' }}>{s.signedAt ? t('proj.detail.signed') : t('proj.detail.notSigned')}</span>
              </div>
            ))}
            {p.allowedActions.includes('sign-off') && (
              <Button block color="danger" style={{ marginTop: 12 }} loading={busy} onClick={sign} data-testid="m-project-sign">
                {t('proj.m.signOff')}
              </Button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

/** 报告进展 on the phone: a title, the new percentage, a note and photos taken on the spot. */
function MMilestoneForm({ projectId, current, onDone }: { projectId: string; current: number; onDone: () => void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [percent, setPercent] = useState(Math.min(100, current + 10));
  const [photos, setPhotos] = useState<FileRef[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!title.trim()) {
      Toast.show({ content: t('proj.detail.msTitle') });
      return;
    }
    setBusy(true);
    try {
      await addMilestone(projectId, { title: title.trim(), note: note.trim() || undefined, percent, photos: photos.length ? photos.map((f) => f.id) : undefined });
      Toast.show({ icon: 'success', content: t('proj.m.milestoneAdded') });
      onDone();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="m-ms-form" data-testid="m-milestone-form" style={{ marginTop: 12, borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
      <div className="m-wo-card-title">{t('proj.detail.addMilestone')}</div>
      <Input placeholder={t('proj.detail.msTitle')} aria-label={t('proj.detail.msTitle')} value={title} onChange={setTitle} maxLength={60} data-testid="m-ms-title" />
      <TextArea placeholder={t('proj.detail.msNote')} aria-label={t('proj.detail.msNote')} value={note} onChange={setNote} maxLength={1000} rows={2} />
      <div className="m-wo-field">
        <span>{t('proj.detail.msPercent')}</span>
        <Stepper min={current} max={100} step={5} value={percent} onChange={(v) => setPercent(v ?? current)} aria-label={t('proj.detail.msPercent')} />
      </div>
      <div className="m-wo-card-meta">{t('proj.detail.msPhotos')}</div>
      <MPhotoUploader value={photos} onChange={setPhotos} onBusy={setUploading} max={9} testId="m-ms-photos" />
      <Button block color="primary" style={{ marginTop: 8 }} loading={busy} disabled={uploading} onClick={submit} data-testid="m-ms-submit">
        {t('proj.detail.addMilestone')}
      </Button>
    </div>
  );
}

// A governance project: progress, budget and spending, the supervision group with each sign-off
// (paper ones recorded here), milestones, the whole timeline; 领办, 报告进展 and 销号 as allowed.
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Image, Input, InputNumber, Popconfirm, Progress, Row, Select, Space, Tag, Timeline } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage, get } from '../../../api/client.ts';
import { addMilestone, claimProject, closeProject, getProject, signOff, type ProjectDetail } from '../../../api/projects.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtDate, fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectTags, StateTag } from './ListPages.tsx';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import type { FileRef } from '../../../api/cases.ts';
import type { ServiceTeams } from '@gongzhi/domain/contract';

export default function ProjectPage() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const res = useApi((signal) => getProject(id, signal), [id]);
  const [busy, setBusy] = useState(false);
  const p = res.data;
  const run = async (fn: () => Promise<ProjectDetail>, ok = t('proj.saved')) => {
    setBusy(true);
    try {
      await fn();
      message.success(ok);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
      res.reload();
    }
  };
  return (
    <div className="gz-page" data-testid="project-page">
      <PageHeader
        title={
          <Space wrap>
            <span>{p?.title ?? t('proj.projects.title')}</span>
            {p && <ProjectTags p={p} />}
          </Space>
        }
        testId="project-title"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/projects')}>
            {t('proj.detail.back')}
          </Button>
        }
      />
      {res.error ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : !p ? null : (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={15}>
            <Card className="gz-card" size="small">
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('proj.col.state')}>
                  <StateTag family="project" state={p.state} testId="project-state" />
                  {p.closedOnTime !== null && <Tag color={p.closedOnTime ? 'green' : 'red'}>{p.closedOnTime ? t('proj.detail.onTime') : t('proj.detail.late')}</Tag>}
                </Descriptions.Item>
                <Descriptions.Item label={t('proj.col.area')}>{p.areaName}</Descriptions.Item>
                <Descriptions.Item label={t('proj.col.claimedBy')}>{p.claimedBy ? `${tx(`proj.claim.${p.claimedBy.kind}`, p.claimedBy.kindLabel.zh)}：${p.claimedBy.name}` : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('proj.col.due')}>{p.dueDate ? fmtDate(p.dueDate) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('proj.detail.need')}>{p.need ? <a onClick={() => navigate(`/needs/${p.need!.id}`)}>{p.need.title}</a> : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('proj.detail.offer')}>{p.offer ? `${p.offer.title}（${p.offer.unitName}）` : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('proj.detail.budget')}>
                  {t('proj.yuan', { n: fmtNumber(p.budget) })} / {t('proj.yuan', { n: fmtNumber(p.spent) })}
                  {p.spentShare !== null && `（${p.spentShare}%）`}
                </Descriptions.Item>
                <Descriptions.Item label={t('proj.col.progress')}>
                  <Progress percent={p.percent} size="small" style={{ width: 200 }} aria-label={t('proj.col.progress')} />
                </Descriptions.Item>
                <Descriptions.Item label={t('proj.col.content')} span={2}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{p.content}</span>
                </Descriptions.Item>
              </Descriptions>
              <Space wrap style={{ marginTop: 8 }}>
                {p.allowedActions.includes('claim-team') && <TeamClaim areaCode={p.areaCode} busy={busy} onClaim={(teamId) => run(() => claimProject(p.id, teamId))} />}
                {p.allowedActions.includes('claim') && (
                  <Button type="primary" disabled={busy} onClick={() => run(() => claimProject(p.id))} data-testid="project-claim">
                    {t('proj.detail.claim')}
                  </Button>
                )}
                {p.allowedActions.includes('close') && (
                  <Popconfirm title={t('proj.detail.closeConfirm')} onConfirm={() => run(() => closeProject(p.id))} okButtonProps={{ 'data-testid': 'project-close-ok' } as Record<string, string>}>
                    <Button danger type="primary" disabled={busy || !p.closeCheck.ok} data-testid="project-close">
                      {t('proj.detail.close')}
                    </Button>
                  </Popconfirm>
                )}
                {p.state === 'claimed' && !p.closeCheck.ok && (
                  <span style={{ color: '#ad4e00' }} data-testid="project-close-reasons">
                    {t('proj.detail.cannotClose', { reasons: p.closeCheck.reasons.join('；') })}
                  </span>
                )}
              </Space>
            </Card>
            <Card className="gz-card" size="small" title={t('proj.detail.milestones')} style={{ marginTop: 12 }}>
              {p.milestones.length === 0 ? (
                <p style={{ color: '#6e6e6e' }}>{t('proj.detail.noMilestones')}</p>
              ) : (
                <Timeline
                  items={p.milestones.map((m) => ({
                    children: (
                      <div data-testid="milestone">
                        <strong>{m.title}</strong>（{m.percent}%{m.spent ? `，${t('proj.yuan', { n: fmtNumber(m.spent) })}` : ''}）
                        <div style={{ color: '#555' }}>{m.note}</div>
                        <div style={{ color: '#6e6e6e', fontSize: 12 }}>
                          {m.by} · {fmtTime(m.at)}
                        </div>
                        {m.photos.length > 0 && (
                          <Image.PreviewGroup>
                            <Space wrap data-testid="milestone-photos">
                              {m.photos.map((f) => (
                                <Image key={f.id} src={f.url} alt={f.name} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} data-testid="milestone-photo" />
                              ))}
                            </Space>
                          </Image.PreviewGroup>
                        )}
                      </div>
                    ),
                  }))}
                />
              )}
              {p.allowedActions.includes('milestone') && <MilestoneForm current={p.percent} busy={busy} onSubmit={(v) => run(() => addMilestone(p.id, v))} />}
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <Card className="gz-card" size="small" title={t('proj.detail.supervisors')}>
              {p.supervisorList.map((s) => (
                <div key={s.id} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '6px 0', borderBottom: '1px solid #f0f0f0', gap: 8 }} data-testid="supervisor">
                  <span style={{ wordBreak: 'break-all' }}>{s.name}</span>
                  {s.signedAt ? (
                    <Tag color="green">{s.signedOnline ? t('proj.detail.signed') : t('proj.detail.signedPaper')}</Tag>
                  ) : p.allowedActions.includes('record-sign-off') ? (
                    <Button size="small" disabled={busy} onClick={() => run(() => signOff(p.id, { supervisorId: s.id }))} data-testid="supervisor-paper">
                      {t('proj.detail.recordPaper')}
                    </Button>
                  ) : (
                    <Tag>{t('proj.detail.notSigned')}</Tag>
                  )}
                </div>
              ))}
            </Card>
            <Card className="gz-card" size="small" title={t('proj.detail.timeline')} style={{ marginTop: 12 }}>
              <Timeline
                items={p.timeline.map((e) => ({
                  children: (
                    <div>
                      <strong>{tx(`proj.action.${e.action}`, e.action)}</strong> · {e.by}
                      {e.points ? <Tag color="red" style={{ marginLeft: 6 }}>{t('proj.detail.points', { n: e.points })}</Tag> : null}
                      {e.note && <div style={{ color: '#555' }}>{e.note}</div>}
                      <div style={{ color: '#6e6e6e', fontSize: 12 }}>{fmtTime(e.at)}</div>
                    </div>
                  ),
                }))}
              />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}

function TeamClaim({ areaCode, busy, onClaim }: { areaCode: string; busy: boolean; onClaim: (teamId: string) => void }) {
  const { t } = useI18n();
  const [team, setTeam] = useState<string>();
  const teams = useApi((signal) => get<ServiceTeams>('/api/service-teams', { area: areaCode.slice(0, 12) }, signal), [areaCode]);
  return (
    <Space>
      <Select
        aria-label={t('proj.detail.team')}
        placeholder={t('proj.detail.team')}
        style={{ width: 200 }}
        value={team}
        onChange={setTeam}
        options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
      />
      <Button disabled={busy || !team} onClick={() => team && onClaim(team)}>
        {t('proj.detail.claimTeam')}
      </Button>
    </Space>
  );
}

function MilestoneForm({ current, busy, onSubmit }: { current: number; busy: boolean; onSubmit: (v: { title: string; note?: string; percent: number; spent?: number; photos?: string[] }) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ title: string; note?: string; percent: number; spent?: number; photos?: FileRef[] }>();
  const [uploading, setUploading] = useState(false);
  // A new upload control after each milestone (the control keeps its own list of files).
  const [round, setRound] = useState(0);
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ percent: Math.min(100, current + 10) }}
      onFinish={(v) => {
        const { photos, ...rest } = v;
        onSubmit({ ...rest, spent: v.spent ?? undefined, note: v.note || undefined, photos: photos?.length ? photos.map((f) => f.id) : undefined });
        form.resetFields(['title', 'note', 'spent', 'photos']);
        setRound((n) => n + 1);
      }}
      style={{ rowGap: 8, marginTop: 8 }}
    >
      <Form.Item name="title" rules={[{ required: true, max: 60, message: t('proj.detail.msTitle') }]}>
        <Input placeholder={t('proj.detail.msTitle')} aria-label={t('proj.detail.msTitle')} maxLength={60} data-testid="ms-title" />
      </Form.Item>
      <Form.Item name="note">
        <Input placeholder={t('proj.detail.msNote')} aria-label={t('proj.detail.msNote')} maxLength={1000} />
      </Form.Item>
      <Form.Item name="percent" label={t('proj.detail.msPercent')} rules={[{ required: true }]}>
        <InputNumber min={current} max={100} precision={0} data-testid="ms-percent" />
      </Form.Item>
      <Form.Item name="spent" label={t('proj.detail.msSpent')}>
        <InputNumber min={0} precision={2} />
      </Form.Item>
      <Form.Item name="photos" label={t('proj.detail.msPhotos')} style={{ width: '100%' }}>
        <PhotoUpload key={round} max={9} onBusy={setUploading} testId="ms-photos" />
      </Form.Item>
      <Button htmlType="submit" type="primary" disabled={busy || uploading} data-testid="ms-submit">
        {t('proj.detail.addMilestone')}
      </Button>
    </Form>
  );
}

// 四张清单 (`001`: 信息、资源、需求、风险): one area's four lists as views of the data the product holds. Each section
// shows how many there are, the first of them, and opens the page where they live.
import { Card, Col, Empty, List, Row, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { getFourList, type FourListKind, type FourListRow, type FourListSection } from '../../../api/projects.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtNumber } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const KINDS: FourListKind[] = ['info', 'resources', 'needs', 'risks'];
const isKind = (v: string | null): v is FourListKind => !!v && (KINDS as string[]).includes(v);

/** Where a section's tag codes are translated; a code without a translation shows nothing rather than itself. */
const TAG_KEY: Record<string, (tag: string) => string> = {
  needsOpen: (s) => `proj.need.state.${s}`,
  needsProject: (s) => `proj.need.state.${s}`,
  needsMet: (s) => `proj.need.state.${s}`,
  lateProjects: (s) => `proj.state.${s}`,
  emergencies: (s) => `emergency.kind.${s}`,
  activityPlaces: (s) => `places.kind.${s}`,
  overdueCases: (s) => `proj.four.tag.${s}`,
  urgentCases: (s) => `proj.four.tag.${s}`,
};
const TAG_COLOR: Record<string, string> = { overdueCases: 'red', urgentCases: 'volcano', lateProjects: 'orange', emergencies: 'red', needsOpen: 'orange', needsProject: 'blue', needsMet: 'green' };
const ALERT = new Set(['overdueCases', 'urgentCases', 'lateProjects', 'emergencies', 'householdsRed', 'householdsOrange', 'overdueBills', 'focusGroups']);

function Counts({ row }: { row: FourListRow }) {
  const { t } = useI18n();
  const c = row.counts;
  if (!c) return null;
  const parts: string[] = [];
  if (c.households !== undefined) parts.push(t('proj.four.count.households', { n: fmtNumber(c.households) }));
  if (c.people !== undefined) parts.push(t('proj.four.count.people', { n: fmtNumber(c.people) }));
  if (c.capacity !== undefined) parts.push(t('proj.four.count.offer', { used: c.used ?? 0, capacity: c.capacity }));
  if (c.members !== undefined) parts.push(t('proj.four.count.members', { n: fmtNumber(c.members) }));
  if (c.balanceFen !== undefined) parts.push(t('proj.four.count.balance', { yuan: (c.balanceFen / 100).toFixed(2) }));
  return <Typography.Text type="secondary">{parts.join(' · ')}</Typography.Text>;
}

function SectionCard({ s }: { s: FourListSection }) {
  const { t, tx } = useI18n();
  const navigate = useNavigate();
  const label = tx(`proj.four.sec.${s.key}`, '');
  const tagOf = (r: FourListRow) => (r.tag && TAG_KEY[s.key] ? tx(TAG_KEY[s.key]!(r.tag), '') : '');
  return (
    <Card
      className="gz-card"
      size="small"
      data-testid={`four-section-${s.key}`}
      title={
        <Space>
          <span>{label}</span>
          <Typography.Text strong type={ALERT.has(s.key) && s.count > 0 ? 'danger' : undefined} data-testid={`four-count-${s.key}`}>
            {fmtNumber(s.count)}
          </Typography.Text>
        </Space>
      }
      extra={s.link && s.count > 0 ? <Link to={s.link}>{t('proj.four.all')}</Link> : null}
    >
      {s.rows.length > 0 ? (
        <>
          {/* A long list scrolls in its card: focusable, so the keyboard scrolls it too (WCAG 2.1.1). */}
          <div role="region" aria-label={label} tabIndex={0} style={{ maxHeight: 320, overflowY: 'auto' }}>
            <List<FourListRow>
              size="small"
              dataSource={s.rows}
              renderItem={(r) => {
                const tag = tagOf(r);
                return (
                  <List.Item style={r.link ? { cursor: 'pointer' } : undefined} onClick={(e) => r.link && !(e.target as HTMLElement).closest('a') && navigate(r.link)} data-testid="four-row">
                    <List.Item.Meta
                      title={
                        <Space size={6} wrap>
                          {r.link ? <Link to={r.link}>{r.title}</Link> : <span>{r.title}</span>}
                          {tag && <Tag color={TAG_COLOR[s.key] ?? 'default'}>{tag}</Tag>}
                        </Space>
                      }
                      description={
                        <Space size={8} wrap>
                          {r.sub && r.sub !== r.title && <span>{r.sub}</span>}
                          {r.areaName && r.areaName !== r.title && <span>{r.areaName}</span>}
                          <Counts row={r} />
                        </Space>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          </div>
          {s.count > s.rows.length && <Typography.Text type="secondary">{t('proj.four.more', { shown: s.rows.length, n: fmtNumber(s.count) })}</Typography.Text>}
        </>
      ) : s.count === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('proj.four.empty')} />
      ) : null}
    </Card>
  );
}

export default function FourListsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const kind: FourListKind = isKind(params.get('kind')) ? (params.get('kind') as FourListKind) : 'info';
  const area = params.get('area') ?? undefined;
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const list = useApi((signal) => getFourList({ kind, area }, signal), [kind, area]);
  const d = list.data;
  // Count-only sections (figures) first in a row of small cards; sections with entries below, two a row.
  const figures = d?.sections.filter((s) => s.rows.length === 0 && s.count > 0) ?? [];
  const lists = d?.sections.filter((s) => s.rows.length > 0 || s.count === 0) ?? [];
  return (
    <div className="gz-page" data-testid="four-lists-page">
      <PageHeader title={t('proj.four.title')} description={t('proj.four.desc')} testId="four-lists-title" />
      <Card className="gz-card" size="small">
        <Space wrap style={{ marginBottom: 8 }}>
          <AreaTreeSelect value={area} onChange={(v) => set('area', v)} placeholder={me?.scope.name ?? t('proj.four.area')} style={{ width: 240 }} testId="four-filter-area" />
        </Space>
        <Tabs activeKey={kind} onChange={(k) => set('kind', k)} items={KINDS.map((k) => ({ key: k, label: <span data-testid={`four-tab-${k}`}>{t(`proj.four.kind.${k}`)}</span> }))} />
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <div data-testid="four-list" data-kind={d?.kind} aria-busy={list.loading}>
            {figures.length > 0 && (
              <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
                {figures.map((s) => (
                  <Col key={s.key} xs={12} md={8} xl={4}>
                    <Card size="small" className="gz-card" data-testid={`four-section-${s.key}`} hoverable={!!s.link}>
                      <FigureBody s={s} />
                    </Card>
                  </Col>
                ))}
              </Row>
            )}
            <Row gutter={[12, 12]}>
              {lists.map((s) => (
                <Col key={s.key} xs={24} xl={12}>
                  <SectionCard s={s} />
                </Col>
              ))}
            </Row>
          </div>
        )}
      </Card>
    </div>
  );
}

function FigureBody({ s }: { s: FourListSection }) {
  const { tx } = useI18n();
  const navigate = useNavigate();
  return (
    <a onClick={() => s.link && navigate(s.link)} style={{ display: 'block', color: 'inherit' }}>
      <Typography.Text type="secondary">{tx(`proj.four.sec.${s.key}`, '')}</Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600, color: ALERT.has(s.key) ? '#cf1322' : undefined }} data-testid={`four-count-${s.key}`}>
        {fmtNumber(s.count)}
      </div>
    </a>
  );
}

// 人员一页通: one person with their household and its history, the areas they live in, party membership,
// points accounts, the cases they reported and the visits to their household — from one call
// (`GET /api/people/{id}/profile`), each part within the caller's scope.
import { useState } from 'react';
import { Breadcrumb, Button, Card, Col, Descriptions, Empty, List, Row, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { get } from '../../../api/client.ts';
import type { PersonProfile } from '@gongzhi/domain/contract';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { fmtDate, fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useLabels } from '../../../lib/labels.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { HouseholdHistory } from '../../components/HouseholdHistory.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PersonFormModal } from '../../components/PersonForm.tsx';
import { PartyTag, PersonTags } from '../../components/PersonTags.tsx';
import { RiskTag } from '../../components/RiskTag.tsx';
import { SensitiveNumber } from '../../components/SensitiveNumber.tsx';

const STATUS_COLOUR: Record<string, string> = { active: 'green', 'moved-out': 'blue', deceased: 'default' };

export default function PersonPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { tx } = useI18n();
  const labels = useLabels();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const res = useApi((signal) => get<PersonProfile>(`/api/people/${id}/profile`, undefined, signal), [id]);
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  const d = res.data?.person.id === id ? res.data : undefined;
  if (!d) return <Card loading />;
  const p = d.person;
  const status = (p as { status?: string }).status ?? 'active';
  const canReveal = p.allowedActions.includes('reveal');
  const canEdit = p.allowedActions.includes('edit') && can('people.write');

  return (
    <div className="gz-page" data-testid="person-page">
      <Breadcrumb items={[{ title: <Link to="/people">{t('menu.people')}</Link> }, { title: p.name }]} />
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="person-page-name">{p.name}</span>
            <Tag color={STATUS_COLOUR[status] ?? 'default'}>{tx(`personPage.status.${status}`, '—')}</Tag>
            {p.partyMember && <PartyTag partyMember />}
          </Space>
        }
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/people')}>
              {t('personPage.back')}
            </Button>
            {canEdit && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('person.basic')} size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'gender', label: t('person.gender'), children: labels.gender(p.gender) },
                { key: 'birth', label: t('person.birthDate'), children: fmtDate(p.birthDate) },
                { key: 'age', label: t('person.age'), children: p.age === null ? '—' : t('person.ageValue', { n: p.age }) },
                { key: 'ethnicity', label: t('person.ethnicity'), children: p.ethnicity ?? '—' },
                { key: 'id', label: t('person.idNumber'), children: <SensitiveNumber personId={p.id} field="idNumber" masked={p.idNumber} canReveal={canReveal} /> },
                { key: 'phone', label: t('person.phone'), children: <SensitiveNumber personId={p.id} field="phone" masked={p.phone} canReveal={canReveal} /> },
                { key: 'relation', label: t('person.relation'), children: labels.relation(p.relation) },
                { key: 'residence', label: t('person.residenceType'), children: labels.residence(p.residenceType) },
                { key: 'tags', label: t('person.tags'), span: 2, children: <PersonTags tags={p.tags} /> },
                { key: 'note', label: t('person.note'), span: 2, children: p.note || '—' },
                { key: 'updated', label: t('person.updatedAt'), children: fmtTime(p.updatedAt) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('personPage.areas')} size="small" data-testid="person-page-areas">
            <Descriptions
              size="small"
              column={1}
              items={[
                ...d.areas.map((a) => ({ key: a.code, label: labels.level(a.level), children: a.name })),
                { key: 'address', label: t('person.address'), children: d.household?.address ?? p.address ?? '—' },
              ]}
            />
          </Card>
          <Card title={t('personPage.party')} size="small" style={{ marginTop: 16 }} data-testid="person-page-party">
            {d.party ? (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'org', label: t('personPage.partyOrg'), children: d.party.orgName },
                  { key: 'kind', label: t('person.partyMember'), children: tx(`party.kind.${d.party.kind}`, '—') },
                  { key: 'local', label: t('personPage.localOrg'), children: d.party.localOrgName ?? '—' },
                  { key: 'post', label: t('personPage.post'), children: d.party.postName ?? '—' },
                  { key: 'joined', label: t('personPage.joinedOn'), children: fmtDate(d.party.joinedOn) },
                  {
                    key: 'flags',
                    label: t('personPage.backbone'),
                    children: (
                      <Space wrap>
                        {d.party.backbone ? <Tag color="red">{t('personPage.backbone')}</Tag> : t('personPage.no')}
                        {d.party.centralHousehold && <Tag color="volcano">{t('personPage.centralHousehold')}</Tag>}
                      </Space>
                    ),
                  },
                ]}
              />
            ) : (
              <span className="gz-muted">{t('personPage.notParty')}</span>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            title={
              <Space>
                {t('personPage.household')}
                {d.household && <RiskTag colour={d.household.riskColour} />}
              </Space>
            }
            size="small"
            data-testid="person-page-household"
          >
            {d.household ? (
              <>
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={d.household.members}
                  columns={[
                    {
                      title: t('person.name'),
                      dataIndex: 'name',
                      key: 'name',
                      render: (n: string, m) => (m.id === p.id ? <span>{n} <Tag>{t('person.current')}</Tag></span> : <Link to={`/people/${m.id}`}>{n}</Link>),
                    },
                    { title: t('person.relation'), dataIndex: 'relation', key: 'relation', render: (r: string) => labels.relation(r) },
                    { title: t('person.gender'), dataIndex: 'gender', key: 'gender', render: (g: string) => labels.gender(g) },
                    { title: t('person.age'), dataIndex: 'age', key: 'age', align: 'right', render: (a: number | null) => a ?? '—' },
                  ]}
                />
                <h4 className="gz-section-title">{t('personPage.history')}</h4>
                <HouseholdHistory
                  household={{ id: d.household.id, areaCode: p.areaCode, address: d.household.address, doorplate: d.household.doorplate, riskColour: d.household.riskColour, members: [], history: d.household.history, allowedActions: [] }}
                  onChanged={res.reload}
                />
              </>
            ) : (
              <span className="gz-muted">{t('person.noHousehold')}</span>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('personPage.points')} size="small" data-testid="person-page-points">
            {d.points.length ? (
              <List
                size="small"
                dataSource={d.points}
                renderItem={(a) => (
                  <List.Item extra={<strong>{fmtNumber(a.balance)}</strong>}>
                    <Space wrap>
                      {tx(`points.scheme.${a.scheme}`, '—')}
                      <Tag>{tx(`personPage.accountKind.${a.kind}`, '—')}</Tag>
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <span className="gz-muted">{t('personPage.noPoints')}</span>
            )}
          </Card>
          {d.posts.length > 0 && (
            <Card title={t('personPage.posts')} size="small" style={{ marginTop: 16 }}>
              <List
                size="small"
                dataSource={d.posts}
                renderItem={(a) => (
                  <List.Item>
                    {tx(`staff.post.${a.post}`, '—')} · {fmtDate(a.startedOn)}
                    {a.endedOn ? ` – ${fmtDate(a.endedOn)}` : ''}
                  </List.Item>
                )}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('personPage.cases')} size="small" extra={t('personPage.casesTotal', { n: d.cases.total })} data-testid="person-page-cases">
            {d.cases.items.length ? (
              <List
                size="small"
                dataSource={d.cases.items}
                renderItem={(c) => (
                  <List.Item extra={<Tag>{tx(`case.state.${c.state}`, '—')}</Tag>}>
                    <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                      <Link to={`/cases/${c.id}`}>
                        <Typography.Text ellipsis style={{ maxWidth: 480 }}>
                          {c.title}
                        </Typography.Text>
                      </Link>
                      <span className="gz-muted">
                        {c.code} · {fmtTime(c.createdAt)}
                      </span>
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('personPage.noCases')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('personPage.visits')} size="small" data-testid="person-page-visits">
            {d.visits.length ? (
              <List
                size="small"
                dataSource={d.visits}
                renderItem={(v) => (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <span>
                        {fmtDate(v.visitedOn)} · {t('personPage.visitor')}：{v.visitorName}
                      </span>
                      <Space wrap size={4}>
                        {v.duties.map((x) => (
                          <Tag key={x}>{tx(`party.duty.${x}`, '—')}</Tag>
                        ))}
                      </Space>
                      {v.notes && <span className="gz-muted">{v.notes}</span>}
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('personPage.noVisits')} />
            )}
          </Card>
        </Col>
      </Row>
      <PersonFormModal
        open={editing}
        person={p}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          res.reload();
        }}
      />
    </div>
  );
}

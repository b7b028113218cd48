// 党组织与党员: the organisation tree (five-level chain, 1+2+N+X) linked to areas; the selected
// organisation's summary, its 双报到 applications to accept or reject, and its members with their
// vanguard stars, posts (设岗定责), transfers and post reports — each button as allowedActions say.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Drawer, Empty, Form, Input, Modal, Progress, Select, Space, Table, Tag, Timeline, Tree, TreeSelect } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DataNode } from 'antd/es/tree';
import { api, errorMessage, get, post } from '../../../api/client.ts';
import type { PartyMember, PartyMemberDetail, PartyMemberList, PartyOrgDetail, PartyOrgNode, PartyOrgTree, PartyPostList } from '@gongzhi/domain/contract';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StarsCell } from './common.tsx';
import { OrgActions } from './OrgEditor.tsx';

export default function OrgsPage() {
  const t = useT();
  const { message } = App.useApp();
  const tree = useApi((signal) => get<PartyOrgTree>('/api/party/orgs', undefined, signal), []);
  const [picked, setPicked] = useState<string | null>(null);
  const orgId = picked ?? tree.data?.items[0]?.id ?? null;
  const org = useApi(orgId ? (signal) => get<PartyOrgDetail>(`/api/party/orgs/${orgId}`, undefined, signal) : null, [orgId]);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const members = useApi(orgId ? (signal) => get<PartyMemberList>('/api/party/members', { org: orgId, q: q || undefined, page, pageSize: 20 }, signal) : null, [orgId, q, page]);
  const posts = useApi((signal) => get<PartyPostList>('/api/party/posts', { area: org.data?.area.code.slice(0, 12) }, signal), [org.data?.area.code]);
  const [detail, setDetail] = useState<string | null>(null);
  const [transfer, setTransfer] = useState<PartyMember | null>(null);
  const [report, setReport] = useState<PartyMember | null>(null);

  const toNode = (n: PartyOrgNode): DataNode => ({
    key: n.id,
    title: (
      <span data-testid="party-org-node" data-kind={n.kind}>
        {n.name}
        <span className="gz-party-tree-count">{n.totalMembers + n.registered > 0 ? `${n.totalMembers}${n.registered ? `+${n.registered}` : ''}` : ''}</span>
      </span>
    ),
    children: n.children.map(toNode),
  });

  const review = async (id: string, decision: 'accept' | 'reject') => {
    try {
      await post(`/api/party/registrations/${id}/${decision}`, {});
      message.success(decision === 'accept' ? t('party.reg.accepted') : t('party.reg.rejected'));
      org.reload();
      members.reload();
      tree.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const setPost = async (m: PartyMember, postCode: string | null) => {
    try {
      await api(`/api/party/members/${m.id}/post`, { method: 'PUT', body: { postCode } });
      message.success(t('party.member.postSaved'));
      members.reload();
      org.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ColumnsType<PartyMember> = [
    {
      title: t('party.member.name'),
      key: 'name',
      width: 150,
      render: (_, m) => (
        <Space size={4}>
          <a onClick={() => setDetail(m.id)} data-testid="party-member-name">
            {m.person.name}
          </a>
          {m.backbone && <Tag color="red">{t('party.member.backbone')}</Tag>}
          {m.centralHousehold && <Tag color="gold">{t('party.member.central')}</Tag>}
        </Space>
      ),
    },
    { title: t('party.member.kind'), dataIndex: 'kindLabel', key: 'kind', width: 130 },
    {
      title: t('party.member.org'),
      key: 'org',
      render: (_, m) => (
        <div>
          <div>{m.org.name}</div>
          {m.localOrg && (
            <div className="gz-party-sub">
              {t('party.member.registeredAt', { org: m.localOrg.name })}（{m.registrationStateLabel}）
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('party.member.post'),
      key: 'post',
      width: 160,
      render: (_, m) =>
        m.allowedActions.includes('set-post') ? (
          <Select
            size="small"
            style={{ width: 144 }}
            allowClear
            aria-label={t('party.member.noPost')} placeholder={t('party.member.noPost')}
            value={m.post?.code}
            onChange={(v) => setPost(m, v ?? null)}
            options={(posts.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
            data-testid="party-member-post"
          />
        ) : (
          (m.post?.name ?? <span className="gz-muted">{t('party.member.noPost')}</span>)
        ),
    },
    { title: t('party.vanguard.stars'), key: 'stars', width: 130, render: (_, m) => <StarsCell v={m.vanguard} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, m) => (
        <Space size={0}>
          {m.allowedActions.includes('transfer') && (
            <Button type="link" size="small" onClick={() => setTransfer(m)} data-testid="party-member-transfer">
              {t('party.transfer.action')}
            </Button>
          )}
          {m.allowedActions.includes('report-post') && (
            <Button type="link" size="small" danger onClick={() => setReport(m)} data-testid="party-member-report">
              {t('party.report.action')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  if (tree.error) return <LoadError error={tree.error} onRetry={tree.reload} />;
  const o = org.data;
  return (
    <div className="gz-page" data-testid="party-orgs-page">
      <PageHeader title={t('party.menu.orgs')} testId="party-orgs-title" description={t('party.orgs.desc')} />
      <div className="gz-party-layout">
        <Card size="small" title={t('party.orgs.tree')} className="gz-party-tree" loading={!tree.data}>
          {tree.data && (
            <Tree
              treeData={tree.data.items.map(toNode)}
              defaultExpandedKeys={tree.data.items.map((n) => n.id)}
              selectedKeys={orgId ? [orgId] : []}
              onSelect={(keys) => {
                if (keys[0]) {
                  setPicked(String(keys[0]));
                  setPage(1);
                }
              }}
              blockNode
            />
          )}
        </Card>
        <div className="gz-party-stack">
          {org.error ? (
            <LoadError error={org.error} />
          ) : (
            <Card
              size="small"
              loading={!o}
              title={o ? `${o.name}` : ''}
              extra={
                o && (
                  <Space size={8}>
                    <Tag>{o.kindLabel}</Tag>
                    <OrgActions
                      org={o}
                      tree={tree.data?.items ?? []}
                      onChanged={(id) => {
                        setPicked(id);
                        tree.reload();
                        org.reload();
                      }}
                      onRemoved={() => {
                        setPicked(o.parent?.id ?? null);
                        tree.reload();
                      }}
                    />
                  </Space>
                )
              }
              data-testid="party-org-detail"
            >
              {o && (
                <Descriptions size="small" column={4}>
                  <Descriptions.Item label={t('party.orgs.area')}>{o.area.name}</Descriptions.Item>
                  <Descriptions.Item label={t('party.orgs.secretary')}>{o.secretaryName ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('party.orgs.total')}>{o.membersSummary.total}</Descriptions.Item>
                  <Descriptions.Item label={t('party.orgs.backbone')}>{o.membersSummary.backbone}</Descriptions.Item>
                  <Descriptions.Item label={t('party.kind.direct')}>{o.membersSummary.direct}</Descriptions.Item>
                  <Descriptions.Item label={t('party.kind.inService')}>{o.membersSummary.inService}</Descriptions.Item>
                  <Descriptions.Item label={t('party.kind.mobile')}>{o.membersSummary.mobile}</Descriptions.Item>
                  <Descriptions.Item label={t('party.orgs.registeredHere')}>{o.membersSummary.registeredFromElsewhere}</Descriptions.Item>
                  <Descriptions.Item label={t('party.orgs.posts')} span={4}>
                    <Space wrap size={4}>
                      {o.membersSummary.byPost.map((p) => (
                        <Tag key={p.code}>
                          {p.name} {p.count}
                        </Tag>
                      ))}
                    </Space>
                  </Descriptions.Item>
                </Descriptions>
              )}
            </Card>
          )}
          {o && (o.pendingRegistrations.length > 0 || o.allowedActions.includes('accept-registration')) && (
            <Card size="small" title={t('party.reg.title', { n: o.pendingRegistrations.length })} data-testid="party-registrations">
              {o.pendingRegistrations.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('party.reg.none')} />
              ) : (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={o.pendingRegistrations}
                  columns={[
                    { title: t('party.member.name'), key: 'n', render: (_, r) => <span data-testid="party-registration-name">{r.member.name}</span> },
                    { title: t('party.member.kind'), key: 'k', render: (_, r) => r.member.kindLabel },
                    { title: t('party.reg.homeOrg'), key: 'h', render: (_, r) => r.homeOrg.name },
                    { title: t('party.reg.target'), key: 'o', render: (_, r) => r.org.name },
                    { title: t('party.reg.appliedAt'), key: 'a', render: (_, r) => fmtTime(r.appliedAt) },
                    {
                      title: t('common.actions'),
                      key: 'x',
                      render: (_, r) =>
                        o.allowedActions.includes('accept-registration') && (
                          <Space size={0}>
                            <Button type="link" size="small" onClick={() => review(r.id, 'accept')} data-testid="party-registration-accept">
                              {t('party.reg.accept')}
                            </Button>
                            <Button type="link" size="small" danger onClick={() => review(r.id, 'reject')} data-testid="party-registration-reject">
                              {t('party.reg.reject')}
                            </Button>
                          </Space>
                        ),
                    },
                  ]}
                />
              )}
            </Card>
          )}
          <Card size="small" title={t('party.orgs.members')} extra={<Input.Search allowClear size="small" aria-label={t('party.orgs.searchName')} placeholder={t('party.orgs.searchName')} onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 200 }} />}>
            {members.error ? (
              <LoadError error={members.error} />
            ) : (
              <Table
                size="small"
                rowKey="id"
                loading={members.loading}
                dataSource={members.data?.items ?? []}
                columns={columns}
                data-testid="party-members-table"
                pagination={{ current: page, pageSize: 20, total: members.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
              />
            )}
          </Card>
        </div>
      </div>
      <MemberDrawer id={detail} onClose={() => setDetail(null)} />
      <TransferModal member={transfer} orgs={tree.data?.items ?? []} onClose={() => setTransfer(null)} onDone={() => { setTransfer(null); members.reload(); tree.reload(); org.reload(); }} />
      <ReportModal member={report} onClose={() => setReport(null)} onDone={() => setReport(null)} />
    </div>
  );
}

function MemberDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const d = useApi(id ? (signal) => get<PartyMemberDetail>(`/api/party/members/${id}`, undefined, signal) : null, [id]);
  const m = d.data;
  return (
    <Drawer open={!!id} onClose={onClose} width={520} title={m?.person.name ?? ''} destroyOnHidden>
      {d.error ? (
        <LoadError error={d.error} />
      ) : !m ? null : (
        <div data-testid="party-member-drawer">
          <Descriptions size="small" column={2} bordered styles={{ label: { whiteSpace: "nowrap" } }}>
            <Descriptions.Item label={t('party.member.kind')}>{m.kindLabel}</Descriptions.Item>
            <Descriptions.Item label={t('party.member.joinedOn')}>{m.joinedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('party.member.org')} span={2}>{m.org.name}</Descriptions.Item>
            {m.localOrg && <Descriptions.Item label={t('party.member.localOrg')} span={2}>{`${m.localOrg.name}（${m.registrationStateLabel ?? ''}）`}</Descriptions.Item>}
            <Descriptions.Item label={t('party.member.post')}>{m.post?.name ?? t('party.member.noPost')}</Descriptions.Item>
            <Descriptions.Item label={t('party.member.linked')}>{m.linkedHouseholds}</Descriptions.Item>
            <Descriptions.Item label={t('party.member.phone')}>{m.person.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('party.member.idNumber')}>{m.person.idNumber ?? '—'}</Descriptions.Item>
          </Descriptions>
          <h4 className="gz-party-h">
            {t('party.vanguard.index')} <StarsCell v={m.vanguard} />
          </h4>
          {m.vanguardDetail.parts.map((p) => (
            <div key={p.code} className="gz-party-part">
              <span>{t(`party.vanguard.part.${p.code}` as 'party.vanguard.part.post')}</span>
              <Progress percent={(p.score / p.max) * 100} format={() => `${p.score}/${p.max}`} size="small" strokeColor="#b7181e" aria-label={`${p.score}/${p.max}`} />
            </div>
          ))}
          <h4 className="gz-party-h">{t('party.transfer.history')}</h4>
          {m.transfers.length === 0 ? (
            <div className="gz-muted">{t('party.none')}</div>
          ) : (
            <Timeline items={m.transfers.map((x) => ({ children: `${fmtTime(x.at)} ${x.from.name} → ${x.to.name}：${x.reason}（${x.by}）` }))} />
          )}
          <h4 className="gz-party-h">{t('party.report.history')}</h4>
          {m.postReports.length === 0 ? (
            <div className="gz-muted">{t('party.none')}</div>
          ) : (
            <Timeline items={m.postReports.map((x) => ({ color: 'red', children: `${fmtTime(x.at)} ${x.post?.name ?? ''} → ${x.org.name}：${x.reason}（${x.by}）` }))} />
          )}
        </div>
      )}
    </Drawer>
  );
}

function TransferModal({ member, orgs, onClose, onDone }: { member: PartyMember | null; orgs: PartyOrgNode[]; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ toOrgId: string; reason: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await post(`/api/party/members/${member!.id}/transfer`, v);
      message.success(t('party.transfer.done'));
      form.resetFields();
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  interface Opt {
    value: string;
    title: string;
    disabled: boolean;
    children: Opt[];
  }
  const toTree = (list: PartyOrgNode[]): Opt[] => list.map((o) => ({ value: o.id, title: o.name, disabled: o.kind === 'building-group' || o.id === member?.org.id, children: toTree(o.children) }));
  return (
    <Modal open={!!member} title={t('party.transfer.title', { name: member?.person.name ?? '' })} onCancel={onClose} onOk={submit} confirmLoading={saving} okText={t('party.transfer.action')} destroyOnHidden>
      <p className="gz-muted">{t('party.transfer.from', { org: member?.org.name ?? '' })}</p>
      <Form form={form} layout="vertical">
        <Form.Item name="toOrgId" label={t('party.transfer.to')} rules={[{ required: true, message: t('party.transfer.pickOrg') }]}>
          <TreeSelect treeData={toTree(orgs)} showSearch treeNodeFilterProp="title" data-testid="party-transfer-org" />
        </Form.Item>
        <Form.Item name="reason" label={t('party.transfer.reason')} rules={[{ required: true, message: t('party.transfer.needReason') }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReportModal({ member, onClose, onDone }: { member: PartyMember | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    setSaving(true);
    try {
      await post(`/api/party/members/${member!.id}/post-reports`, { reason });
      message.success(t('party.report.done', { org: member!.org.name }));
      setReason('');
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={!!member} title={t('party.report.title', { name: member?.person.name ?? '' })} onCancel={onClose} onOk={submit} confirmLoading={saving} okButtonProps={{ disabled: !reason.trim() }} destroyOnHidden>
      <p className="gz-muted">{t('party.report.explain', { post: member?.post?.name ?? '', org: member?.org.name ?? '' })}</p>
      <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('party.report.placeholder')} />
    </Modal>
  );
}

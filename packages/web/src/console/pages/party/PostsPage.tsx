// 设岗定责 and 支部设置: the five fixed posts of 003 plus the village's own, adding a custom post, and
// the branch formation check (支部建在小区上) listing the compounds that break the rule.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { errorMessage, get, post } from '../../../api/client.ts';
import type { FormationCheck, FormationCompound, PartyOrgDetail, PartyPostList } from '@gongzhi/domain/contract';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

export default function PostsPage() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const { message } = App.useApp();
  const village = me.scope.code.length >= 12 ? me.scope.code.slice(0, 12) : null;
  const posts = useApi((signal) => get<PartyPostList>('/api/party/posts', { area: village ?? undefined }, signal), [village]);
  const check = useApi(village ? (signal) => get<FormationCheck>('/api/party/formation-check', { area: me.scope.code.length >= 12 ? me.scope.code : village }, signal) : null, [village, me.scope.code]);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ name: string; description?: string }>();

  const add = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await post('/api/party/posts', { area: village, ...v });
      message.success(t('party.posts.added'));
      form.resetFields();
      setAdding(false);
      posts.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const [forming, setForming] = useState<string | null>(null);
  const nameOf = new Map((check.data?.compounds ?? []).map((c) => [c.code, c.name]));
  const form_ = async (compounds: string[]) => {
    setForming(compounds.join());
    try {
      const org = await post<PartyOrgDetail>('/api/party/formation-check/branches', { area: check.data!.area.code, compounds });
      message.success(t('party.formation.formed', { name: org.name }));
      check.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setForming(null);
    }
  };

  return (
    <div className="gz-page" data-testid="party-posts-page">
      <PageHeader
        title={t('party.menu.posts')}
        description={t('party.posts.desc')}
        extra={
          village &&
          can('party.manage') && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="party-post-add">
              {t('party.posts.add')}
            </Button>
          )
        }
      />
      <div className="gz-party-stack">
        <Card size="small" title={t('party.posts.title')}>
          {posts.error ? (
            <LoadError error={posts.error} />
          ) : (
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              loading={posts.loading}
              dataSource={posts.data?.items ?? []}
              columns={[
                { title: t('party.posts.name'), dataIndex: 'name', key: 'n', width: 180 },
                { title: t('party.posts.description'), dataIndex: 'description', key: 'd' },
                { title: '', key: 'c', width: 100, render: (_, p) => (p.custom ? <Tag color="blue">{t('party.posts.custom')}</Tag> : <Tag color="red">{t('party.posts.fixed')}</Tag>) },
              ]}
            />
          )}
        </Card>
        {village && (
          <Card size="small" title={t('party.formation.title')} data-testid="party-formation">
            {check.error ? (
              <LoadError error={check.error} />
            ) : (
              <>
                {check.data && (
                  <Alert
                    showIcon
                    type={check.data.violations.length ? 'warning' : 'success'}
                    message={check.data.rule}
                    description={t('party.formation.summary', { total: check.data.total, bad: check.data.violations.length })}
                    className="gz-party-alert"
                  />
                )}
                <Table
                  size="small"
                  rowKey="code"
                  loading={check.loading}
                  dataSource={check.data?.violations ?? []}
                  pagination={{ pageSize: 10, showSizeChanger: false }}
                  columns={[
                    { title: t('party.formation.compound'), dataIndex: 'name', key: 'n', width: 160 },
                    { title: t('party.formation.members'), dataIndex: 'members', key: 'm', width: 80 },
                    { title: t('party.formation.property'), key: 'p', width: 80, render: (_, c) => (c.hasProperty ? '✓' : '—') },
                    { title: t('party.formation.fenced'), key: 'f', width: 80, render: (_, c) => (c.fenced ? '✓' : '—') },
                    { title: t('party.formation.problem'), key: 'x', render: (_, c) => <span className="gz-party-bad">{c.problem?.message}</span> },
                    ...(can('party.manage')
                      ? [
                          {
                            title: t('common.actions'),
                            key: 'a',
                            width: 150,
                            render: (_: unknown, c: FormationCompound) =>
                              c.problem?.code === 'missing_own_branch' ? (
                                <Button size="small" type="link" loading={forming === c.code} onClick={() => form_([c.code])} data-testid="party-formation-own">
                                  {t('party.formation.actOwn')}
                                </Button>
                              ) : null,
                          },
                        ]
                      : []),
                  ]}
                />
                {check.data && can('party.manage') && check.data.proposal.joint.length > 0 && (
                  <div className="gz-party-proposal" data-testid="party-formation-proposal">
                    <h4>{t('party.formation.proposal')}</h4>
                    {check.data.proposal.joint.map((g) => (
                      <div key={g.join()} className="gz-party-proposal-row">
                        <span>{t('party.formation.jointGroup', { names: g.map((code) => nameOf.get(code) ?? code).join('、') })}</span>
                        <Button size="small" loading={forming === g.join()} onClick={() => form_(g)} data-testid="party-formation-joint">
                          {t('party.formation.actJoint')}
                        </Button>
                      </div>
                    ))}
                  </div>
                )}
              </>
            )}
          </Card>
        )}
      </div>
      <Modal open={adding} title={t('party.posts.add')} onCancel={() => setAdding(false)} onOk={add} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('party.posts.name')} rules={[{ required: true, message: t('party.posts.needName') }, { max: 20 }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="description" label={t('party.posts.description')}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

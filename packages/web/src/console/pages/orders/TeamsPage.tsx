// 服务队伍: the community's 基层治理服务团 — the eight standard teams of seeds/000 and custom ones —
// with their members (accounts of party members and volunteers, who then receive orders).
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Switch, Table, Tag } from 'antd';
import { CrownFilled, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { errorMessage } from '../../../api/client.ts';
import { addTeamMember, createTeam, listTeams, removeTeamMember, type ServiceTeam } from '../../../api/wishes.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import '../wishes/wishes.css';

export default function TeamsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const area = me.scope.code.slice(0, 12);
  const teams = useApi((signal) => listTeams(area, signal), [area]);
  const [adding, setAdding] = useState<ServiceTeam | null>(null);
  const [creating, setCreating] = useState(false);
  const [memberForm] = Form.useForm<{ username: string; leader?: boolean }>();
  const [teamForm] = Form.useForm<{ name: string; description?: string }>();
  const canEdit = teams.data?.canEdit ?? false;

  const wrap = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      teams.reload();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  const columns: ColumnsType<ServiceTeam> = [
    {
      title: t('order.teams.name'),
      dataIndex: 'name',
      width: 220,
      render: (v: string, x) => (
        <span>
          <b>{v}</b> {x.standard ? <Tag color="red">{t('order.teams.standard')}</Tag> : <Tag>{t('order.teams.custom')}</Tag>}
        </span>
      ),
    },
    { title: t('order.teams.description'), dataIndex: 'description', width: 260 },
    {
      title: t('order.teams.members'),
      key: 'members',
      render: (_, x) =>
        x.members.length === 0 ? (
          <span className="gz-wo-muted">{t('order.teams.noMembers')}</span>
        ) : (
          <div className="gz-wo-team-members" data-testid="team-members">
            {x.members.map((m) => (
              <Tag
                key={m.userId}
                color={m.leader ? 'gold' : undefined}
                icon={m.leader ? <CrownFilled /> : undefined}
                closable={canEdit}
                onClose={(e) => {
                  e.preventDefault();
                  void wrap(() => removeTeamMember(x.id, m.userId));
                }}
              >
                {m.name}
              </Tag>
            ))}
          </div>
        ),
    },
    ...(canEdit
      ? [
          {
            title: '',
            key: 'add',
            width: 120,
            render: (_: unknown, x: ServiceTeam) => (
              <Button
                size="small"
                icon={<UserAddOutlined />}
                onClick={() => {
                  memberForm.resetFields();
                  setAdding(x);
                }}
                data-testid="team-add-member"
              >
                {t('order.teams.addMember')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <div className="gz-page" data-testid="teams-page">
      <PageHeader
        title={t('order.teams.title')}
        description={teams.data ? t('order.teams.desc', { area: teams.data.area.name }) : undefined}
        testId="teams-title"
        extra={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                teamForm.resetFields();
                setCreating(true);
              }}
              data-testid="team-create"
            >
              {t('order.teams.add')}
            </Button>
          )
        }
      />
      {teams.error ? (
        <LoadError error={teams.error} onRetry={teams.reload} />
      ) : (
        <Card className="gz-card" size="small">
          <Table<ServiceTeam> rowKey="id" size="middle" loading={teams.loading} columns={columns} dataSource={teams.data?.items ?? []} pagination={false} data-testid="teams-table" />
        </Card>
      )}
      <Modal
        open={adding !== null}
        title={adding ? `${t('order.teams.addMember')}${locale === 'en' ? ': ' : '：'}${adding.name}` : ''}
        onCancel={() => setAdding(null)}
        okButtonProps={{ 'data-testid': 'team-member-ok' } as Record<string, string>}
        onOk={async () => {
          const v = await memberForm.validateFields().catch(() => null);
          if (!v) return;
          if (adding && (await wrap(() => addTeamMember(adding.id, { username: v.username.trim(), leader: v.leader ?? false })))) setAdding(null);
        }}
        forceRender
      >
        <Form form={memberForm} layout="vertical">
          <Form.Item name="username" label={t('order.teams.username')} rules={[{ required: true, whitespace: true }]}>
            <Input data-testid="team-member-username" />
          </Form.Item>
          <Form.Item name="leader" label={t('order.teams.leader')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={creating}
        title={t('order.teams.add')}
        onCancel={() => setCreating(false)}
        okButtonProps={{ 'data-testid': 'team-create-ok' } as Record<string, string>}
        onOk={async () => {
          const v = await teamForm.validateFields().catch(() => null);
          if (!v) return;
          if (await wrap(() => createTeam({ area, name: v.name.trim(), description: v.description?.trim() }))) setCreating(false);
        }}
        forceRender
      >
        <Form form={teamForm} layout="vertical">
          <Form.Item name="name" label={t('order.teams.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('order.teams.description')} rules={[{ max: 200 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

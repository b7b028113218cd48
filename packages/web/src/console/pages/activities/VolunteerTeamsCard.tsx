// 志愿服务队: the volunteer teams of the area (夕阳美, 巾帼美 … of `000`) with kind, leader and members;
// organisers create and edit them. Shown above the roster on 志愿者名册.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../api/client.ts';
import { createVolunteerTeam, listVolunteerTeams, updateVolunteerTeam, VOLUNTEER_TEAM_KINDS, type VolunteerTeam } from '../../../api/activities.ts';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';

interface TeamForm {
  name: string;
  kind: VolunteerTeam['kind'];
  leader?: string;
  description?: string;
  areaCode?: string;
}

export function VolunteerTeamsCard() {
  const { t } = useI18n();
  const { can } = useAuth();
  const list = useApi((signal) => listVolunteerTeams(signal), []);
  const [editing, setEditing] = useState<VolunteerTeam | 'new' | null>(null);
  const columns: ColumnsType<VolunteerTeam> = [
    { title: t('vol.team.name'), dataIndex: 'name', render: (v: string) => <span data-testid="volunteer-team-name">{v}</span> },
    { title: t('vol.team.kind'), dataIndex: 'kindLabel', width: 100, render: (v: string) => <Tag>{v}</Tag> },
    { title: t('vol.team.leader'), dataIndex: 'leader', width: 110, render: (v: string) => v || '—' },
    { title: t('vol.team.area'), key: 'area', width: 150, render: (_, r) => r.area.name },
    { title: t('vol.team.members'), dataIndex: 'members', width: 90 },
    { title: t('vol.team.description'), dataIndex: 'description', ellipsis: true },
    {
      title: '',
      key: 'edit',
      width: 80,
      render: (_, r) =>
        r.allowedActions.includes('edit') ? (
          <Button size="small" type="link" onClick={() => setEditing(r)}>
            {t('vol.team.edit')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Card
      className="gz-card"
      size="small"
      title={t('vol.teams')}
      style={{ marginBottom: 16 }}
      extra={
        can('activities.manage') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="volunteer-team-new">
            {t('vol.team.new')}
          </Button>
        ) : undefined
      }
    >
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<VolunteerTeam> rowKey="id" size="small" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []} pagination={false} locale={{ emptyText: t('vol.team.empty') }} scroll={{ x: 800 }} data-testid="volunteer-teams" />
      )}
      {editing && (
        <TeamModal
          team={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}

function TeamModal({ team, onClose, onDone }: { team: VolunteerTeam | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<TeamForm>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const body = { name: v.name, kind: v.kind, leader: v.leader ?? '', description: v.description ?? '' };
      if (team) await updateVolunteerTeam(team.id, body);
      else await createVolunteerTeam({ ...body, areaCode: v.areaCode! });
      message.success(t('vol.saved'));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const initial: Partial<TeamForm> = team
    ? { name: team.name, kind: team.kind, leader: team.leader, description: team.description }
    : { kind: 'other', areaCode: me.scope.code.length >= 12 ? me.scope.code : undefined };
  return (
    <Modal open title={team ? t('vol.team.edit') : t('vol.team.new')} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ 'data-testid': 'volunteer-team-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="name" label={t('vol.team.name')} rules={[{ required: true, whitespace: true, message: t('vol.team.nameRequired') }]}>
          <Input maxLength={40} data-testid="volunteer-team-f-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('vol.team.kind')} rules={[{ required: true }]}>
          <Select options={VOLUNTEER_TEAM_KINDS.map((k) => ({ value: k, label: t(`vol.team.kind.${k}`) }))} data-testid="volunteer-team-f-kind" />
        </Form.Item>
        <Form.Item name="leader" label={t('vol.team.leader')}>
          <Input maxLength={40} data-testid="volunteer-team-f-leader" />
        </Form.Item>
        {!team && (
          <Form.Item name="areaCode" label={t('vol.team.area')} rules={[{ required: true, message: t('vol.team.areaRequired') }]}>
            <AreaTreeSelect selectableLevels={['village']} testId="volunteer-team-f-area" />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('vol.team.description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// 战时任务 on the event's page: the command sends a task to the forces on call in the event's area or part of it, and
// sees who has acknowledged it (收到) on their phone.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Tag, Tooltip, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import { listTasks, sendTask, type EmergencyTask } from '../../../api/emergencies.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';

export function TasksCard({ id, canSend }: { id: string; canSend: boolean }) {
  const t = useT();
  const tasks = useApi((signal) => listTasks(id, signal), [id]);
  const [sending, setSending] = useState(false);
  return (
    <Card
      className="gz-card"
      size="small"
      title={t('emergency.tasks')}
      extra={
        canSend && (
          <Button size="small" icon={<SendOutlined />} onClick={() => setSending(true)} data-testid="emergency-send-task">
            {t('emergency.sendTask')}
          </Button>
        )
      }
    >
      {tasks.error ? (
        <LoadError error={tasks.error} onRetry={tasks.reload} />
      ) : !tasks.data?.items.length ? (
        <Typography.Text type="secondary">{t('emergency.tasksEmpty')}</Typography.Text>
      ) : (
        <ul className="gz-plain-list" data-testid="emergency-tasks">
          {tasks.data.items.map((x: EmergencyTask) => (
            <li key={x.id}>
              <b>{x.title}</b> <span className="gz-muted">{x.areaName ?? x.areaCode} · {x.createdByName} · {fmtTime(x.createdAt)}</span>
              {x.detail && <div className="gz-muted">{x.detail}</div>}
              <Tooltip title={x.ackedBy.map((a) => `${a.userName} ${fmtTime(a.at)}`).join('；') || undefined}>
                <Tag color={x.acks ? 'green' : 'default'}>{t('emergency.taskAcks', { n: x.acks })}</Tag>
              </Tooltip>
            </li>
          ))}
        </ul>
      )}
      <TaskModal
        open={sending}
        id={id}
        onClose={() => setSending(false)}
        onDone={() => {
          setSending(false);
          tasks.reload();
        }}
      />
    </Card>
  );
}

function TaskModal({ open, id, onClose, onDone }: { open: boolean; id: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; detail?: string; areaCode?: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await sendTask(id, { title: v.title.trim(), detail: v.detail?.trim() || undefined, areaCode: v.areaCode || undefined });
      message.success(t('emergency.taskSent'));
      form.resetFields();
      onDone();
    } catch (e) {
      applyServerErrors(form, e, message, ['title', 'detail', 'areaCode']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('emergency.sendTask')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t('emergency.sendTaskOk')} okButtonProps={{ 'data-testid': 'emergency-task-ok' } as ButtonProps} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={t('emergency.taskTitle')} rules={[{ required: true, whitespace: true, message: t('emergency.taskTitleRequired') }, { max: 100 }]}>
          <Input maxLength={100} placeholder={t('emergency.taskTitlePlaceholder')} data-testid="emergency-task-title" />
        </Form.Item>
        <Form.Item name="detail" label={t('emergency.taskDetail')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('emergency.taskArea')} extra={t('emergency.taskAreaHelp')}>
          <AreaTreeSelect selectableLevels={['village', 'grid']} testId="emergency-task-area" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Descriptions, Empty, Form, Input, Modal, Space, Tag } from 'antd';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseMeetings as Meetings } from '@gongzhi/domain/contract';
import type { FileRef } from '../../../api/cases.ts';
import { get, post } from '../../../api/client.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { applyServerErrors } from '../../components/formErrors.ts';
import { PhotoUpload } from './PhotoUpload.tsx';

/** 会商 of a case with assisting units: the meetings held, and recording a new one (centre or lead unit). */
export function CaseMeetings({ caseId, onRecorded }: { caseId: string; onRecorded: () => void }) {
  const t = useT();
  const res = useApi((signal) => get<Meetings>(`/api/cases/${caseId}/meetings`, undefined, signal), [caseId]);
  const [open, setOpen] = useState(false);
  const data = res.data;
  // Only cases with assisting units hold meetings: others show nothing.
  if (!data || (data.items.length === 0 && !data.allowedActions.includes('record'))) return null;
  return (
    <Card
      className="gz-card"
      size="small"
      data-testid="case-meetings"
      title={
        <span>
          <TeamOutlined /> {t('mt.count', { n: data.items.length })}
        </span>
      }
      extra={
        data.allowedActions.includes('record') && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="meeting-add">
            {t('mt.add')}
          </Button>
        )
      }
    >
      {data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mt.none')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {data.items.map((m) => (
            <Descriptions
              key={m.id}
              size="small"
              column={1}
              bordered
              data-testid="meeting-item"
              items={[
                { key: 'at', label: t('mt.heldAt'), children: `${fmtTime(m.heldAt)}${m.place ? ` · ${m.place}` : ''}` },
                { key: 'units', label: t('mt.units'), children: m.units.map((u) => <Tag key={u.id}>{u.name}</Tag>) },
                { key: 'who', label: t('mt.participants'), children: m.participants },
                { key: 'minutes', label: t('mt.minutes'), children: <div style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</div> },
                { key: 'decisions', label: t('mt.decisions'), children: <div style={{ whiteSpace: 'pre-wrap' }}>{m.decisions}</div> },
                ...(m.attachments.length ? [{ key: 'files', label: t('mt.files'), children: m.attachments.map((f) => <Tag key={f.id}>{f.name}</Tag>) }] : []),
                { key: 'by', label: ' ', children: <span className="gz-muted">{t('mt.recorded', { who: m.recordedBy, at: fmtTime(m.recordedAt) })}</span> },
              ]}
            />
          ))}
        </Space>
      )}
      <MeetingModal
        open={open}
        caseId={caseId}
        units={data.units}
        onClose={() => setOpen(false)}
        onSaved={() => {
          res.reload();
          onRecorded();
        }}
      />
    </Card>
  );
}

interface FormValues {
  heldAt: Dayjs;
  place?: string;
  unitIds: string[];
  participants: string;
  minutes: string;
  decisions: string;
  attachments?: FileRef[];
}

function MeetingModal({ open, caseId, units, onClose, onSaved }: { open: boolean; caseId: string; units: Meetings['units']; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await post(`/api/cases/${caseId}/meetings`, {
        heldAt: v.heldAt.format(),
        place: v.place?.trim() || null,
        unitIds: v.unitIds,
        participants: v.participants.trim(),
        minutes: v.minutes.trim(),
        decisions: v.decisions.trim(),
        attachments: (v.attachments ?? []).map((f) => f.id),
      });
      message.success(t('mt.saved'));
      onClose();
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, message, ['heldAt', 'place', 'unitIds', 'participants', 'minutes', 'decisions', 'attachments']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={t('mt.add')}
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ disabled: uploading, 'data-testid': 'meeting-save' }}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ heldAt: dayjs().startOf('minute'), unitIds: units.map((u) => u.id) }}>
        <Space size="middle" style={{ display: 'flex' }} align="start">
          <Form.Item name="heldAt" label={t('mt.heldAt')} rules={[{ required: true, message: t('common.required', { field: t('mt.heldAt') }) }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="meeting-at" />
          </Form.Item>
          <Form.Item name="place" label={t('mt.place')} rules={[{ max: 100 }]} style={{ flex: 1 }}>
            <Input maxLength={100} placeholder={t('mt.placePlaceholder')} data-testid="meeting-place" />
          </Form.Item>
        </Space>
        <Form.Item name="unitIds" label={t('mt.units')} rules={[{ type: 'array', min: 2, message: t('mt.unitsRule') }]}>
          <Checkbox.Group
            options={units.map((u) => ({ value: u.id, label: `${u.name}（${u.role === 'lead' ? t('mt.lead') : t('mt.assist')}）` }))}
            data-testid="meeting-units"
          />
        </Form.Item>
        <Form.Item name="participants" label={t('mt.participants')} rules={[...required(t('mt.participants')), { max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} placeholder={t('mt.participantsPlaceholder')} data-testid="meeting-participants" />
        </Form.Item>
        <Form.Item name="minutes" label={t('mt.minutes')} rules={[...required(t('mt.minutes')), { max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} showCount data-testid="meeting-minutes" />
        </Form.Item>
        <Form.Item name="decisions" label={t('mt.decisions')} rules={[...required(t('mt.decisions')), { max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount data-testid="meeting-decisions" />
        </Form.Item>
        <Form.Item name="attachments" label={t('mt.files')}>
          <PhotoUpload onBusy={setUploading} testId="meeting-files" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

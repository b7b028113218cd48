// 金点子 → 议题: put an idea on the agenda of a scheduled meeting of the caller's area, or open a new
// consultation (议事协商会) of the idea's village or community with a meeting; and where an idea went.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, List, Modal, Popover, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { ideaToTopic, ideaTopics, scheduledMeetings } from '../../../api/deliberation-meetings.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';

export function IdeaToTopicButton({ idea, onDone }: { idea: { id: string; title: string }; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="idea-to-topic">
        {t('proj.idea.toTopic')}
      </Button>
      {open && (
        <TopicModal
          idea={idea}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            onDone();
          }}
        />
      )}
    </>
  );
}

function TopicModal({ idea, onClose, onDone }: { idea: { id: string; title: string }; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const meetings = useApi((signal) => scheduledMeetings(signal), []);
  const [form] = Form.useForm<{ how: 'meeting' | 'new'; meetingId?: string; at?: Dayjs; place?: string }>();
  const how = Form.useWatch('how', form) ?? 'meeting';
  const [busy, setBusy] = useState(false);
  const options = (meetings.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.deliberationTitle} · ${fmtTime(m.scheduledAt)}` }));
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await ideaToTopic(idea.id, v.how === 'meeting' ? { meetingId: v.meetingId } : { scheduledAt: v.at!.toISOString(), place: v.place!.trim() });
      message.success(t('meet.topic.done'));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${t('meet.topic.title')}：${idea.title}`} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ 'data-testid': 'idea-topic-ok' } as Record<string, string>}>
      <Form form={form} layout="vertical" initialValues={{ how: 'meeting', at: dayjs().add(7, 'day').hour(19).minute(0).second(0) }}>
        <Form.Item name="how">
          <Radio.Group
            options={[
              { value: 'meeting', label: t('meet.topic.toMeeting') },
              { value: 'new', label: t('meet.topic.newDelib') },
            ]}
          />
        </Form.Item>
        {how === 'meeting' ? (
          <Form.Item name="meetingId" label={t('meet.topic.meeting')} rules={[{ required: true, message: t('meet.f.required', { field: t('meet.topic.meeting') }) }]} extra={meetings.data && !options.length ? t('meet.topic.noMeetings') : undefined}>
            <Select options={options} loading={!meetings.data} aria-label={t('meet.topic.meeting')} data-testid="idea-topic-meeting" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="at" label={t('meet.f.scheduledAt')} rules={[{ required: true, message: t('meet.f.required', { field: t('meet.f.scheduledAt') }) }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="place" label={t('meet.f.place')} rules={[{ required: true, whitespace: true, message: t('meet.f.required', { field: t('meet.f.place') }) }]}>
              <Input maxLength={100} data-testid="idea-topic-place" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** Where an idea made a topic went: the meetings whose agenda names it. */
export function IdeaTopicsWhere({ ideaId }: { ideaId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" title={t('meet.topic.where')} content={open ? <Where ideaId={ideaId} /> : null}>
      <Button size="small" type="link" data-testid="idea-topic-where">
        {t('meet.topic.where')}
      </Button>
    </Popover>
  );
}

function Where({ ideaId }: { ideaId: string }) {
  const { t } = useI18n();
  const res = useApi((signal) => ideaTopics(ideaId, signal), [ideaId]);
  return (
    <List
      size="small"
      loading={!res.data && !res.error}
      dataSource={res.data?.items ?? []}
      style={{ maxWidth: 360 }}
      renderItem={(x) => (
        <List.Item>
          <Link to={`/deliberations/${x.deliberationId}`}>{t('meet.topic.on', { title: x.deliberationTitle, at: fmtTime(x.scheduledAt) })}</Link>
        </List.Item>
      )}
    />
  );
}

// Pieces the console's wish and order pages share: state tags, the timeline, the reason dialog.
import { useState } from 'react';
import { Form, Image, Input, Modal, Space, Tag, Timeline } from 'antd';
import { GiftFilled } from '@ant-design/icons';
import type { TimelineEntry } from '../../../api/wishes.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import './wishes.css';

export const STATE_TAG_COLOURS: Record<string, string> = {
  submitted: 'orange',
  published: 'red',
  claimed: 'blue',
  fulfilled: 'purple',
  confirmed: 'green',
  ordered: 'orange',
  dispatched: 'red',
  taken: 'blue',
  completed: 'purple',
  rated: 'green',
  rejected: 'default',
  cancelled: 'default',
};

export function StatusTag({ kind, state, testId }: { kind: 'wish' | 'order'; state: string; testId?: string }) {
  const { tx } = useI18n();
  return (
    <Tag color={STATE_TAG_COLOURS[state]} data-testid={testId} data-state={state}>
      {tx(`${kind}.state.${state}`, state)}
    </Tag>
  );
}

export function EventTimeline({ kind, entries }: { kind: 'wish' | 'order'; entries: TimelineEntry[] }) {
  const { t, tx } = useI18n();
  return (
    <Timeline
      className="gz-wo-timeline"
      data-testid="timeline"
      items={entries.map((e) => ({
        color: ['reject', 'cancel', 'decline'].includes(e.action) ? 'red' : 'green',
        children: (
          <div data-testid="timeline-entry" data-action={e.action}>
            <div>
              <b>{tx(`${kind}.action.${e.action}`, e.actionLabel)}</b>
              {e.fromState !== e.toState && <StatusTag kind={kind} state={e.toState} />}
              <span className="gz-wo-muted">
                {e.actor}
                {e.actorUnit ? ` · ${e.actorUnit}` : ''} · {fmtTime(e.at)}
              </span>
            </div>
            {e.note && <div className="gz-wo-note">{e.note}</div>}
            {e.points ? (
              <div className="gz-wo-points" data-testid="timeline-points">
                <GiftFilled /> {t(kind === 'wish' ? 'wish.points' : 'order.points', { n: e.points })}
              </div>
            ) : null}
            {e.attachments.length > 0 && (
              <Space wrap style={{ marginTop: 6 }}>
                <Image.PreviewGroup>
                  {e.attachments.map((a) => (
                    <Image key={a.id} src={a.url} alt={a.name} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 6 }} />
                  ))}
                </Image.PreviewGroup>
              </Space>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** A dialog asking for a reason (reject, cancel, decline …); resolves with it. */
export function ReasonModal({ open, title, placeholder, onCancel, onOk }: { open: boolean; title: string; placeholder: string; onCancel: () => void; onOk: (reason: string) => Promise<void> }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      destroyOnHidden
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'reason-ok' } as Record<string, string>}
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v) return;
        setBusy(true);
        try {
          await onOk(v.reason.trim());
          form.resetFields();
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: placeholder }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={placeholder} data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

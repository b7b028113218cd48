// A household's history (迁入、迁出、死亡 with their dates) and, for those who keep the registry, the
// form that records a new event. Nothing is ever deleted: the people who left stay in the history.
import { useState } from 'react';
import { App, Button, DatePicker, Empty, Form, Input, Modal, Radio, Select, Tag, Timeline } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, get, post } from '../../api/client.ts';
import type { Household, PeopleList, Person } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';

type Kind = 'move-in' | 'move-out' | 'death';
const COLOUR: Record<Kind, string> = { 'move-in': 'green', 'move-out': 'blue', death: 'gray' };

interface Values {
  kind: Kind;
  personId: string;
  date: Dayjs;
  note?: string;
}

export function HouseholdHistory({ household, onChanged }: { household: Household; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [found, setFound] = useState<Person[]>([]);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const history = household.history ?? [];
  const canEdit = household.allowedActions?.includes('edit') ?? false;

  const search = async (q: string) => {
    if (!q.trim()) return;
    try {
      const page = await get<PeopleList>('/api/people', { q: q.trim(), pageSize: 20 });
      setFound(page.items.filter((p) => p.householdId !== household.id));
    } catch {
      setFound([]);
    }
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await post(`/api/households/${household.id}/events`, { kind: v.kind, personId: v.personId, date: v.date.format('YYYY-MM-DD'), note: v.note?.trim() || null });
      message.success(t('household.event.saved'));
      setOpen(false);
      form.resetFields();
      onChanged();
    } catch (e) {
      message.error(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const personOptions =
    kind === 'move-in'
      ? found.map((p) => ({ value: p.id, label: `${p.name}${p.address ? `（${p.address}）` : ''}` }))
      : household.members.map((m) => ({ value: m.id, label: m.name }));

  return (
    <div data-testid="household-history">
      <h3 className="gz-section-title">
        {t('household.history')}
        {canEdit && (
          <Button size="small" icon={<PlusOutlined />} style={{ marginLeft: 12 }} onClick={() => setOpen(true)} data-testid="household-event-add">
            {t('household.event.add')}
          </Button>
        )}
      </h3>
      {history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('household.history.empty')} />
      ) : (
        <Timeline
          items={history.map((e) => ({
            key: e.id,
            color: COLOUR[e.kind as Kind] ?? 'gray',
            children: (
              <span data-testid="household-event">
                <strong>{e.date}</strong> <Tag color={COLOUR[e.kind as Kind]}>{t(`household.event.${(e.kind as Kind)}`)}</Tag> {e.personName}
                {e.note ? <span className="gz-muted" style={{ marginLeft: 12 }}>{e.note}</span> : null}
                {e.actorName ? <span className="gz-muted" style={{ marginLeft: 12 }}>{t('household.event.by', { name: e.actorName })}</span> : null}
              </span>
            ),
          }))}
        />
      )}
      <Modal
        open={open}
        title={t('household.event.add')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit().catch(() => undefined)}
        confirmLoading={saving}
        okText={t('common.save')}
        okButtonProps={{ 'data-testid': 'household-event-submit' } as Record<string, string>}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'move-in', date: dayjs() }} data-testid="household-event-form">
          <Form.Item name="kind" label={t('household.event.kind')} rules={[{ required: true }]}>
            <Radio.Group
              onChange={() => form.setFieldValue('personId', undefined)}
              options={(['move-in', 'move-out', 'death'] as Kind[]).map((k) => ({ value: k, label: t(`household.event.${k}`) }))}
              optionType="button"
            />
          </Form.Item>
          <Form.Item name="personId" label={t('household.event.person')} rules={[{ required: true, message: t('household.event.personRequired') }]}>
            <Select
              showSearch={kind === 'move-in' ? { filterOption: false, onSearch: (q: string) => void search(q) } : true}
              placeholder={kind === 'move-in' ? t('household.event.searchPerson') : undefined}
              options={personOptions}
              notFoundContent={null}
              data-testid="household-event-person"
            />
          </Form.Item>
          <Form.Item name="date" label={t('household.event.date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} data-testid="household-event-date" />
          </Form.Item>
          <Form.Item name="note" label={t('household.event.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

// Convening a deliberation: topic, area, deciding body (its form and, for an owners' assembly, the
// matter of Civil Code art. 278), and the roll — from the registry (adults or households of the area)
// or typed / pasted one per line ("姓名 面积" for owners).
import { useMemo, useRef, useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../api/client.ts';
import { newIdempotencyKey } from '../../../api/cases.ts';
import { BODY_FORMS, createDeliberation, DELIB_BODIES, rollCandidates, type DelibBody, type DelibForm, type RollInput } from '../../../api/deliberations.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';

interface Values {
  title: string;
  description: string;
  areaCode: string;
  body: DelibBody;
  form: DelibForm;
  matter?: number;
  rollText: string;
}

const AREA_RE = /^(.+?)[\s,，、\t]+(\d+(?:\.\d{1,2})?)\s*(?:㎡|m²|平方米|平米)?$/;

/** The typed roll: one entry a line; owners' lines end in their floor area. Returns the bad line's number. */
export function parseRoll(text: string, withArea: boolean): RollInput[] | number {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const out: RollInput[] = [];
  for (const [i, line] of lines.entries()) {
    if (!withArea) {
      out.push({ name: line.slice(0, 60) });
      continue;
    }
    const m = AREA_RE.exec(line);
    if (!m || Number(m[2]) <= 0) return i + 1;
    out.push({ name: m[1]!.trim().slice(0, 60), area: Number(m[2]) });
  }
  return out;
}

export function NewDeliberationModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const body: DelibBody = Form.useWatch('body', form) ?? 'villagers-assembly';
  const rollText = Form.useWatch('rollText', form) ?? '';
  const [registry, setRegistry] = useState<{ text: string; roll: RollInput[] } | null>(null);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());
  const owners = body === 'owners-assembly';
  const parsed = useMemo(() => (registry && registry.text === rollText ? registry.roll : parseRoll(rollText, owners)), [registry, rollText, owners]);

  const fill = async () => {
    const area = form.getFieldValue('areaCode') as string | undefined;
    if (!area || area.length < 12) {
      message.warning(t('delib.f.areaFirst'));
      return;
    }
    setLoading(true);
    try {
      const res = await rollCandidates(area, form.getFieldValue('form') as DelibForm);
      const text = res.items.map((e) => e.name).join('\n');
      setRegistry({ text, roll: res.items });
      form.setFieldValue('rollText', text);
      message.success(t('delib.f.loaded', { n: res.items.length }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (typeof parsed === 'number') {
      message.error(t('delib.f.badLine', { n: parsed }));
      return;
    }
    if (parsed.length === 0) {
      message.error(t('delib.f.emptyRoll'));
      return;
    }
    setSaving(true);
    try {
      const res = await createDeliberation(
        { title: v.title, description: v.description, areaCode: v.areaCode, body: v.body, form: v.form, matter: owners ? v.matter : undefined, roll: parsed },
        key.current,
      );
      message.success(t('delib.created'));
      onCreated(res.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('delib.new')} width={720} onCancel={onClose} onOk={submit} confirmLoading={saving} okButtonProps={{ 'data-testid': 'delib-submit' } as Record<string, string>} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ areaCode: me.scope.code.length >= 9 ? me.scope.code : undefined, body: me.scope.code.length >= 12 && Number(me.scope.code.slice(9, 12)) < 200 ? 'residents-assembly' : 'villagers-assembly', form: 'persons', rollText: '' }} data-testid="delib-form">
        <Form.Item name="title" label={t('delib.f.title')} rules={[{ required: true, whitespace: true, message: t('delib.f.required') }]}>
          <Input maxLength={80} data-testid="delib-f-title" />
        </Form.Item>
        <Form.Item name="description" label={t('delib.f.description')} rules={[{ required: true, whitespace: true, message: t('delib.f.required') }]}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="delib-f-description" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="areaCode" label={t('delib.f.area')} rules={[{ required: true, message: t('delib.f.required') }]}>
            <AreaTreeSelect style={{ width: 240 }} selectableLevels={['town', 'village', 'grid', 'building']} allowClear={false} testId="delib-f-area" />
          </Form.Item>
          <Form.Item name="body" label={t('delib.f.body')} rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              aria-label={t('delib.f.body')}
              options={DELIB_BODIES.map((b) => ({ value: b, label: tx(`delib.body.${b}`, '') }))}
              onChange={(b: DelibBody) => {
                if (!BODY_FORMS[b].includes(form.getFieldValue('form') as DelibForm)) form.setFieldValue('form', 'persons');
              }}
              data-testid="delib-f-body"
            />
          </Form.Item>
          <Form.Item name="form" label={t('delib.f.form')}>
            <Select style={{ width: 180 }} aria-label={t('delib.f.form')} options={BODY_FORMS[body].map((f) => ({ value: f, label: tx(`delib.form.${f}`, '') }))} data-testid="delib-f-form" />
          </Form.Item>
        </Space>
        {owners && (
          <Form.Item name="matter" label={t('delib.f.matter')} rules={[{ required: true, message: t('delib.f.required') }]}>
            <Select aria-label={t('delib.f.matter')} options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: n, label: tx(`delib.matter.${n}`, '') }))} data-testid="delib-f-matter" />
          </Form.Item>
        )}
        <Form.Item
          name="rollText"
          label={
            <Space>
              {t('delib.f.roll')}
              {!owners && (
                <Button size="small" icon={<TeamOutlined />} loading={loading} onClick={fill} data-testid="delib-f-registry">
                  {t('delib.f.fromRegistry')}
                </Button>
              )}
            </Space>
          }
          extra={
            <>
              <div>{t('delib.f.rollHint')}</div>
              <Typography.Text type={typeof parsed === 'number' ? 'danger' : 'secondary'} data-testid="delib-f-count">
                {typeof parsed === 'number' ? t('delib.f.badLine', { n: parsed }) : t('delib.f.rollCount', { n: parsed.length })}
              </Typography.Text>
            </>
          }
        >
          <Input.TextArea rows={8} data-testid="delib-f-roll" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

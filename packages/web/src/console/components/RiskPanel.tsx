// Four-colour risk (四色分级): counts per child area (per grid of a village), and a household's colour
// changes with the form to change it (grid workers, community staff and above, with a reason).
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Table, Tag, Timeline } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { getRiskCounts, type RiskCounts } from '../../api/campaigns.ts';
import { get, patch } from '../../api/client.ts';
import type { RiskColour } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { RiskTag } from './RiskTag.tsx';
import { applyServerErrors } from './formErrors.ts';

export const COLOURS: RiskColour[] = ['red', 'orange', 'yellow', 'blue'];
type Row = RiskCounts['items'][number];

/** Households per colour in each child area (`GET /api/areas/{code}/risk-counts`). */
export function RiskCountsCard({ code }: { code: string }) {
  const t = useT();
  const res = useApi((signal) => getRiskCounts(code, signal), [code]);
  const columns: ColumnsType<Row> = [
    { title: t('campaign.area'), dataIndex: 'name', key: 'name', ellipsis: true },
    ...COLOURS.map((c) => ({ title: <RiskTag colour={c} />, key: c, width: 90, align: 'right' as const, render: (_: unknown, r: Row) => fmtNumber(r[c]) })),
    { title: t('risk.total'), key: 'total', width: 100, align: 'right', render: (_, r) => fmtNumber(r.total) },
  ];
  return (
    <Card className="gz-card" size="small" title={t('risk.counts')} data-testid="risk-counts">
      <RiskTotals counts={res.data} />
      <Table<Row> size="small" rowKey="code" columns={columns} dataSource={res.data?.items ?? []} loading={res.loading} pagination={false} scroll={{ x: 560 }} />
    </Card>
  );
}

/** 红 n · 橙 n · 黄 n · 蓝 n; a tag click filters by that colour when `onPick` is given. */
export function RiskTotals({ counts, value, onPick }: { counts: RiskCounts | undefined; value?: RiskColour; onPick?: (c: RiskColour | undefined) => void }) {
  const t = useT();
  if (!counts) return null;
  return (
    <div className="gz-risk-counts" data-testid="risk-totals">
      <span className="gz-muted">{t('risk.counts')}：</span>
      {COLOURS.map((c) => (
        <Tag.CheckableTag key={c} checked={value === c} onChange={(on) => onPick?.(on ? c : undefined)} data-testid={`risk-total-${c}`}>
          <RiskTag colour={c} /> {fmtNumber(counts.total[c])}
        </Tag.CheckableTag>
      ))}
    </div>
  );
}

/** The colour filter of a households list. */
export function RiskFilter({ value, onChange }: { value: RiskColour | undefined; onChange: (c: RiskColour | undefined) => void }) {
  const t = useT();
  const labels = useLabels();
  return (
    <Select
      allowClear
      aria-label={t('risk.filter')}
      placeholder={t('risk.allColours')}
      value={value}
      onChange={onChange}
      style={{ width: 150 }}
      options={COLOURS.map((c) => ({ value: c, label: labels.riskLong(c) }))}
      data-testid="risk-filter"
    />
  );
}

interface History {
  riskColour: string;
  allowedActions: string[];
  items: { id: string; from: string | null; to: string; reason: string; actorName: string; createdAt: string }[];
}

/** A household's colour changes, newest first, and the change form where the role allows it. */
export function HouseholdRisk({ householdId, onChanged }: { householdId: string; onChanged: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const res = useApi((signal) => get<History>(`/api/households/${householdId}/risk-history`, undefined, signal), [householdId]);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ riskColour: RiskColour; reason: string }>();
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await patch(`/api/households/${householdId}/risk`, { riskColour: v.riskColour, reason: v.reason.trim() });
      message.success(t('risk.saved'));
      setEditing(false);
      res.reload();
      onChanged();
    } catch (e) {
      applyServerErrors(form, e, message, ['riskColour', 'reason']);
    } finally {
      setSaving(false);
    }
  };
  const items = res.data?.items ?? [];
  return (
    <div data-testid="household-risk">
      <h3 className="gz-section-title">
        {t('risk.history')}
        {res.data?.allowedActions.includes('editRisk') && (
          <Button size="small" style={{ marginLeft: 12 }} onClick={() => (form.setFieldsValue({ riskColour: res.data?.riskColour as RiskColour, reason: '' }), setEditing(true))} data-testid="risk-edit">
            {t('risk.edit')}
          </Button>
        )}
      </h3>
      {items.length === 0 ? (
        <div className="gz-muted">{t('risk.historyEmpty')}</div>
      ) : (
        <Timeline
          items={items.map((i) => ({
            key: i.id,
            children: (
              <div>
                <div>
                  {t('risk.historyLine', { from: labels.risk(i.from), to: labels.risk(i.to) })} <span className="gz-muted">{fmtTime(i.createdAt)} · {i.actorName}</span>
                </div>
                <div className="gz-muted gz-wrap">{i.reason}</div>
              </div>
            ),
          }))}
        />
      )}
      <Modal title={t('risk.editTitle')} open={editing} onOk={() => void save()} onCancel={() => setEditing(false)} confirmLoading={saving} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden width={440}>
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="riskColour" label={t('household.risk')} rules={[{ required: true }]}>
            <Select options={COLOURS.map((c) => ({ value: c, label: labels.riskLong(c) }))} data-testid="risk-edit-colour" />
          </Form.Item>
          <Form.Item name="reason" label={t('risk.reason')} rules={[{ required: true, whitespace: true, message: t('risk.reasonRequired') }, { max: 200 }]}>
            <Input.TextArea rows={2} maxLength={200} placeholder={t('risk.reasonPlaceholder')} data-testid="risk-edit-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

// Fee bills (docs/PROPERTY.md): per compound, household and period, with amount, points offset, payments and balance;
// the company serving the compound bills its households, records payments and books a household's confirmed points
// redemption against its bill (积分抵扣物业费). Area staff read the bills of their area.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, InputNumber, Modal, Radio, Select, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../../api/client.ts';
import { billRedemptions, compoundHouseholds, createBill, getCollection, listBills, listCompanies, listCompounds, offsetBill, payBill, type Bill } from '../../../api/property.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';

const yuan = (n: number) => n.toFixed(2);
/** A household as its address says it (the registry's address already ends with the doorplate). */
const householdLabel = (h: { address?: string | null; doorplate?: string | null }) => h.address || h.doorplate || '—';

export function Bills() {
  const t = useT();
  const { can } = useAuth();
  const own = can('property.bills');
  const [placeId, setPlaceId] = useState<string | undefined>();
  const [householdId, setHouseholdId] = useState<string | undefined>();
  const [period, setPeriod] = useState<Dayjs | null>(null);
  const compounds = useApi((signal) => listCompounds(signal), []);
  const households = useApi((signal) => (placeId ? compoundHouseholds(placeId, signal) : Promise.resolve({ items: [] })), [placeId]);
  const bills = useApi((signal) => listBills({ placeId, householdId, period: period?.format('YYYY-MM') }, signal), [placeId, householdId, period]);
  const [dialog, setDialog] = useState<{ kind: 'offset' | 'pay'; bill: Bill } | { kind: 'create' } | null>(null);
  const done = () => {
    setDialog(null);
    bills.reload();
  };
  const columns: ColumnsType<Bill> = [
    { title: t('prop.bill.household'), key: 'hh', ellipsis: true, render: (_, b) => householdLabel(b) },
    { title: t('prop.bill.period'), dataIndex: 'period', width: 90 },
    { title: t('prop.bill.amount'), dataIndex: 'amount', width: 90, align: 'right', render: yuan },
    { title: t('prop.bill.offset'), dataIndex: 'offset', width: 90, align: 'right', render: yuan },
    { title: t('prop.bill.paid'), dataIndex: 'paid', width: 90, align: 'right', render: yuan },
    { title: t('prop.bill.balance'), dataIndex: 'balance', width: 90, align: 'right', render: (v: number) => <span data-testid="prop-bill-balance">{yuan(v)}</span> },
    ...(own
      ? [
          {
            title: '',
            key: 'act',
            width: 150,
            render: (_: unknown, b: Bill) =>
              b.balance > 0 && (
                <Space size={4}>
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'offset', bill: b })} data-testid="prop-bill-offset">
                    {t('prop.bill.doOffset')}
                  </Button>
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'pay', bill: b })} data-testid="prop-bill-pay">
                    {t('prop.bill.doPay')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      {own && <CollectionCard />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('prop.bill.allCompounds')}
          style={{ width: 220 }}
          value={placeId}
          onChange={(v: string | undefined) => {
            setPlaceId(v);
            setHouseholdId(undefined);
          }}
          options={(compounds.data?.items ?? []).filter((c) => c.hasProperty).map((c) => ({ value: c.id, label: c.name }))}
          aria-label={t('prop.col.compound')}
          data-testid="prop-bill-compound"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          disabled={!placeId}
          placeholder={t('prop.bill.allHouseholds')}
          style={{ width: 220 }}
          value={householdId}
          onChange={(v: string | undefined) => setHouseholdId(v)}
          options={(households.data?.items ?? []).map((h) => ({ value: h.id, label: householdLabel(h) }))}
          aria-label={t('prop.bill.household')}
        />
        <DatePicker picker="month" value={period} onChange={(d) => setPeriod(d)} placeholder={t('prop.bill.allPeriods')} aria-label={t('prop.bill.period')} />
        {own && (
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="prop-bill-create">
            {t('prop.bill.create')}
          </Button>
        )}
      </Space>
      {bills.error ? (
        <LoadError error={bills.error} onRetry={bills.reload} />
      ) : (
        <Table<Bill> rowKey="id" size="small" loading={!bills.data} dataSource={bills.data?.items ?? []} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 760 }} data-testid="prop-bills" />
      )}
      {dialog?.kind === 'offset' && <OffsetModal bill={dialog.bill} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'pay' && <PayModal bill={dialog.bill} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'create' && <CreateBillModal onClose={() => setDialog(null)} onDone={done} />}
    </>
  );
}

/** The company's collection rate before and after its first points offset (`002`: 40% → 85%). */
function CollectionCard() {
  const t = useT();
  const rate = useApi(async (signal) => {
    const me = (await listCompanies(signal)).items[0];
    return me ? getCollection(me.id, signal) : null;
  }, []);
  const r = rate.data;
  if (!r) return null;
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="prop-collection">
      <Space size="large" wrap>
        <Statistic title={t('prop.bill.rateBefore')} value={pct(r.before.rate)} suffix={<Typography.Text type="secondary">{t('prop.bill.rateBills', { n: r.before.bills })}</Typography.Text>} />
        <Statistic title={t('prop.bill.rateAfter', { period: r.firstOffsetPeriod ?? '—' })} value={pct(r.after.rate)} suffix={<Typography.Text type="secondary">{t('prop.bill.rateBills', { n: r.after.bills })}</Typography.Text>} />
      </Space>
    </Card>
  );
}

function OffsetModal({ bill, onClose, onDone }: { bill: Bill; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const list = useApi((signal) => billRedemptions(bill.id, signal), [bill.id]);
  const [pick, setPick] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!pick) {
      message.warning(t('prop.bill.pickRedemption'));
      return;
    }
    setBusy(true);
    try {
      await offsetBill(bill.id, pick);
      message.success(t('prop.bill.offsetDone'));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const items = list.data?.items ?? [];
  return (
    <Modal open title={t('prop.bill.offsetTitle', { period: bill.period })} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ id: 'prop-offset-ok', disabled: !items.length }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('prop.bill.offsetHelp', { balance: yuan(bill.balance) })}</Typography.Paragraph>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : items.length ? (
        <Radio.Group value={pick} onChange={(e) => setPick(e.target.value as string)} data-testid="prop-offset-list">
          <Space direction="vertical">
            {items.map((r) => (
              <Radio key={r.id} value={r.id}>
                {t('prop.bill.redemptionLine', { name: r.userName, points: r.points, yuan: yuan(r.offset) })}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      ) : (
        <Typography.Text data-testid="prop-offset-empty">{list.data ? t('prop.bill.noRedemptions') : ''}</Typography.Text>
      )}
    </Modal>
  );
}

function PayModal({ bill, onClose, onDone }: { bill: Bill; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ amount: number }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await payBill(bill.id, v.amount);
      message.success(t('prop.cd.saved'));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('prop.bill.doPay')} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ id: 'prop-pay-ok' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ amount: bill.balance }}>
        <Form.Item name="amount" label={t('prop.bill.payAmount')} rules={[{ required: true, message: t('prop.cd.required') }]}>
          <InputNumber min={0.01} max={bill.balance} precision={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CreateBillModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  type V = { placeId: string; householdId: string; period: Dayjs; amount: number };
  const [form] = Form.useForm<V>();
  const placeId = Form.useWatch('placeId', form);
  const compounds = useApi((signal) => listCompounds(signal), []);
  const households = useApi((signal) => (placeId ? compoundHouseholds(placeId, signal) : Promise.resolve({ items: [] })), [placeId]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await createBill({ householdId: v.householdId, period: v.period.format('YYYY-MM'), amount: v.amount });
      message.success(t('prop.cd.saved'));
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('prop.bill.create')} onCancel={onClose} onOk={submit} confirmLoading={busy} okButtonProps={{ id: 'prop-bill-create-ok' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ period: dayjs().startOf('month') }}>
        <Form.Item name="placeId" label={t('prop.col.compound')} rules={[{ required: true, message: t('prop.cd.required') }]}>
          <Select options={(compounds.data?.items ?? []).filter((c) => c.hasProperty).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="householdId" label={t('prop.bill.household')} rules={[{ required: true, message: t('prop.cd.required') }]}>
          <Select showSearch optionFilterProp="label" disabled={!placeId} options={(households.data?.items ?? []).map((h) => ({ value: h.id, label: householdLabel(h) }))} />
        </Form.Item>
        <Space>
          <Form.Item name="period" label={t('prop.bill.period')} rules={[{ required: true, message: t('prop.cd.required') }]}>
            <DatePicker picker="month" allowClear={false} />
          </Form.Item>
          <Form.Item name="amount" label={t('prop.bill.amount')} rules={[{ required: true, message: t('prop.cd.required') }]}>
            <InputNumber min={0.01} max={1000000} precision={2} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

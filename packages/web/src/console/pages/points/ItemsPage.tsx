// 商户与商品: the partner merchants' and the love supermarket's catalogue (price, stock, on/off
// sale; create, edit, restock as allowedActions say) and the redemptions (the unit's own, or all in
// scope) with confirm / cancel.
import { useMemo, useState, type ReactNode } from 'react';
import { Alert, App, Badge, Button, Card, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Segmented, Select, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { EditOutlined, GiftOutlined, HeartOutlined, HomeOutlined, PlusOutlined, ReloadOutlined, ShoppingOutlined, ToolOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { api, get, patch, post } from '../../../api/client.ts';
import type { PointsItem as Item, ItemKind, PointScheme, PointsRedemption as Redemption, RedemptionState, PointsItems, PointsRedemptionList } from '@gongzhi/domain/contract';
import { POINT_SCHEMES } from '../../../lib/points.ts';
import type { Units } from '../../../api/types.ts';
import { useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { newIdempotencyKey, usePointsAccess, usePointsLabels } from '../../../lib/points.ts';
import { useApi } from '../../../lib/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { applyServerErrors } from '../../components/formErrors.ts';
import { SchemeTag } from './common.tsx';

const KIND_ICON: Record<ItemKind, ReactNode> = {
  goods: <ShoppingOutlined />,
  service: <ToolOutlined />,
  donation: <HeartOutlined />,
  'property-fee': <HomeOutlined />,
};
const KIND_COLOUR: Record<ItemKind, string> = { goods: 'blue', service: 'cyan', donation: 'magenta', 'property-fee': 'orange' };
const MERCHANT_UNIT_TYPES = ['merchant', 'property', 'community-office'];
const LOW_STOCK = 5;

export default function ItemsPage() {
  const t = useT();
  const [tab, setTab] = useState<'items' | 'redemptions'>('items');
  return (
    <div className="gz-page" data-testid="points-items-page">
      <PageHeader title={t('points.menu.items')} description={t('points.item.desc')} testId="points-items-title" />
      <Card className="gz-card" size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'items' | 'redemptions')}
          className="gz-pts-tabs"
          items={[
            { key: 'items', label: <span data-testid="items-tab-items">{t('points.item.tab')}</span>, children: <ItemsTab /> },
            { key: 'redemptions', label: <span data-testid="items-tab-redemptions">{t('points.red.tab')}</span>, children: <RedemptionsTab /> },
          ]}
        />
      </Card>
    </div>
  );
}

function ItemsTab() {
  const t = useT();
  const pl = usePointsLabels();
  const { message } = App.useApp();
  const access = usePointsAccess();
  const manager = access.can('points.items.manage');
  const [merchant, setMerchant] = useState<string | undefined>();
  const [scheme, setScheme] = useState<PointScheme | undefined>();
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const [restocking, setRestocking] = useState<Item | null>(null);
  const res = useApi((signal) => get<PointsItems>('/api/points/items', { all: manager ? 'true' : undefined, scheme }, signal), [manager, scheme]);
  const items = useMemo(() => res.data?.items ?? [], [res.data]);
  const merchants = useMemo(() => [...new Map(items.map((i) => [i.merchantId, i.merchant])).entries()], [items]);
  const shown = merchant ? items.filter((i) => i.merchantId === merchant) : items;

  const toggle = async (i: Item) => {
    try {
      await patch(`/api/points/items/${i.id}`, { active: !i.active });
      message.success(i.active ? t('points.item.offDone') : t('points.item.onDone'));
      res.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: ColumnsType<Item> = [
    {
      title: t('points.item.name'),
      key: 'name',
      render: (_, i) => (
        <div className="gz-pts-item">
          <span className={`gz-pts-item-icon gz-pts-kind-${i.kind}`}>{KIND_ICON[i.kind] ?? <GiftOutlined />}</span>
          <div className="gz-pts-cell">
            <span className="gz-pts-item-name" data-testid="item-name">
              {i.name}
            </span>
            {i.description && <span className="gz-pts-sub gz-muted">{i.description}</span>}
          </div>
        </div>
      ),
    },
    { title: t('points.item.merchant'), dataIndex: 'merchant', key: 'merchant', width: 170, ellipsis: true },
    { title: t('points.item.kind'), dataIndex: 'kind', key: 'kind', width: 140, render: (k: ItemKind, i) => <Tag color={KIND_COLOUR[k]}>{pl.itemKind(k, i.kindLabel)}</Tag> },
    { title: t('points.scheme'), dataIndex: 'scheme', key: 'scheme', width: 104, render: (s: PointScheme, i) => <SchemeTag scheme={s} name={i.schemeName} short /> },
    {
      title: t('points.item.price'),
      dataIndex: 'price',
      key: 'price',
      width: 100,
      align: 'right',
      render: (v: number, i) => (
        <span className="gz-pts-num">
          <b>{fmtNumber(v)}</b> <span className="gz-muted">{pl.unit(i.scheme)}</span>
        </span>
      ),
    },
    {
      title: t('points.item.stock'),
      dataIndex: 'stock',
      key: 'stock',
      width: 80,
      align: 'right',
      render: (v: number) => (
        <span className={v === 0 ? 'gz-pts-minus' : v <= LOW_STOCK ? 'gz-pts-warn' : undefined} data-testid="item-stock">
          {fmtNumber(v)}
        </span>
      ),
    },
    {
      title: t('points.rule.state'),
      dataIndex: 'active',
      key: 'active',
      width: 90,
      render: (v: boolean) => (v ? <Badge status="success" text={t('points.item.on')} /> : <Badge status="default" text={t('points.item.off')} />),
    },
  ];
  if (manager) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_, i) => (
        <Space size={0}>
          {i.allowedActions.includes('edit') && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(i)} data-testid="item-edit">
              {t('common.edit')}
            </Button>
          )}
          {i.allowedActions.includes('restock') && (
            <Button type="link" size="small" onClick={() => setRestocking(i)} data-testid="item-restock">
              {t('points.item.restock')}
            </Button>
          )}
          {i.allowedActions.includes('edit') && (
            <Popconfirm title={i.active ? t('points.item.offConfirm') : t('points.item.onConfirm')} onConfirm={() => toggle(i)} okText={t('common.ok')} cancelText={t('common.cancel')}>
              <Button type="link" size="small" danger={i.active}>
                {i.active ? t('points.item.takeOff') : t('points.item.putOn')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <>
      <div className="gz-toolbar">
        <Space wrap>
          <Select
            allowClear
            aria-label={t('points.item.merchant')} placeholder={t('points.item.merchant')}
            style={{ width: 240 }}
            value={merchant}
            onChange={setMerchant}
            options={merchants.map(([id, name]) => ({ value: id, label: name }))}
          />
          <Select allowClear aria-label={t('points.scheme')} placeholder={t('points.scheme')} style={{ width: 180 }} value={scheme} onChange={setScheme} options={POINT_SCHEMES.map((s) => ({ value: s, label: pl.scheme(s) }))} />
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={res.reload}>
            {t('common.refresh')}
          </Button>
          {manager && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="item-add">
              {t('points.item.add')}
            </Button>
          )}
        </Space>
      </div>
      {res.error ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : (
        <Table<Item>
          size="middle"
          rowKey="id"
          columns={columns}
          dataSource={shown}
          loading={res.loading}
          scroll={{ x: 1150 }}
          rowClassName={(i) => (i.active ? '' : 'gz-pts-row-off')}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n: fmtNumber(n) }) }}
          data-testid="items-table"
          onRow={(i) => ({ 'data-testid': 'item-row', 'data-item': i.name }) as object}
        />
      )}
      <ItemModal
        item={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          res.reload();
        }}
      />
      <RestockModal
        item={restocking}
        onClose={() => setRestocking(null)}
        onSaved={() => {
          setRestocking(null);
          res.reload();
        }}
      />
    </>
  );
}

interface ItemValues {
  merchantId?: string;
  name: string;
  description?: string | null;
  scheme: PointScheme;
  kind: ItemKind;
  price: number;
  stock: number;
  active?: boolean;
}

function ItemModal({ item, onClose, onSaved }: { item: Item | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const pl = usePointsLabels();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemValues>();
  const [saving, setSaving] = useState(false);
  const [key, setKey] = useState('');
  const isNew = item === 'new';
  const units = useApi(isNew ? (signal) => get<Units>('/api/units', undefined, signal) : null, [isNew]);
  const choices = (units.data?.items ?? []).filter((u) => MERCHANT_UNIT_TYPES.includes(u.type) && (u.areaCode ?? '').startsWith(me.scope.code));
  const merchantId = Form.useWatch('merchantId', form);
  const isProperty = choices.find((u) => u.id === merchantId)?.type === 'property';
  const [opened, setOpened] = useState<Item | 'new' | null>(null);
  if (item !== opened) {
    setOpened(item);
    if (item === 'new') setKey(newIdempotencyKey());
  }

  const submit = async () => {
    let v: ItemValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      if (item === 'new') {
        const body = { merchantId: v.merchantId, name: v.name.trim(), description: v.description?.trim() || null, scheme: v.scheme, kind: v.kind, price: v.price, stock: v.stock };
        await api('/api/points/items', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
        message.success(t('points.item.created'));
      } else if (item) {
        await patch(`/api/points/items/${item.id}`, { name: v.name.trim(), description: v.description?.trim() || null, price: v.price });
        message.success(t('common.saved'));
      }
      onSaved();
    } catch (e) {
      setKey(newIdempotencyKey());
      applyServerErrors(form, e, message, ['merchantId', 'name', 'description', 'scheme', 'kind', 'price', 'stock']);
    } finally {
      setSaving(false);
    }
  };
  const initial: Partial<ItemValues> = item && item !== 'new' ? { name: item.name, description: item.description, scheme: item.scheme, kind: item.kind, price: item.price, stock: item.stock } : { scheme: 'neighbourhood', kind: 'goods', stock: 10 };
  const kinds: ItemKind[] = ['goods', 'service', 'donation', ...(isProperty || (item && item !== 'new' && item.kind === 'property-fee') ? (['property-fee'] as const) : [])];

  return (
    <Modal title={isNew ? t('points.item.add') : t('points.item.edit')} open={item !== null} onOk={submit} onCancel={onClose} confirmLoading={saving} okText={t('common.save')} destroyOnHidden width={600}>
      <Form<ItemValues> form={form} layout="vertical" initialValues={initial} preserve={false} data-testid="item-form">
        {isNew && (
          <Form.Item name="merchantId" label={t('points.item.merchant')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('points.item.merchant') }) }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={units.loading} options={choices.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('points.item.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('points.item.name') }) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label={t('points.item.description')}>
          <Input.TextArea maxLength={300} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="scheme" label={t('points.scheme')} rules={[{ required: true }]}>
              <Select disabled={!isNew} options={POINT_SCHEMES.map((s) => ({ value: s, label: pl.scheme(s) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={t('points.item.kind')} rules={[{ required: true }]}>
              <Select disabled={!isNew} options={kinds.map((k) => ({ value: k, label: pl.itemKind(k) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="price" label={t('points.item.price')} rules={[{ required: true, message: t('common.required', { field: t('points.item.price') }) }]}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {isNew && (
            <Col span={12}>
              <Form.Item name="stock" label={t('points.item.stock')} rules={[{ required: true, message: t('common.required', { field: t('points.item.stock') }) }]}>
                <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) => getFieldValue('kind') === 'donation' && <Alert type="info" showIcon title={t('points.item.donationHint')} />}
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RestockModal({ item, onClose, onSaved }: { item: Item | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ quantity: number }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!item) return;
    let v: { quantity: number };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const done = await post<Item>(`/api/points/items/${item.id}/restock`, { quantity: v.quantity });
      message.success(t('points.item.restocked', { n: fmtNumber(done.stock) }));
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, message, ['quantity']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={item ? t('points.item.restockTitle', { name: item.name }) : ''} open={item !== null} onOk={submit} onCancel={onClose} confirmLoading={saving} okText={t('common.save')} destroyOnHidden width={400}>
      {item && <p className="gz-muted">{t('points.item.stockNow', { n: fmtNumber(item.stock) })}</p>}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ quantity: 10 }}>
        <Form.Item name="quantity" label={t('points.item.restockQty')} rules={[{ required: true, message: t('common.required', { field: t('points.item.restockQty') }) }]}>
          <InputNumber min={1} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---- redemptions ----------------------------------------------------------------------------------

const RED_BADGE: Record<RedemptionState, 'processing' | 'success' | 'default'> = { pending: 'processing', confirmed: 'success', cancelled: 'default' };

function RedemptionsTab() {
  const t = useT();
  const pl = usePointsLabels();
  const me = useMe();
  const access = usePointsAccess();
  const boxes = [...(me.unit && access.can('points.redemptions.confirm') ? (['merchant'] as const) : []), ...(access.can('points.accounts.read') ? (['all'] as const) : [])];
  const [box, setBox] = useState<'merchant' | 'all'>(boxes[0] ?? 'all');
  // A merchant's to-do first; staff overseeing the area see every state.
  const [state, setState] = useState<RedemptionState | undefined>(boxes[0] === 'merchant' ? 'pending' : undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [acting, setActing] = useState<{ r: Redemption; action: 'confirm' | 'cancel' } | null>(null);
  const res = useApi((signal) => get<PointsRedemptionList>('/api/points/redemptions', { box, state, page, pageSize }, signal), [box, state, page, pageSize]);

  const columns: ColumnsType<Redemption> = [
    { title: t('points.red.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (v: string) => <span className="gz-mono-soft gz-nowrap">{fmtTime(v)}</span> },
    { title: t('points.red.redeemer'), key: 'redeemer', width: 150, render: (_, r) => r.redeemer.name },
    {
      title: t('points.red.item'),
      key: 'item',
      render: (_, r) => (
        <div className="gz-pts-cell">
          <span>
            {r.item.name} <span className="gz-muted">× {r.quantity}</span>
          </span>
          <span className="gz-pts-sub gz-muted">
            {r.merchant.name} · {pl.itemKind(r.item.kind, r.item.kindLabel)}
          </span>
        </div>
      ),
    },
    {
      title: t('points.red.amount'),
      key: 'amount',
      width: 130,
      align: 'right',
      render: (_, r) => (
        <span className="gz-pts-num">
          <b>{fmtNumber(r.amount)}</b> <span className="gz-muted">{pl.unit(r.scheme)}</span>
          <div className="gz-pts-sub">
            <SchemeTag scheme={r.scheme} name={r.schemeName} short />
          </div>
        </span>
      ),
    },
    {
      title: t('points.red.state'),
      key: 'state',
      width: 200,
      render: (_, r) => (
        <div className="gz-pts-cell" data-testid="redemption-state" data-state={r.state}>
          <Badge status={RED_BADGE[r.state]} text={pl.redemptionState(r.state, r.stateLabel)} />
          {r.confirmedBy && (
            <span className="gz-pts-sub gz-muted">
              {r.confirmedBy.name} · {fmtTime(r.confirmedAt)}
            </span>
          )}
          {r.cancelledBy && (
            <span className="gz-pts-sub gz-muted">
              {r.cancelledBy.name} · {fmtTime(r.cancelledAt)}
              {r.cancelReason ? ` · ${r.cancelReason}` : ''}
            </span>
          )}
          {r.refunded && <Tag color="magenta">{t('points.red.refunded')}</Tag>}
        </div>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, r) => (
        <Space size={0}>
          {r.allowedActions.includes('confirm') && (
            <Button type="link" size="small" onClick={() => setActing({ r, action: 'confirm' })} data-testid="redemption-confirm">
              {t('points.red.confirm')}
            </Button>
          )}
          {r.allowedActions.includes('cancel') && (
            <Button type="link" size="small" danger onClick={() => setActing({ r, action: 'cancel' })} data-testid="redemption-cancel">
              {t('points.red.cancel')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="gz-toolbar">
        <Space wrap>
          {boxes.length > 1 && (
            <Segmented
              data-testid="redemptions-box"
              value={box}
              onChange={(v) => {
                setBox(v as 'merchant' | 'all');
                setState(v === 'merchant' ? 'pending' : undefined);
                setPage(1);
              }}
              options={boxes.map((b) => ({ value: b, label: t(`points.red.box.${b}`) }))}
            />
          )}
          <Select
            allowClear
            aria-label={t('points.red.state')} placeholder={t('points.red.state')}
            style={{ width: 150 }}
            value={state}
            onChange={(v) => {
              setState(v);
              setPage(1);
            }}
            options={(['pending', 'confirmed', 'cancelled'] as const).map((s) => ({ value: s, label: pl.redemptionState(s) }))}
          />
        </Space>
        <Button icon={<ReloadOutlined />} onClick={res.reload}>
          {t('common.refresh')}
        </Button>
      </div>
      {res.error ? (
        <LoadError error={res.error} onRetry={res.reload} />
      ) : (
        <Table<Redemption>
          size="middle"
          rowKey="id"
          columns={columns}
          dataSource={res.data?.items ?? []}
          loading={res.loading}
          scroll={{ x: 1100 }}
          data-testid="redemptions-table"
          pagination={{
            current: page,
            pageSize,
            total: res.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n: fmtNumber(n) }),
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
        />
      )}
      <RedemptionActionModal
        target={acting}
        onClose={() => setActing(null)}
        onDone={() => {
          setActing(null);
          res.reload();
        }}
      />
    </>
  );
}

function RedemptionActionModal({ target, onClose, onDone }: { target: { r: Redemption; action: 'confirm' | 'cancel' } | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code?: string; reason?: string }>();
  const [saving, setSaving] = useState(false);
  const r = target?.r;
  const confirming = target?.action === 'confirm';
  const donation = r?.item.kind === 'donation';
  const submit = async () => {
    if (!target) return;
    let v: { code?: string; reason?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      if (confirming) {
        await post(`/api/points/redemptions/${target.r.id}/confirm`, v.code?.trim() ? { code: v.code.trim() } : {});
        message.success(t('points.red.confirmed'));
      } else {
        await post(`/api/points/redemptions/${target.r.id}/cancel`, v.reason?.trim() ? { reason: v.reason.trim() } : {});
        message.success(t('points.red.cancelled'));
      }
      onDone();
    } catch (e) {
      applyServerErrors(form, e, message, ['code', 'reason']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={confirming ? t('points.red.confirmTitle') : t('points.red.cancelTitle')}
      open={target !== null}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={confirming ? t('points.red.confirm') : t('points.red.cancel')}
      okButtonProps={{ danger: !confirming }}
      destroyOnHidden
      width={500}
    >
      {r && (
        <p>
          <b>{r.item.name}</b> × {r.quantity} · {fmtNumber(r.amount)} · {r.redeemer.name}
        </p>
      )}
      {confirming && donation && <Alert type="info" showIcon className="gz-pts-modal-alert" title={t('points.red.donationConfirm')} />}
      <Form form={form} layout="vertical" preserve={false}>
        {confirming ? (
          <Form.Item
            name="code"
            label={t('points.red.code')}
            extra={t('points.red.codeHint')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('points.red.code') }) }]}
          >
            <Input className="gz-mono" autoComplete="off" placeholder="GZP1.…" />
          </Form.Item>
        ) : (
          <Form.Item name="reason" label={t('points.award.reason')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('points.award.reason') }) }]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        )}
      </Form>
      {confirming && (
        <Tooltip title={t('points.red.codeWhere')}>
          <span className="gz-muted gz-pts-sub">{t('points.red.codeWhereShort')}</span>
        </Tooltip>
      )}
    </Modal>
  );
}

// One service order in the console: the request, the timeline, and the actions the server allows;
// 派单 / 改派 open a dialog picking a party member or a service team.
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Image, Input, Modal, Radio, Row, Select, Space } from 'antd';
import { ArrowLeftOutlined, GiftFilled } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { getMenu, getOrder, listServers, listTeams, orderAction, type OrderAction, type OrderActionBody, type OrderDetail } from '../../../api/wishes.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EventTimeline, ReasonModal, StatusTag } from '../wishes/common.tsx';

const REASON: OrderAction[] = ['cancel', 'decline'];

export default function OrderPage() {
  const { t, tx, locale } = useI18n();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const res = useApi((signal) => getOrder(id, signal), [id]);
  const [fresh, setFresh] = useState<OrderDetail | null>(null);
  const [asking, setAsking] = useState<OrderAction | null>(null);
  const [dispatching, setDispatching] = useState<'dispatch' | 'reassign' | null>(null);
  const [busy, setBusy] = useState<OrderAction | null>(null);
  const o = fresh?.id === id ? fresh : res.data;

  const run = async (action: OrderAction, body: OrderActionBody = {}) => {
    setBusy(action);
    try {
      const u = await orderAction(id, action, body);
      setFresh(u);
      setAsking(null);
      setDispatching(null);
      message.success(t('order.done', { action: tx(`order.action.${action}`, action) }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  if (res.error && !o) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!o) return <Card loading />;
  // Taking, completing and rating are done on the phone by the member and the resident.
  const consoleActions = o.allowedActions.filter((a) => ['dispatch', 'reassign', 'cancel', 'decline', 'take'].includes(a));
  return (
    <div className="gz-page" data-testid="order-page" data-state={o.state}>
      <PageHeader
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} />
            {o.service.name}
            <StatusTag kind="order" state={o.state} testId="order-state" />
          </Space>
        }
        extra={
          <div className="gz-wo-actions" data-testid="order-actions">
            {consoleActions.map((a) => (
              <Button
                key={a}
                type={a === 'dispatch' || a === 'take' ? 'primary' : 'default'}
                danger={REASON.includes(a)}
                loading={busy === a}
                onClick={() => (a === 'dispatch' || a === 'reassign' ? setDispatching(a) : REASON.includes(a) ? setAsking(a) : run(a))}
                data-testid={`order-action-${a}`}
              >
                {tx(`order.action.${a}`, a)}
              </Button>
            ))}
          </div>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card className="gz-card" title={t('order.detail.title')}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('order.service')}>
                {o.service.name}（{o.service.category}）
              </Descriptions.Item>
              <Descriptions.Item label={t('order.note')}>{o.note || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('order.orderer')}>{o.orderer.name}</Descriptions.Item>
              <Descriptions.Item label={t('order.address')}>{o.address}</Descriptions.Item>
              <Descriptions.Item label={t('order.preferredTime')}>{o.preferredTime ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('order.createdAt')}>{fmtTime(o.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('order.assignee')}>
                <span data-testid="order-assignee">{o.assignee ? `${o.assignee.name}（${t(o.assignee.kind === 'team' ? 'order.team' : 'order.member')}）` : '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('order.takenBy')}>{o.takenBy?.name ?? '—'}</Descriptions.Item>
              {o.completeNote && <Descriptions.Item label={t('order.completeNote')}>{o.completeNote}</Descriptions.Item>}
              {o.attachments.length > 0 && (
                <Descriptions.Item label={t('order.photos')}>
                  <Image.PreviewGroup>
                    <Space wrap>
                      {o.attachments.map((a) => (
                        <Image key={a.id} src={a.url} alt={a.name} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 6 }} />
                      ))}
                    </Space>
                  </Image.PreviewGroup>
                </Descriptions.Item>
              )}
              {o.rating && (
                <Descriptions.Item label={t('order.rating')}>
                  <span data-testid="order-rating">
                    {tx(`order.rating.${o.rating}`, o.rating)}
                    {o.ratingComment ? `${locale === 'en' ? ': ' : '：'}${o.ratingComment}` : ''}
                  </span>
                </Descriptions.Item>
              )}
              {o.points ? (
                <Descriptions.Item label={t('wish.pointsLabel')}>
                  <span className="gz-wo-points" data-testid="order-points">
                    <GiftFilled /> {t('order.points', { n: o.points })}
                  </span>
                </Descriptions.Item>
              ) : null}
              {o.closeReason && <Descriptions.Item label={t('order.closeReason')}>{o.closeReason}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card className="gz-card" title={t('order.timeline')}>
            <EventTimeline kind="order" entries={o.timeline} />
          </Card>
        </Col>
      </Row>
      <ReasonModal open={asking !== null} title={asking ? tx(`order.action.${asking}`, asking) : ''} placeholder={t('order.reasonPlaceholder')} onCancel={() => setAsking(null)} onOk={(reason) => run(asking!, { reason })} />
      {dispatching && <DispatchModal o={o} action={dispatching} busy={busy !== null} onCancel={() => setDispatching(null)} onOk={(body) => run(dispatching, body)} />}
    </div>
  );
}

function DispatchModal({ o, action, busy, onCancel, onOk }: { o: OrderDetail; action: 'dispatch' | 'reassign'; busy: boolean; onCancel: () => void; onOk: (b: OrderActionBody) => void }) {
  const { t, tx } = useI18n();
  const community = o.community.code;
  const servers = useApi((signal) => listServers(community, signal), [community]);
  const teams = useApi((signal) => listTeams(community, signal), [community]);
  const menu = useApi((signal) => getMenu(community, signal), [community]);
  const suggested = menu.data?.items.find((m) => m.id === o.service.id)?.defaultTeam ?? null;
  const [form] = Form.useForm<{ kind: 'member' | 'team'; memberUserId?: string; teamId?: string; note?: string }>();
  const kind = Form.useWatch('kind', form) ?? 'member';
  return (
    <Modal
      open
      title={t('order.dispatch.title', { action: tx(`order.action.${action}`, action), service: o.service.name })}
      onCancel={onCancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'dispatch-ok' } as Record<string, string>}
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v) return;
        const text = v.note?.trim();
        onOk({
          ...(v.kind === 'team' ? { teamId: v.teamId } : { memberUserId: v.memberUserId }),
          ...(action === 'reassign' ? { reason: text } : text ? { note: text } : {}),
        });
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'member' }} data-testid="dispatch-form">
        <Form.Item name="kind" label={t('order.dispatch.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'member', label: <span data-testid="dispatch-kind-member">{t('order.member')}</span> },
              { value: 'team', label: <span data-testid="dispatch-kind-team">{t('order.team')}</span> },
            ]}
          />
        </Form.Item>
        {kind === 'member' ? (
          <Form.Item name="memberUserId" label={t('order.dispatch.member')} rules={[{ required: true, message: t('order.err.assignee') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={servers.loading}
              data-testid="dispatch-member"
              options={(servers.data?.items ?? []).map((s) => ({ value: s.userId, label: `${s.name}（${s.username}）${s.teams.length ? ' · ' + s.teams.join('、') : ''}` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="teamId"
            label={t('order.dispatch.team')}
            extra={suggested ? t('order.dispatch.suggested', { team: suggested.name }) : undefined}
            rules={[{ required: true, message: t('order.err.assignee') }]}
          >
            <Select
              loading={teams.loading}
              data-testid="dispatch-team"
              options={(teams.data?.items ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: `${x.name}（${x.members.length}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={action === 'reassign' ? t('order.closeReason') : t('order.dispatch.note')} rules={action === 'reassign' ? [{ required: true, whitespace: true, message: t('order.err.reason') }] : []}>
          <Input.TextArea rows={2} maxLength={500} data-testid="dispatch-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

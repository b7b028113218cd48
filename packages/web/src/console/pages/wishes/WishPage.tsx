// One micro-wish in the console: the facts, the photos of its fulfilment, the timeline, and the
// buttons of `allowedActions` (审核发布, 审核不通过 with a reason, 取消 …).
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Image, Row, Space } from 'antd';
import { ArrowLeftOutlined, GiftFilled } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client.ts';
import { getWish, wishAction, type WishAction, type WishDetail } from '../../../api/wishes.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EventTimeline, ReasonModal, StatusTag } from './common.tsx';

const NEEDS_REASON: WishAction[] = ['reject', 'cancel'];

export default function WishPage() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const res = useApi((signal) => getWish(id, signal), [id]);
  const [fresh, setFresh] = useState<WishDetail | null>(null);
  const [asking, setAsking] = useState<WishAction | null>(null);
  const [busy, setBusy] = useState<WishAction | null>(null);
  const w = fresh?.id === id ? fresh : res.data;

  const run = async (action: WishAction, body: { reason?: string } = {}) => {
    setBusy(action);
    try {
      const u = await wishAction(id, action, body);
      setFresh(u);
      setAsking(null);
      message.success(t('wish.done', { action: tx(`wish.action.${action}`, action) }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  if (res.error && !w) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!w) return <Card loading />;
  const points = w.timeline.find((e) => e.points)?.points;
  return (
    <div className="gz-page" data-testid="wish-page" data-state={w.state}>
      <PageHeader
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} />
            {w.title}
            <StatusTag kind="wish" state={w.state} testId="wish-state" />
          </Space>
        }
        extra={
          <div className="gz-wo-actions" data-testid="wish-actions">
            {w.allowedActions.map((a) => (
              <Button
                key={a}
                type={a === 'approve' ? 'primary' : 'default'}
                danger={NEEDS_REASON.includes(a)}
                loading={busy === a}
                onClick={() => (NEEDS_REASON.includes(a) ? setAsking(a) : a === 'fulfil' ? navigate(`/m/wishes/${w.id}`) : run(a))}
                data-testid={`wish-action-${a}`}
              >
                {tx(`wish.action.${a}`, a)}
              </Button>
            ))}
          </div>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card className="gz-card" title={t('wish.detail.title')}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('wish.description')}>{w.description}</Descriptions.Item>
              <Descriptions.Item label={t('wish.wisher')}>
                <span data-testid="wish-wisher">{w.wisher.name}</span>
                {w.onBehalf && <span className="gz-wo-muted">{t('wish.onBehalf')}</span>}
              </Descriptions.Item>
              <Descriptions.Item label={t('wish.area')}>{w.area.name === w.community.name ? w.area.name : `${w.community.name} · ${w.area.name}`}</Descriptions.Item>
              <Descriptions.Item label={t('wish.createdAt')}>{fmtTime(w.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('wish.claimedBy')}>{w.claimedBy?.name ?? '—'}</Descriptions.Item>
              {w.fulfilNote && <Descriptions.Item label={t('wish.fulfilNote')}>{w.fulfilNote}</Descriptions.Item>}
              {w.attachments.length > 0 && (
                <Descriptions.Item label={t('wish.photos')}>
                  <Image.PreviewGroup>
                    <Space wrap data-testid="wish-photos">
                      {w.attachments.map((a) => (
                        <Image key={a.id} src={a.url} alt={a.name} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 6 }} />
                      ))}
                    </Space>
                  </Image.PreviewGroup>
                </Descriptions.Item>
              )}
              {points ? (
                <Descriptions.Item label={t('wish.pointsLabel')}>
                  <span className="gz-wo-points" data-testid="wish-points">
                    <GiftFilled /> {t('wish.points', { n: points })}
                  </span>
                </Descriptions.Item>
              ) : null}
              {w.closeReason && <Descriptions.Item label={t('wish.closeReason')}>{w.closeReason}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card className="gz-card" title={t('wish.timeline')}>
            <EventTimeline kind="wish" entries={w.timeline} />
          </Card>
        </Col>
      </Row>
      <ReasonModal
        open={asking !== null}
        title={asking ? tx(`wish.action.${asking}`, asking) : ''}
        placeholder={t('wish.reasonPlaceholder')}
        onCancel={() => setAsking(null)}
        onOk={(reason) => run(asking!, { reason })}
      />
    </div>
  );
}

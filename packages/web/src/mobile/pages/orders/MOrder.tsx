// One service order on the phone: the request, who it was sent to, the service done, the rating,
// every step, and the buttons the server allows (take, decline, complete with photos, rate, cancel).
import { useState } from 'react';
import { Button, NavBar, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import GiftFilledSvg from '@ant-design/icons-svg/es/asn/GiftFilled';
import { useNavigate, useParams } from 'react-router-dom';
import { getOrder, orderAction, type OrderAction, type OrderActionBody, type OrderDetail, type OrderRating } from '../../../api/wishes.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MPhotoGrid } from '../cases/MPhotos.tsx';
import { MActionSheet, MEventTimeline, MStatusTag, type Need } from '../wishes/common.tsx';

const GiftFilled = phoneIcon(GiftFilledSvg);

const NEEDS: Record<OrderAction, Need[] | null> = {
  dispatch: null,
  reassign: null,
  take: [],
  decline: ['reason'],
  complete: ['note', 'photos'],
  rate: ['score', 'comment'],
  cancel: ['reason'],
};
const PRIMARY: OrderAction[] = ['take', 'complete', 'rate'];
const DANGER: OrderAction[] = ['decline', 'cancel'];
const RATINGS: OrderRating[] = ['satisfied', 'basically-satisfied', 'unsatisfied'];

export function MOrder() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const res = useApi((signal) => getOrder(id, signal), [id]);
  const [fresh, setFresh] = useState<OrderDetail | null>(null);
  const o = fresh?.id === id ? fresh : res.data;
  return (
    <div className="m-page" data-testid="m-order">
      <NavBar onBack={() => navigate(-1)} className="m-navbar">
        {t('order.detail.title')}
      </NavBar>
      {res.error && !o ? <MError error={res.error} /> : !o || o.id !== id ? <MLoading /> : <Body o={o} onUpdated={setFresh} />}
    </div>
  );
}

function Field({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="m-wo-field">
      <span>{label}</span>
      <span data-testid={testId}>{children}</span>
    </div>
  );
}

function Body({ o, onUpdated }: { o: OrderDetail; onUpdated: (o: OrderDetail) => void }) {
  const { t, tx, locale } = useI18n();
  const colon = locale === 'en' ? ': ' : '：';
  const [action, setAction] = useState<OrderAction | null>(null);
  // Dispatching is the community's work in the console.
  const actions = o.allowedActions.filter((a) => NEEDS[a] !== null);
  return (
    <div data-testid="m-order-body" data-state={o.state}>
      <div className="m-card">
        <div className="m-wo-card-head">
          <span className="m-muted">{o.service.category}</span>
          <MStatusTag kind="order" state={o.state} testId="m-order-state" />
        </div>
        <div className="m-wo-detail-title">{o.service.name}</div>
        {o.note && <div className="m-case-desc">{o.note}</div>}
        <Field label={t('order.orderer')}>{o.orderer.name}</Field>
        <Field label={t('order.address')}>{o.address}</Field>
        {o.preferredTime && <Field label={t('order.preferredTime')}>{o.preferredTime}</Field>}
        <Field label={t('order.createdAt')}>{fmtTime(o.createdAt)}</Field>
        {o.assignee && (
          <Field label={t('order.assignee')} testId="m-order-assignee">
            {o.assignee.name}
            <span className="m-muted">（{t(o.assignee.kind === 'team' ? 'order.team' : 'order.member')}）</span>
          </Field>
        )}
        {o.takenBy && (
          <Field label={t('order.takenBy')} testId="m-order-taker">
            {o.takenBy.name}
          </Field>
        )}
        {o.completeNote && (
          <div className="m-wo-result" data-testid="m-order-result">
            <div>
              <b>{t('order.completeNote')}{colon}</b>
              {o.completeNote}
            </div>
            <MPhotoGrid files={o.attachments} testId="m-order-photos" />
            {o.rating && (
              <div className="m-wo-rating" data-testid="m-order-rating">
                {t('order.rating')}{colon}{tx(`order.rating.${o.rating}`, o.rating)}
                {o.ratingComment && <span className="m-muted">（{o.ratingComment}）</span>}
              </div>
            )}
            {o.points ? (
              <div className="m-wo-points" data-testid="m-order-points">
                <GiftFilled /> {t('order.points', { n: o.points })}
              </div>
            ) : null}
          </div>
        )}
        {o.closeReason && (
          <div className="m-wo-closed">
            {t('order.closeReason')}{colon}{o.closeReason}
          </div>
        )}
      </div>
      {actions.length > 0 && (
        <div className="m-card m-actions" data-testid="m-order-actions">
          <div className="m-card-title">{t('m.order.yourActions')}</div>
          <div className="m-action-buttons">
            {actions.map((a) => (
              <Button
                key={a}
                color={PRIMARY.includes(a) ? 'primary' : DANGER.includes(a) ? 'danger' : 'default'}
                fill={PRIMARY.includes(a) ? 'solid' : 'outline'}
                onClick={() => setAction(a)}
                data-testid={`m-order-action-${a}`}
              >
                {tx(`order.action.${a}`, a)}
              </Button>
            ))}
          </div>
        </div>
      )}
      <div className="m-card">
        <div className="m-card-title">{t('order.timeline')}</div>
        <MEventTimeline kind="order" entries={o.timeline} open={!['rated', 'cancelled'].includes(o.state)} />
      </div>
      <MActionSheet
        action={action}
        title={action ? tx(`order.action.${action}`, action) : ''}
        subtitle={o.service.name}
        needs={action ? (NEEDS[action] ?? []) : []}
        danger={action ? DANGER.includes(action) : false}
        placeholders={{ reason: t('order.reasonPlaceholder'), note: t('order.notePlaceholder'), comment: t('order.commentPlaceholder') }}
        errors={{ reason: t('order.err.reason'), note: t('order.err.note'), score: t('order.err.score') }}
        scores={RATINGS.map((r) => ({ value: r, label: tx(`order.rating.${r}`, r) }))}
        onClose={() => setAction(null)}
        submit={async (body) => {
          if (!action) return;
          const u = await orderAction(o.id, action, body as OrderActionBody);
          Toast.show({ content: t('order.done', { action: tx(`order.action.${action}`, action) }), icon: 'success' });
          onUpdated(u);
        }}
      />
    </div>
  );
}

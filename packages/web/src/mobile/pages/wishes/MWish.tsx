// One micro-wish on the phone: what, who (masked unless it is yours), the photos of its fulfilment,
// every step, and the buttons the server allows (claim, fulfil with photos, confirm, cancel …).
import { useState } from 'react';
import { Button, NavBar, Toast } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import GiftFilledSvg from '@ant-design/icons-svg/es/asn/GiftFilled';
import { useNavigate, useParams } from 'react-router-dom';
import { getWish, wishAction, type WishAction, type WishDetail } from '../../../api/wishes.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { fmtTime } from '../../../lib/format.ts';
import { useApi } from '../../../lib/useApi.ts';
import { MError, MLoading } from '../../components.tsx';
import { MPhotoGrid } from '../cases/MPhotos.tsx';
import { MActionSheet, MEventTimeline, MStatusTag, type Need } from './common.tsx';

const GiftFilled = phoneIcon(GiftFilledSvg);

export const WISH_NEEDS: Record<WishAction, Need[]> = {
  approve: [],
  reject: ['reason'],
  claim: [],
  fulfil: ['note', 'photos'],
  confirm: [],
  cancel: ['reason'],
};
const PRIMARY: WishAction[] = ['approve', 'claim', 'fulfil', 'confirm'];
const DANGER: WishAction[] = ['reject', 'cancel'];

export function MWish() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const res = useApi((signal) => getWish(id, signal), [id]);
  const [fresh, setFresh] = useState<WishDetail | null>(null);
  const w = fresh?.id === id ? fresh : res.data;
  return (
    <div className="m-page" data-testid="m-wish">
      <NavBar onBack={() => navigate(-1)} className="m-navbar">
        {t('wish.detail.title')}
      </NavBar>
      {res.error && !w ? <MError error={res.error} /> : !w || w.id !== id ? <MLoading /> : <Body w={w} onUpdated={setFresh} />}
    </div>
  );
}

function Body({ w, onUpdated }: { w: WishDetail; onUpdated: (w: WishDetail) => void }) {
  const { t, tx, locale } = useI18n();
  const colon = locale === 'en' ? ': ' : '：';
  const [action, setAction] = useState<WishAction | null>(null);
  const points = w.timeline.find((e) => e.points)?.points;
  const open = !['confirmed', 'rejected', 'cancelled'].includes(w.state);
  return (
    <div data-testid="m-wish-body" data-state={w.state}>
      <div className="m-card">
        <div className="m-wo-card-head">
          <span className="m-muted">{w.community.name}</span>
          <MStatusTag kind="wish" state={w.state} testId="m-wish-state" />
        </div>
        <div className="m-wo-detail-title" data-testid="m-wish-title">
          {w.title}
        </div>
        <div className="m-case-desc">{w.description}</div>
        <div className="m-wo-field">
          <span>{t('wish.wisher')}</span>
          <span data-testid="m-wish-wisher">
            {w.wisher.name}
            {w.onBehalf && <span className="m-muted">（{t('wish.onBehalf')}）</span>}
          </span>
        </div>
        <div className="m-wo-field">
          <span>{t('wish.createdAt')}</span>
          <span>{fmtTime(w.createdAt)}</span>
        </div>
        {w.claimedBy && (
          <div className="m-wo-field">
            <span>{t('wish.claimedBy')}</span>
            <span data-testid="m-wish-claimer">{w.claimedBy.name}</span>
          </div>
        )}
        {w.fulfilNote && (
          <div className="m-wo-result" data-testid="m-wish-result">
            <div>
              <b>{t('wish.fulfilNote')}{colon}</b>
              {w.fulfilNote}
            </div>
            <MPhotoGrid files={w.attachments} testId="m-wish-photos" />
            {points ? (
              <div className="m-wo-points" data-testid="m-wish-points">
                <GiftFilled /> {t('wish.points', { n: points })}
              </div>
            ) : null}
          </div>
        )}
        {w.closeReason && (
          <div className="m-wo-closed">
            {t('wish.closeReason')}{colon}{w.closeReason}
          </div>
        )}
      </div>
      {w.allowedActions.length > 0 && (
        <div className="m-card m-actions" data-testid="m-wish-actions">
          <div className="m-card-title">{t('m.wish.yourActions')}</div>
          <div className="m-action-buttons">
            {w.allowedActions.map((a) => (
              <Button
                key={a}
                color={PRIMARY.includes(a) ? 'primary' : DANGER.includes(a) ? 'danger' : 'default'}
                fill={PRIMARY.includes(a) ? 'solid' : 'outline'}
                onClick={() => setAction(a)}
                data-testid={`m-wish-action-${a}`}
              >
                {tx(`wish.action.${a}`, a)}
              </Button>
            ))}
          </div>
        </div>
      )}
      <div className="m-card">
        <div className="m-card-title">{t('wish.timeline')}</div>
        <MEventTimeline kind="wish" entries={w.timeline} open={open} />
      </div>
      <MActionSheet
        action={action}
        title={action ? tx(`wish.action.${action}`, action) : ''}
        subtitle={w.title}
        needs={action ? WISH_NEEDS[action] : []}
        hint={action === 'confirm' ? t('wish.hint.confirm') : action === 'claim' ? t('wish.hint.claim') : undefined}
        danger={action ? DANGER.includes(action) : false}
        placeholders={{ reason: t('wish.reasonPlaceholder'), note: t('wish.notePlaceholder') }}
        errors={{ reason: t('wish.err.reason'), note: t('wish.err.note') }}
        onClose={() => setAction(null)}
        submit={async (body) => {
          if (!action) return;
          const u = await wishAction(w.id, action, body);
          Toast.show({ content: t('wish.done', { action: tx(`wish.action.${action}`, action) }), icon: 'success' });
          onUpdated(u);
        }}
      />
    </div>
  );
}

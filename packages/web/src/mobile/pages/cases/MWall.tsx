import { useRef, useState } from 'react';
import { ErrorBlock, InfiniteScroll } from 'antd-mobile';
import { phoneIcon } from '../../icon.tsx';
import CommentOutlinedSvg from '@ant-design/icons-svg/es/asn/CommentOutlined';
import EnvironmentOutlinedSvg from '@ant-design/icons-svg/es/asn/EnvironmentOutlined';
import { useSearchParams } from 'react-router-dom';
import { get } from '../../../api/client.ts';
import type { CaseWall, WallItem } from '../../../api/cases.ts';
import { useT } from '../../../i18n/index.tsx';
import { fmtDate, fmtNumber } from '../../../lib/format.ts';
import { MRating } from './common.tsx';
import { MReceptionStrip } from './MReception.tsx';
import { MPropertyListsStrip } from '../property/MPropertyLists.tsx';
import { MWallBoard } from '../projects/MWallBoard.tsx';
import { preloadedFor } from '../../../api/preload.ts';
import { WALL_PAGE, wallPage } from './wallRequests.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { Later } from '../../later.tsx';

const CommentOutlined = phoneIcon(CommentOutlinedSvg);
const EnvironmentOutlined = phoneIcon(EnvironmentOutlinedSvg);

const hasMore = (r: CaseWall, page: number) => r.items.length === WALL_PAGE && page * WALL_PAGE < r.total;

/** 回音壁: closed cases whose reporters agreed to publish them, with the answer and the rating. */
export function MWall() {
  const t = useT();
  const [params] = useSearchParams();
  const area = params.get('area') ?? undefined;
  const { me } = useAuth();
  // Decisions and projects: the area of the link (a notice's QR code), else the signed-in resident's own.
  const boardArea = area ?? me?.scope.code;
  // The first page: the one the page arrived with, if the server drew it (api/preload.ts).
  const [first] = useState(() => preloadedFor<CaseWall>(wallPage(area, 1)));
  const [items, setItems] = useState<WallItem[]>(first?.items ?? []);
  const [total, setTotal] = useState<number | null>(first?.total ?? null);
  const page = useRef(first ? 1 : 0);
  const [more, setMore] = useState(first ? hasMore(first, 1) : true);
  const [error, setError] = useState<string | null>(null);

  const loadMore = async () => {
    try {
      const next = page.current + 1;
      const req = wallPage(area, next);
      const r = await get<CaseWall>(req.path, req.query);
      page.current = next;
      setItems((xs) => [...xs, ...r.items.filter((i) => !xs.some((x) => x.code === i.code))]);
      setTotal(r.total);
      setMore(hasMore(r, next));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setMore(false);
    }
  };

  return (
    <div className="m-page m-wall" data-testid="m-wall">
      <div className="m-report-hero m-wall-hero">
        <div className="m-report-hero-title">{t('m.case.wallTitle')}</div>
        <div className="m-report-hero-sub">{t('m.case.wallSub')}</div>
        {total !== null && <div className="m-wall-total">{t('m.case.wallTotal', { n: fmtNumber(total) })}</div>}
      </div>
      <div className="m-wall-list">
        <MReceptionStrip />
        <MPropertyListsStrip />
        <MWallBoard area={boardArea} />
        {items.map((w) => (
          // Each card taken over in a task of its own when the page arrived drawn (mobile/later.tsx).
          <Later key={w.code}>
            <div className="m-card m-wall-card" data-testid="m-wall-item" data-code={w.code}>
              <div className="m-wall-head">
                <span className="m-wall-cat">{w.categoryName}</span>
                <span className="m-wall-state">{w.state}</span>
              </div>
              <div className="m-wall-title">{w.title}</div>
              <div className="m-wall-meta">
                <EnvironmentOutlined /> {w.place || '—'}
                <span className="m-dot">·</span>
                {fmtDate(w.reportedAt)}
              </div>
              <div className="m-wall-desc">{w.description}</div>
              {w.answer && (
                <div className="m-wall-answer">
                  <div className="m-wall-answer-label">
                    <CommentOutlined /> {t('m.case.answer')}
                    <span className="m-muted">{t('m.case.closedOn', { d: fmtDate(w.closedAt) })}</span>
                  </div>
                  {w.answer}
                </div>
              )}
              <div className="m-wall-foot">
                {w.rating ? <MRating rating={w.rating} /> : <span className="m-muted">{t('case.wall.notRated')}</span>}
                {w.ratingComment && <span className="m-wall-comment">“{w.ratingComment}”</span>}
              </div>
            </div>
          </Later>
        ))}
        {error && <ErrorBlock status="default" title={t('error.title')} description={error} />}
        {!error && total === 0 && <ErrorBlock status="empty" title={t('case.wall.empty')} description={t('m.case.wallEmptyNote')} />}
        <InfiniteScroll loadMore={loadMore} hasMore={more}>
          {more ? null : items.length > 0 ? <span className="m-muted">{t('common.noMore')}</span> : null}
        </InfiniteScroll>
      </div>
    </div>
  );
}

// The phone's list pages (问卷调查, 议事表决, 敲门行动, 基层减负): the bar with the page's title and the way back, the
// list's states (the load error, loading, nothing to show, the items), and the tappable card of an entry.
import type { ReactNode } from 'react';
import { Button, ErrorBlock, List, NavBar } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n/index.tsx';
import { MError, MLoading } from './components.tsx';

/** A phone page headed by the bar with its title; back goes to `back` (the home page by default). */
export function MListPage({ testId, title, back = '/m', children }: { testId: string; title: ReactNode; back?: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <div className="m-page" data-testid={testId}>
      <NavBar onBack={() => navigate(back)} className="m-navbar">
        {title}
      </NavBar>
      {children}
    </div>
  );
}

/**
 * A list's answer shown as it stands: its error, loading until the first answer, `empty` when it has no entries,
 * else the entries (`children`).
 */
export function MListState({ res, count, empty, children }: { res: { error?: Error; data?: unknown }; count: number; empty: ReactNode; children: ReactNode }) {
  if (res.error) return <MError error={res.error} />;
  if (!res.data) return <MLoading />;
  if (count === 0) return <>{empty}</>;
  return <>{children}</>;
}

/** "Nothing here" of a list of cards (a short line) or of a `List` (antd-mobile's empty block). */
export function MEmpty({ text, testId, block = false }: { text: string; testId?: string; block?: boolean }) {
  if (block) return <ErrorBlock status="empty" title={text} description="" />;
  return (
    <div className="m-wo-empty" data-testid={testId}>
      {text}
    </div>
  );
}

/** An entry of a list of cards: its title with a tag, a line of facts below; the whole card opens it. */
export function MListCard({ title, tag, meta, onClick, testId }: { title: ReactNode; tag: ReactNode; meta: ReactNode; onClick: () => void; testId: string }) {
  return (
    <button type="button" className="m-wo-card" style={{ textAlign: 'left', border: 'none', width: '100%' }} onClick={onClick} data-testid={testId}>
      <div className="m-wo-card-head">
        <span className="m-wo-card-title">{title}</span>
        {tag}
      </div>
      <div className="m-wo-card-meta">{meta}</div>
    </button>
  );
}

/** The last item of a paged list while more entries wait on the server: a button that loads the next page. */
export function MLoadMore({ shown, total, loading, onMore }: { shown: number; total: number; loading: boolean; onMore: () => void }) {
  const t = useT();
  if (shown >= total) return null;
  return (
    <List.Item>
      <Button block fill="none" color="primary" loading={loading} onClick={onMore}>
        {t('common.loadMore')}
      </Button>
    </List.Item>
  );
}

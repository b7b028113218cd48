import { useLocation } from 'react-router-dom';
import { PageHeader } from './components/PageHeader.tsx';
import './frame.css';

/** A page's heading in the outline (a fixed one, pageHeads.ts, or the cockpit's), and in English for the frame's script. */
export interface FrameHead {
  title: string;
  desc?: string;
  /** The server draws Chinese; the frame's script (firstFrame.tsx) puts these in before the first paint for English. */
  en?: { title: string; desc?: string };
}

/**
 * The console's outline: its red header with the mark, the white menu column and the grey page with a title and two
 * cards, in plain CSS (frame.css) and without words — but for a page whose heading is known before its data (fixed
 * words, pageHeads.ts; the cockpit's period): that heading is drawn as the page draws it (PageHeader). The server draws
 * it into the page of a visitor with a session (packages/web/first-frame.ts, docs/PERFORMANCE.md "The console's
 * frame"): it is painted as soon as the stylesheets are here, before any script. The app draws the same markup while the console's
 * code or the session are still on their way (main.tsx, ConsoleApp.tsx), so nothing on screen changes until the console
 * replaces it.
 */
export function ConsoleFrame({ head }: { head?: FrameHead }) {
  return (
    <div className="gz-frame" aria-busy="true" data-testid="console-frame">
      <div className="gz-frame-header">
        <span className="gz-brand-mark">共</span>
      </div>
      <div className="gz-frame-body">
        <div className="gz-frame-sider">
          {MENU_ROWS.map((row) => (
            <div key={row} className="gz-frame-item" />
          ))}
        </div>
        <div className="gz-frame-content">
          {head ? (
            <PageHeader
              title={<span data-en={head.en?.title}>{head.title}</span>}
              description={head.desc && <span data-en={head.en?.desc}>{head.desc}</span>}
            />
          ) : (
            <div className="gz-frame-title" />
          )}
          <div className="gz-frame-card" />
          <div className="gz-frame-card gz-frame-card-tall" />
        </div>
      </div>
    </div>
  );
}

/**
 * The heading the server drew into this page's outline (a fixed one, or the cockpit's: packages/web/first-frame.ts,
 * mobile/firstFrame.tsx), in the words its script left there, read once before the app's first render replaces the
 * outline with its own.
 */
const drawnHead = ((): { path: string; head: FrameHead } | undefined => {
  if (typeof document === 'undefined') return undefined;
  const title = document.querySelector('#root > .gz-frame .gz-page-title')?.textContent;
  if (!title) return undefined;
  const desc = document.querySelector('#root > .gz-frame .gz-page-desc')?.textContent ?? undefined;
  return { path: window.location.pathname, head: { title, desc } };
})();

/** The outline as the app draws it while its code or the session are on their way: with the heading the server drew. */
export function AppConsoleFrame() {
  const path = useLocation().pathname;
  return <ConsoleFrame head={drawnHead?.path === path ? drawnHead.head : undefined} />;
}

/** The menu's rows in the outline (of different lengths, as its entries are: frame.css). */
const MENU_ROWS = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * The paths the server draws the frame on for a visitor with a session: every console page, but not the login page (no
 * session yet, or about to end), the big screen (dark and full-screen: ScreenPage) and the phone pages (their own frames).
 */
export const CONSOLE_FRAME_EXCEPT = ['/login', '/screen', '/m'];

import { useLocation } from 'react-router-dom';
import { useI18n } from '../i18n/index.tsx';
import { PageHeader } from './components/PageHeader.tsx';
import { pageHeadOf } from './pageHeads.ts';
import './frame.css';

/** A page's fixed heading in the outline (pageHeads.ts), in the language shown, and in English for the frame's script. */
export interface FrameHead {
  title: string;
  desc?: string;
  /** The server draws Chinese; the frame's script (firstFrame.tsx) puts these in before the first paint if English was chosen. */
  en?: { title: string; desc?: string };
}

/**
 * The console's outline: its red header with the mark, the white menu column and the grey page with a title and two
 * cards, in plain CSS (frame.css) and without words, so it is the same in either language — but for a page whose heading
 * is fixed words (pageHeads.ts): that heading is drawn as the page draws it (PageHeader). The server draws it into
 * the page of a visitor with a session (packages/web/first-frame.ts, docs/PERFORMANCE.md "The console's frame"): it is
 * painted as soon as the stylesheets are here, before any script. The app draws the same markup while the console's
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

/** The outline as the app draws it while its code or the session are on their way: with the heading of the page shown. */
export function AppConsoleFrame() {
  const { t } = useI18n();
  const h = pageHeadOf(useLocation().pathname);
  return <ConsoleFrame head={h && { title: t(h.title), desc: h.desc && t(h.desc) }} />;
}

/** The menu's rows in the outline (of different lengths, as its entries are: frame.css). */
const MENU_ROWS = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * The paths the server draws the frame on for a visitor with a session: every console page, but not the login page (no
 * session yet, or about to end), the big screen (dark and full-screen: ScreenPage) and the phone pages (their own frames).
 */
export const CONSOLE_FRAME_EXCEPT = ['/login', '/screen', '/m'];

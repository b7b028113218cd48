// The first frame of the public phone pages (扫码上报, 查进度, 回音壁), rendered at build time from the same
// components the app renders first (docs/PERFORMANCE.md, "First frame"): the brand bar, the first-visit 长辈版
// question, the page's grey outline and the tab bar. The server puts it inside <div id="root">, so a cold phone
// paints the page's frame as soon as the HTML and its stylesheets are in, instead of after every script has
// arrived and run; the app then renders the same frame in its place (main.tsx waits for the phone app's code
// before its first render, so no spinner comes in between) and goes on from there.
//
// 回音壁 and 扫码上报 are drawn whole at request time instead (`renderPage`, with the answers of their first requests):
// 回音壁's largest paint is its cards, which no frame made at build time can hold; the report form is taken over as
// drawn instead of drawn again in the browser (docs/PERFORMANCE.md, "扫码上报 drawn with its form").
//
// Built by `first-frame.ts` (a Vite plugin) with Vite's server-side build; never part of the browser's bundle. The
// build keeps the module as `dist/ssr/render.mjs` for the server (http/rendered-pages.ts), which never serves it.
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { Route, Routes, StaticRouter } from 'react-router-dom';
import { I18nProvider, LOCALE_KEY, ensureDicts, initialDictPart, translator, type TFunction } from '../i18n/index.tsx';
import { AuthProvider } from '../auth/AuthContext.tsx';
import { ElderProvider, ELDER_MODE_KEY, ELDER_SIZE_KEY, ELDER_DEFAULT_SIZE } from './elder.tsx';
import { MPublicShell } from './pages/cases/MPublicShell.tsx';
import { MPageSkeleton } from './lazyPage.tsx';
import { MWall } from './pages/cases/MWall.tsx';
import { MReport } from './pages/cases/MReport.tsx';
import { wallFirstRequests } from './pages/cases/wallRequests.ts';
import { reportFirstRequests } from './pages/cases/reportRequests.ts';
import { providePreloaded, requestUrl, type FirstRequest } from '../api/preload.ts';
import { ConsoleFrame, type FrameHead } from '../console/ConsoleFrame.tsx';
import { PAGE_HEADS, type PageHead } from '../console/pageHeads.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { en } from '../i18n/en.ts';
import { periodLine, periodOf } from '../console/pages/cockpit/data.ts';
import { COCKPIT_ABILITY } from '../console/pages/cockpit/access.ts';

export { CONSOLE_FRAME_EXCEPT } from '../console/ConsoleFrame.tsx';

/** The dictionaries an outline's heading is drawn from: Chinese on the page, English for the frame's script. */
const ZH = translator(zhCN);
const EN = translator(en);

/** A heading in both languages, its words chosen by `words` from either dictionary. */
const bilingual = (words: (t: TFunction) => { title: string; desc?: string }): FrameHead => ({ ...words(ZH), en: words(EN) });

/**
 * The console's outline (console/ConsoleFrame.tsx), which the server draws into a console page for a visitor with a
 * session; with `path`, the outline of that page, with its fixed heading (console/pageHeads.ts).
 */
export function renderConsoleFrame(path?: string): string {
  const h: PageHead | undefined = path ? (PAGE_HEADS as Record<string, PageHead>)[path] : undefined;
  return renderToString(<ConsoleFrame head={h && bilingual((t) => ({ title: t(h.title), desc: h.desc && t(h.desc) }))} />);
}

/** The console pages whose outline carries their heading (console/pageHeads.ts): each gets a frame of its own. */
export const CONSOLE_HEAD_PATHS = Object.keys(PAGE_HEADS);

/**
 * Console pages whose first heading depends on the address and the day, drawn into their outline at request time for
 * a visitor whose session has the ability the page's route asks for (packages/server/src/http/rendered-pages.ts): the
 * cockpit, whose heading names its period (this month by default, in China's calendar) and the one it is compared with.
 * `prefix` covers the path and the paths under it (`/cockpit/320614103`).
 */
export const SESSION_FRAMES = [{ prefix: '/cockpit', ability: COCKPIT_ABILITY }] as const;

/**
 * The outline of a page SESSION_FRAMES covers (the server picks it), with the heading its first render draws
 * (CockpitPage: before its data, `cockpit.menu`).
 */
export function renderSessionFrame(_pathname: string, search: string): string {
  const period = periodOf(new URLSearchParams(search));
  return renderToString(<ConsoleFrame head={bilingual((t) => ({ title: t('cockpit.menu'), desc: periodLine(t, period) }))} />);
}

/** The public pages that get a first frame (each also a route-hints prefix). */
export const FRAME_PATHS = ['/m/report', '/m/track', '/m/wall'] as const;

/**
 * The pages the server draws at request time, with the answers of their first requests (api/preload.ts): 回音壁, whose
 * largest paint is its cards, not its frame, and 扫码上报, whose form the app then takes over instead of drawing it
 * (with its layout) a second time. 查进度 keeps its frame.
 */
export const RENDERED_PATHS = ['/m/report', '/m/wall'] as const;

/** Each rendered page: its route under /m and what its first render asks for without a session. */
const RENDERED: Record<(typeof RENDERED_PATHS)[number], { route: string; element: ReactNode; requests: (search: URLSearchParams) => FirstRequest[] }> = {
  '/m/report': { route: 'report', element: <MReport />, requests: reportFirstRequests },
  '/m/wall': { route: 'wall', element: <MWall />, requests: wallFirstRequests },
};

const renderedPage = (pathname: string) => (RENDERED_PATHS as readonly string[]).includes(pathname) ? RENDERED[pathname as keyof typeof RENDERED] : undefined;

function Page({ location, children }: { location: string; children: ReactNode }) {
  return (
    <I18nProvider>
      <AuthProvider>
        <StaticRouter location={location}>
          <ElderProvider>
            {/* inert: a tap on the frame's buttons, which have no code behind them yet, goes nowhere, and a test
                waiting to click one waits for the app's own */}
            <div className="m-app" inert>
              <Routes>
                <Route path="/m" element={<MPublicShell />}>
                  {children}
                </Route>
              </Routes>
            </div>
          </ElderProvider>
        </StaticRouter>
      </AuthProvider>
    </I18nProvider>
  );
}

/** The frame of one public page: the phone app's own markup, as its first render draws it for a first visit. */
export async function renderFirstFrame(pathname: string): Promise<string> {
  await ensureDicts('public');
  return renderToString(
    <Page location={pathname}>
      <Route path="*" element={<MPageSkeleton />} />
    </Page>,
  );
}

/** The GET requests (URLs) the first render of a rendered page makes for a visitor without a session. */
export function firstRequests(pathname: string, search: string): string[] {
  return renderedPage(pathname)?.requests(new URLSearchParams(search)).map(requestUrl) ?? [];
}

/** A rendered page, drawn as the app's first render draws it with `answers` (by URL; a missing one shows as loading). */
export async function renderPage(pathname: string, search: string, answers: Record<string, unknown>): Promise<string> {
  const page = renderedPage(pathname);
  if (!page) throw new Error(`not a rendered page: ${pathname}`);
  // The part the browser will have (i18n/index.tsx): the app's first render then draws the same words.
  await ensureDicts(initialDictPart(pathname));
  // renderToString is synchronous: no other request's answers can come in between.
  providePreloaded(answers);
  try {
    return renderToString(
      <Page location={`${pathname}${search}`}>
        <Route path={page.route} element={page.element} />
      </Page>,
    );
  } finally {
    providePreloaded({});
  }
}

/**
 * The script that follows the frame (inline, allowed by its hash in the Content-Security-Policy). First, on a phone
 * page, what the frame cannot know on the server, read from the phone's storage before the first paint: someone who
 * answered the 长辈版 question does not see it again, 长辈版 is drawn large at once, and someone who chose English gets
 * no Chinese frame (the console's outline has no words and stays, but for a page's heading, put in English). Then, once
 * the frame is on screen, the app's scripts: the server moves them (the entry and the files the page loads first) into
 * <template id="gz-after-paint">, so that the frame's stylesheets have the link to themselves and the frame shows
 * before some 200 KiB (a phone page) or 600 KiB (a console page) of script have arrived; the app then loads while the
 * frame is on screen.
 */
function adaptFrame(keys: { phone: boolean; elder: string; size: string; locale: string; defaultSize: number }) {
  const root = document.getElementById('root');
  if (keys.phone) {
    try {
      const mode = localStorage.getItem(keys.elder);
      if (localStorage.getItem(keys.locale) === 'en') {
        if (root) root.textContent = '';
      } else if (mode !== null) {
        root?.querySelector('[data-testid="elder-prompt"]')?.remove();
        if (mode === 'on') {
          document.documentElement.classList.add('m-elder-root');
          root?.firstElementChild?.classList.add('m-elder');
          document.documentElement.style.setProperty('--m-elder-font', `${Number(localStorage.getItem(keys.size)) || keys.defaultSize}px`);
        }
      }
    } catch {
      // no storage (private mode): the frame as the server drew it
    }
  } else {
    // The console's outline: a page's heading (console/pageHeads.ts) in English for whoever chose it.
    try {
      if (localStorage.getItem(keys.locale) === 'en') {
        root?.querySelectorAll<HTMLElement>('[data-en]').forEach((el) => {
          el.textContent = el.dataset.en ?? '';
        });
      }
    } catch {
      // no storage: the Chinese heading
    }
  }
  let later = document.getElementById('gz-after-paint') as HTMLTemplateElement | null;
  const load = () => {
    if (!later) return;
    const waiting = Array.from(later.content.children);
    later.remove();
    later = null;
    // The app waits for the last of them before its first dynamic imports (lib/loaded.ts `frameLoaded`).
    let loaded = () => {};
    (window as { gzFrameLoads?: Promise<void> }).gzFrameLoads = new Promise<void>((resolve) => (loaded = resolve));
    // Fresh elements (a script parsed inside a template would never run), one per task, the app's entry first: some
    // fifteen of them added at once made one task of 20 to 150 ms with the CPU slowed four times, right after the first
    // paint. In a tab not shown, all at once: nobody is tapping, and its timers run once a second.
    const next = () => {
      do {
        const old = waiting.shift();
        if (!old) return loaded();
        const el = document.createElement(old.tagName);
        for (const a of Array.from(old.attributes)) el.setAttribute(a.name, a.value);
        document.head.appendChild(el);
      } while (document.hidden);
      setTimeout(next, 0);
    };
    next();
  };
  // Once the frame is on screen: when the browser reports its first contentful paint (the moment the frame was shown,
  // which comes after it was drawn; a timer set in an animation frame ran in between at times, and Lighthouse's model
  // of a slow phone then counted the 150 KiB of script asked for as needed for the first paint: 1.5 s instead of 0.9).
  // At once without a frame (English: the root was emptied above); where the browser does not report paints, a timer
  // set in an animation frame; 300 ms later at the latest (a tab that is not shown paints nothing).
  if (!root?.firstChild) load();
  else if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      load();
    }).observe({ type: 'paint', buffered: true });
  } else requestAnimationFrame(() => setTimeout(load, 0));
  setTimeout(load, 300);
}

const frameScript = (phone: boolean) =>
  `(${adaptFrame.toString()})(${JSON.stringify({ phone, elder: ELDER_MODE_KEY, size: ELDER_SIZE_KEY, locale: LOCALE_KEY, defaultSize: ELDER_DEFAULT_SIZE })})`;

/** The script after a public phone page's frame. */
export const FIRST_FRAME_SCRIPT = frameScript(true);

/** The script after the console's outline: a heading in English if chosen, then its scripts once it is on screen. */
export const CONSOLE_FRAME_SCRIPT = frameScript(false);

// The headings of console pages that are fixed words, by path. The page draws its heading from here, and the server
// draws the same heading into the page's outline (ConsoleFrame, packages/web/first-frame.ts), so that a cold visit shows
// the page's title and its line of explanation with the first paint, before any script (docs/PERFORMANCE.md, "The
// console's frame"). Only pages every console account may open: a page that turns a visitor away would first show its
// heading. A page whose heading depends on its data keeps the outline's grey bar; the cockpit's, which depends on the
// address and the day, is drawn at request time (mobile/firstFrame.tsx `renderSessionFrame`).
import type { MessageKey } from '../i18n/index.tsx';

export interface PageHead {
  title: MessageKey;
  desc?: MessageKey;
}

export const PAGE_HEADS = {
  '/cases': { title: 'menu.cases', desc: 'case.inbox.desc' },
  '/wall': { title: 'menu.wall', desc: 'case.wall.desc' },
} as const satisfies Record<string, PageHead>;

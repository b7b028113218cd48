// The crawl (e2e/crawl.ts) of half 2 of the demo accounts.
import { useBrowserSession } from './browser.ts';
import { crawl, HALVES } from './crawl.ts';

useBrowserSession();
crawl(HALVES[1]!);

// How both builds of the web app (vite.config.ts, and vite.public.config.ts for the public phone pages) cut their code
// into files: the same groups, so that a page of either build loads the same few chunks.
import type { BuildEnvironmentOptions } from 'vite';

export const rolldownOptions: BuildEnvironmentOptions['rolldownOptions'] = {
  // The domain package is constants and pure functions: a page that imports one list from its index carries that
  // list, not the catalogue, the holidays and the geometry code the index also names.
  treeshake: { moduleSideEffects: (id: string) => !/[\\/]packages[\\/]domain[\\/]src[\\/]/.test(id) },
  output: {
    // React and Leaflet get chunks of their own; antd is left to automatic splitting so that the
    // mobile pages (which share only a few icons with the console) never download the console's UI kit.
    codeSplitting: {
      groups: [
        { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|preact)[\\/]/, priority: 30 },
        { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 20 },
        {
          name: 'shared-libs',
          test: /node_modules[\\/](dayjs|classnames|clsx|tslib|@babel[\\/]runtime|react-is|use-sync-external-store)[\\/]/,
          priority: 28,
        },
        // The icon drawings (@ant-design/icons-svg) that both the staff's phone pages (mobile/icon.tsx draws them) and the
        // console's icons use, in one small chunk (~12 KiB): the console's kit (below) takes in what its modules import,
        // and a phone page would otherwise load the whole kit for one drawing. The public pages' own build has no console:
        // there this group is empty and their drawings stay with their pages.
        {
          name: (id, ctx) => {
            if (!/@ant-design[\\/]icons-svg[\\/]es[\\/]asn[\\/]/.test(id)) return null;
            const importers = ctx.getModuleInfo(id)?.importers ?? [];
            const byConsole = importers.some((i) => /node_modules[\\/]@ant-design[\\/]icons[\\/]/.test(i));
            const byPhone = importers.some((i) => !/node_modules/.test(i));
            return byConsole && byPhone ? 'icons-shared' : null;
          },
          priority: 29,
        },
        // antd's and antd-mobile's number inputs share this one: a chunk of its own keeps it out of the phone's kit.
        { name: 'decimal', test: /node_modules[\\/]@rc-component[\\/]mini-decimal[\\/]/, priority: 27 },
        // antd-mobile and what only it uses, in one chunk (one request instead of ~40). Nothing the console imports
        // may match: the chunk carries antd-mobile's global CSS (its `a` colour among it), which would restyle the
        // console (e2e/perf.e2e.test.ts checks that the console never loads it).
        // What the public pages (扫码上报, 查进度) use of antd-mobile, with everything those components import: a QR-code
        // visitor does not download the forms, pickers and lists of the staff pages (docs/PERFORMANCE.md).
        {
          name: 'mobile-kit-public',
          test: /node_modules[\\/]antd-mobile[\\/]es[\\/]components[\\/](config-provider|dot-loading|tab-bar|button|input|switch|text-area|toast|image|image-uploader|image-viewer|cascader-view|list|popup|search-bar|steps|tag)[\\/]|node_modules[\\/]antd-mobile[\\/]es[\\/](global|locales)[\\/]/,
          priority: 26,
        },
        // 回音壁's three components beyond the public kit (its list that loads more as it scrolls, the projects' progress
        // bars, and the empty state, whose four drawings are ~9 KiB), apart: the wall does not load the staff kit, nor the
        // report page these. Staff pages with an empty state load this small chunk too.
        {
          name: 'mobile-kit-wall',
          test: /node_modules[\\/]antd-mobile[\\/]es[\\/]components[\\/](infinite-scroll|progress-bar|error-block)[\\/]/,
          priority: 26,
        },
        // The console's kit: antd with its components, its style engine, its icons and what only they use, in one
        // chunk. Automatic splitting cut it into ~60 chunks per console page (a page loaded ~80 files), and on HTTP/1.1
        // six at a time is ~15 round trips before the first render. Below the phone's kits in priority: what those
        // match stays theirs, so no phone page loads this chunk (e2e/perf.e2e.test.ts checks what phone pages load).
        {
          name: 'antd',
          test: /node_modules[\\/](antd|@ant-design[\\/](icons|cssinjs|cssinjs-utils|colors|fast-color|react-slick)|@rc-component|rc-[^\\/]+|@emotion[\\/](hash|unitless)|stylis|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|json2mq|string-convert|copy-to-clipboard|toggle-selection)[\\/]/,
          priority: 24,
        },
        {
          name: 'mobile-kit',
          test: /node_modules[\\/](antd-mobile|antd-mobile-icons|antd-mobile-v5-count|@floating-ui|@react-spring|@use-gesture|ahooks|deepmerge|nano-memoize|rc-field-form|async-validator|rc-segmented|rc-util|react-fast-compare|runes2|staged-components|resize-observer-polyfill|lodash|js-cookie|screenfull|intersection-observer)[\\/]/,
          priority: 25,
        },
      ],
    },
  },
};

// The red and black lists (红黑榜) on the public wall, in a module of its own: 回音壁 is a public page, and the
// inspection form beside it in MProperty.tsx brings the staff pages' share of antd-mobile (docs/PERFORMANCE.md).
import { publicLists, publicListsRequest, type PropertyLists } from '../../../api/property.ts';
import { preloadedFor } from '../../../api/preload.ts';
import { useT } from '../../../i18n/index.tsx';
import { useApi } from '../../../lib/useApi.ts';
import './property-lists.css';

/** The red and black lists (红黑榜) on the public wall: the latest year the housing department confirmed. */
export function MPropertyListsStrip() {
  const t = useT();
  const lists = useApi((signal) => publicLists(signal), [], preloadedFor<PropertyLists>(publicListsRequest));
  const d = lists.data;
  if (!d || !d.year || (!d.red.length && !d.black.length)) return null;
  return (
    <div className="m-card m-prop-lists" data-testid="m-property-lists">
      <div className="m-card-title">{t('prop.wall.title')}</div>
      <div className="m-prop-lists-sub">{t('prop.wall.year', { year: d.year })}</div>
      {(['red', 'black'] as const).map(
        (list) =>
          d[list].length > 0 && (
            <div key={list} className={`m-prop-list m-prop-list-${list}`}>
              <span className="m-prop-list-head">{t(`prop.wall.${list}`)}</span>
              {d[list].map((c) => (
                <span key={c.name} className="m-prop-list-name">
                  {c.name}
                </span>
              ))}
            </div>
          ),
      )}
    </div>
  );
}

import { useState } from 'react';
import { InfiniteScroll, List, NavBar, SearchBar, Tag } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { get } from '../../api/client.ts';
import type { PeopleList as PeoplePage, Person } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { fmtNumber } from '../../lib/format.ts';
import { useDictionaries, useLabels } from '../../lib/labels.ts';
import { MError } from '../components.tsx';

const PAGE_SIZE = 20;

export function MPeople() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  return (
    <div className="m-page">
      <NavBar backIcon={false} className="m-navbar">
        {t('m.people')}
      </NavBar>
      <div className="m-search">
        <SearchBar
          placeholder={t('m.search')}
          defaultValue={q}
          onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {}, { replace: true })}
          onClear={() => setParams({}, { replace: true })}
          data-testid="m-search"
        />
      </div>
      {/* A new query starts a fresh list. */}
      <PeopleList key={q} q={q} />
    </div>
  );
}

function PeopleList({ q }: { q: string }) {
  const t = useT();
  const labels = useLabels();
  const dict = useDictionaries();
  const navigate = useNavigate();
  const [items, setItems] = useState<Person[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(true);
  const [error, setError] = useState<Error | null>(null);

  const loadMore = async () => {
    try {
      const next = page + 1;
      const r = await get<PeoplePage>('/api/people', { q: q || undefined, page: next, pageSize: PAGE_SIZE });
      setItems((prev) => [...prev, ...r.items]);
      setTotal(r.total);
      setPage(next);
      setHasMore(next * PAGE_SIZE < r.total);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
      setHasMore(false);
    }
  };

  if (error) return <MError error={error} />;
  return (
    <>
      {total !== null && (
        <div className="m-result-count" data-testid="m-result-count">
          {t('m.resultCount', { n: fmtNumber(total) })}
        </div>
      )}
      <List className="m-list m-people" data-testid="m-people-list">
        {items.map((p) => (
          <List.Item
            key={p.id}
            onClick={() => navigate(`/m/people/${p.id}`)}
            description={
              <div className="m-person-desc">
                <div className="m-mono" data-testid="m-person-id">
                  {p.idNumber ?? '—'}
                </div>
                <div className="m-person-addr">{p.address ?? '—'}</div>
              </div>
            }
            extra={
              <div className="m-person-tags">
                {p.partyMember && (
                  <Tag color="danger" fill="solid">
                    {t('person.partyMember')}
                  </Tag>
                )}
                {p.tags.slice(0, 2).map((c) => (
                  <Tag key={c} color="warning" fill="outline">
                    {dict.tagLabel(c)}
                  </Tag>
                ))}
              </div>
            }
            data-testid="m-person-item"
          >
            <span className="m-person-name">{p.name}</span>
            <span className="m-person-meta">
              {labels.gender(p.gender)}
              {p.age !== null ? ` · ${t('person.ageValue', { n: p.age })}` : ''} · {labels.residence(p.residenceType)}
            </span>
          </List.Item>
        ))}
      </List>
      <InfiniteScroll loadMore={loadMore} hasMore={hasMore}>
        {hasMore ? <span className="m-muted">{t('common.loading')}</span> : <span className="m-muted">{items.length ? t('common.noMore') : t('common.empty')}</span>}
      </InfiniteScroll>
    </>
  );
}

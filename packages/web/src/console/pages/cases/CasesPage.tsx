import { type HTMLAttributes } from 'react';
import { Button, Card, DatePicker, Form, Input, Segmented, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { ExclamationCircleFilled, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { CHANNELS, listCases, prefetchCases, type CaseQuery, type CaseState, type CaseSummary, type Channel } from '../../../api/cases.ts';
import { useAuth, useMe } from '../../../auth/AuthContext.tsx';
import { useT } from '../../../i18n/index.tsx';
import { fmtNumber, fmtTime } from '../../../lib/format.ts';
import { useCaseLabels } from '../../../lib/cases.ts';
import { useApi } from '../../../lib/useApi.ts';
import type { Prefetch } from '../../../lib/preloadable.ts';
import type { Me } from '../../../api/types.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { LoadError } from '../../components/ErrorResult.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { CategorySelect } from './CategorySelect.tsx';
import { DueLight, RatingBadge, ReworkTag, StateTag, UrgentTag } from './CaseTags.tsx';
import { registerChannels } from './access.ts';
import { PAGE_HEADS } from '../../pageHeads.ts';

/** Its heading, which the server also draws into the page's outline. */
const HEAD = PAGE_HEADS['/cases'];

type TabKey = 'mine' | 'revisit' | 'all' | 'reported' | 'accepted' | 'dispatched' | 'acknowledged' | 'handled' | 'closed' | 'suspended' | 'other';
const STATE_TABS = ['reported', 'accepted', 'dispatched', 'acknowledged', 'handled', 'closed', 'suspended'] as const satisfies readonly CaseState[];
const OTHER_STATES: CaseState[] = ['rejected', 'withdrawn', 'merged'];
const TAB_KEYS: TabKey[] = ['mine', 'revisit', 'all', ...STATE_TABS, 'other'];
/** Centres own cases, so they also call reporters back (回访) after closing. */
const CENTRE_ROLES = ['community-worker', 'town-dispatcher', 'district-dispatcher'];

/** Filters by a case's clock or mark, each its own URL flag (`overdue=true`, as the four lists' 查看全部 opens it). */
const FLAGS = ['overdue', 'dueSoon', 'urgent'] as const;
type Flag = (typeof FLAGS)[number];

interface Filters {
  category?: string;
  area?: string;
  channel?: Channel;
  flags?: Flag[];
  dates?: [Dayjs | null, Dayjs | null] | null;
  q?: string;
}

const FILTER_KEYS = ['category', 'area', 'channel', 'from', 'to', 'q', 'sort', 'overdue', 'dueSoon', 'urgent'] as const;

type CaseFilters = Omit<CaseQuery, 'state' | 'box' | 'page' | 'pageSize'>;

/** What the address shows `me`: the tab, the filters, the page. Everything lives in the URL: a filtered inbox can be bookmarked and survives the back button. */
function casesView(params: URLSearchParams, me: Me) {
  const isCentre = me.roles.some((r) => CENTRE_ROLES.includes(r));
  const tabKeys = isCentre ? TAB_KEYS : TAB_KEYS.filter((k) => k !== 'revisit');
  const tabParam = params.get('tab') as TabKey | null;
  const tab: TabKey = tabParam && tabKeys.includes(tabParam) ? tabParam : me.unit ? 'mine' : 'all';
  const filters: CaseFilters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (!v) continue;
    if (k === 'overdue' || k === 'dueSoon' || k === 'urgent') filters[k] = v === 'true';
    else if (k === 'sort') filters.sort = v === 'newest' ? 'newest' : undefined;
    else if (k === 'channel') filters.channel = CHANNELS.find((c) => c === v);
    else filters[k] = v;
  }
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  return { isCentre, tabKeys, tab, filters, page, pageSize };
}

const stateOf = (k: TabKey) => (k === 'mine' || k === 'revisit' || k === 'all' ? undefined : k === 'other' ? OTHER_STATES.join(',') : k);
const boxOf = (k: TabKey) => (k === 'mine' || k === 'revisit' ? k : undefined);

/** The lists the page reads for a view: the tabs' counts (per state: the server narrows counts to the state filter it is given), 我的待办's and 回访's counts, the tab's page. */
function casesReads({ isCentre, tab, filters, page, pageSize }: ReturnType<typeof casesView>): { counts: CaseQuery; mine: CaseQuery; revisit: CaseQuery | null; list: CaseQuery } {
  return {
    counts: { ...filters, pageSize: 1 },
    mine: { ...filters, box: 'mine', pageSize: 1 },
    revisit: isCentre ? { ...filters, box: 'revisit', pageSize: 1 } : null,
    list: { ...filters, state: stateOf(tab), box: boxOf(tab), page, pageSize },
  };
}

/** Its lists are asked for before its first render (lib/preloadable.ts). */
export const prefetch: Prefetch = ({ search, me }) => {
  for (const q of Object.values(casesReads(casesView(search, me)))) if (q) prefetchCases(q);
};

export default function CasesPage() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();

  const view = casesView(params, me);
  const { isCentre, tabKeys, tab, filters, page, pageSize } = view;
  const filterKey = JSON.stringify(filters);
  const reads = casesReads(view);
  const counts = useApi((signal) => listCases(reads.counts, signal), [filterKey]);
  const mine = useApi((signal) => listCases(reads.mine, signal), [filterKey]);
  const revisitQuery = reads.revisit;
  const revisit = useApi(revisitQuery ? (signal) => listCases(revisitQuery, signal) : null, [filterKey, isCentre]);
  const list = useApi((signal) => listCases(reads.list, signal), [filterKey, tab, page, pageSize]);

  const setUrl = (next: { tab?: TabKey; filters?: typeof filters; page?: number; pageSize?: number }) => {
    const p = new URLSearchParams();
    // The tab as the address bar has it now: a tab just clicked is there before this render has caught up with it
    // (navigations render in a transition), and a search right after it must not take the user back.
    const shown = new URLSearchParams(window.location.search).get('tab') as TabKey | null;
    const nt = next.tab ?? (shown && tabKeys.includes(shown) ? shown : tab);
    p.set('tab', nt);
    const f = next.filters ?? filters;
    for (const k of FILTER_KEYS) {
      const v = f[k];
      if (v === undefined || v === '' || v === false) continue;
      p.set(k, String(v));
    }
    const np = next.page ?? 1;
    const ns = next.pageSize ?? pageSize;
    if (np > 1) p.set('page', String(np));
    if (ns !== 20) p.set('pageSize', String(ns));
    setParams(p);
  };

  const onSearch = (v: Filters) => {
    const [from, to] = v.dates ?? [];
    const flag = (f: Flag) => v.flags?.includes(f) || undefined;
    setUrl({
      filters: {
        category: v.category,
        area: v.area,
        channel: v.channel,
        overdue: flag('overdue'),
        dueSoon: flag('dueSoon'),
        urgent: flag('urgent'),
        from: from ? from.format('YYYY-MM-DD') : undefined,
        to: to ? to.format('YYYY-MM-DD') : undefined,
        q: v.q?.trim() || undefined,
        sort: v.q?.trim() ? filters.sort : undefined,
      },
    });
  };

  const c = counts.data?.counts ?? {};
  const countOf = (k: TabKey): number | undefined => {
    if (!counts.data) return undefined;
    if (k === 'mine') return mine.data?.total;
    if (k === 'revisit') return revisit.data?.total;
    if (k === 'all') return counts.data.total;
    if (k === 'other') return OTHER_STATES.reduce((n, s) => n + (c[s] ?? 0), 0);
    return c[k] ?? 0;
  };
  const tabLabel = (k: TabKey) => {
    const n = countOf(k);
    const text = k === 'mine' ? t('case.tab.mine') : k === 'revisit' ? t('case.tab.revisit') : k === 'all' ? t('case.tab.all') : k === 'other' ? t('case.tab.other') : labels.state(k);
    return (
      <span data-testid={`case-tab-${k}`}>
        {text}
        {n !== undefined && <span className={`gz-tab-count${k === 'mine' && n > 0 ? ' gz-tab-count-hot' : ''}`} data-testid={`case-count-${k}`}>{fmtNumber(n)}</span>}
      </span>
    );
  };
  const overdueCount = counts.data?.overdueCount ?? 0;
  const dueSoonCount = counts.data?.dueSoonCount ?? 0;
  // A department's inbox at a glance: to sign in, in progress, due soon, overdue.
  const unitTiles = can('inbox.home')
    ? [
        { key: 'dispatched', label: t('case.unit.toAcknowledge'), n: c.dispatched ?? 0, on: tab === 'dispatched', go: () => setUrl({ tab: 'dispatched', filters: {} }), tone: (c.dispatched ?? 0) > 0 ? 'gz-ch-hot' : '' },
        { key: 'acknowledged', label: t('case.unit.inProgress'), n: c.acknowledged ?? 0, on: tab === 'acknowledged', go: () => setUrl({ tab: 'acknowledged', filters: {} }), tone: '' },
        { key: 'dueSoon', label: t('case.dueSoon'), n: dueSoonCount, on: !!filters.dueSoon, go: () => setUrl({ tab: 'all', filters: { dueSoon: true } }), tone: dueSoonCount > 0 ? 'gz-ch-yellow' : '' },
        { key: 'overdue', label: t('case.overdue'), n: overdueCount, on: !!filters.overdue, go: () => setUrl({ tab: 'all', filters: { overdue: true } }), tone: overdueCount > 0 ? 'gz-ch-red' : '' },
      ]
    : [];

  const columns: ColumnsType<CaseSummary> = [
    {
      title: t('case.col.code'),
      dataIndex: 'code',
      key: 'code',
      width: 168,
      render: (code: string) => (
        <Typography.Link className="gz-mono" data-testid="case-code-link">
          {code}
        </Typography.Link>
      ),
    },
    // The one column without a width takes what the others leave: at 1,350 px they left it two characters.
    {
      title: t('case.col.title'),
      dataIndex: 'title',
      key: 'title',
      ellipsis: { showTitle: false },
      render: (title: string, r) => (
        <span className="gz-case-cell-title">
          {r.urgent && <UrgentTag />}
          <ReworkTag n={r.reworkCount} />
          {(r.groupSize ?? 0) > 1 && (
            <Tag color="orange" data-testid="case-group-badge">
              {t('case.group.badge', { n: r.groupSize! })}
            </Tag>
          )}
          <Tooltip title={title} placement="topLeft">
            <span data-testid="case-row-title">{title}</span>
          </Tooltip>
        </span>
      ),
    },
    { title: t('case.col.type'), dataIndex: 'categoryName', key: 'type', width: 112, ellipsis: true, render: (v: string | null, r) => v ?? r.categoryCode },
    {
      title: t('case.col.place'),
      dataIndex: 'place',
      key: 'place',
      width: 156,
      ellipsis: true,
      render: (v: string | null | undefined, r) => (
        <Tooltip title={v ?? r.areaName}>
          <span data-testid="case-row-place">{v || r.areaName || '—'}</span>
        </Tooltip>
      ),
    },
    { title: t('case.col.channel'), dataIndex: 'channel', key: 'channel', width: 88, render: (v: string) => labels.channel(v) },
    { title: t('case.col.state'), dataIndex: 'state', key: 'state', width: 84, render: (s: CaseState) => <StateTag state={s} testId="case-row-state" /> },
    {
      title: t('case.col.due'),
      key: 'due',
      width: 176,
      render: (_: unknown, r) => (r.state === 'closed' && r.rating ? <RatingBadge rating={r.rating} /> : <DueLight c={r} showTime={false} />),
    },
    { title: t('case.col.created'), dataIndex: 'createdAt', key: 'created', width: 148, render: (v: string) => <span className="gz-mono-soft gz-nowrap">{fmtTime(v)}</span> },
  ];

  const initial: Filters = {
    category: filters.category,
    area: filters.area,
    channel: filters.channel,
    flags: FLAGS.filter((f) => filters[f]),
    q: filters.q,
    dates: filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null,
  };

  return (
    <div className="gz-page" data-testid="cases-page">
      <PageHeader
        title={t(HEAD.title)}
        testId="cases-title"
        description={t(HEAD.desc)}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => (list.reload(), counts.reload(), mine.reload(), revisit.reload())} data-testid="cases-refresh">
              {t('common.refresh')}
            </Button>
            <ExportButton path="/api/exports/cases.xlsx" query={{ ...filters, state: stateOf(tab), box: boxOf(tab) }} testId="cases-export" job="cases" />
            {registerChannels(me).length > 0 && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/cases/new')} data-testid="cases-new">
                {t('menu.caseNew')}
              </Button>
            )}
          </Space>
        }
      />
      {unitTiles.length > 0 && (
        <div className="gz-ch-grid gz-unit-tiles" data-testid="unit-inbox-tiles">
          {unitTiles.map((x) => (
            <button key={x.key} type="button" className={`gz-ch-tile ${x.tone}${x.on ? ' gz-ch-on' : ''}`} onClick={x.go} aria-pressed={x.on} data-testid={`unit-tile-${x.key}`}>
              <span className="gz-ch-n">{counts.data ? fmtNumber(x.n) : '—'}</span>
              <span className="gz-ch-label">{x.label}</span>
            </button>
          ))}
        </div>
      )}
      <Card className="gz-card gz-filter-card" size="small">
        <Form<Filters> form={form} layout="inline" initialValues={initial} key={filterKey} onFinish={onSearch} className="gz-filters" data-testid="case-filters">
          <Form.Item name="category" label={t('case.filter.type')}>
            <CategorySelect placeholder={t('case.filter.typePlaceholder')} style={{ width: 200 }} testId="filter-category" />
          </Form.Item>
          <Form.Item name="area" label={t('case.filter.area')}>
            <AreaTreeSelect aria-label={t('case.filter.areaPlaceholder')} placeholder={t('case.filter.areaPlaceholder')} style={{ width: 200 }} testId="filter-area" />
          </Form.Item>
          <Form.Item name="channel" label={t('case.filter.channel')}>
            <Select allowClear style={{ width: 130 }} aria-label={t('common.all')} placeholder={t('common.all')} options={CHANNELS.map((ch) => ({ value: ch, label: labels.channel(ch) }))} data-testid="filter-channel" />
          </Form.Item>
          <Form.Item name="dates" label={t('case.filter.dates')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 240 }} data-testid="filter-dates" />
          </Form.Item>
          <Form.Item name="q" label={t('case.filter.keyword')}>
            <Input allowClear placeholder={t('case.filter.keywordPlaceholder')} style={{ width: 220 }} data-testid="filter-q" />
          </Form.Item>
          <Form.Item name="flags" label={t('case.filter.flags')}>
            {/* Picked or removed, a flag applies at once (with whatever else the form holds): it is how a list
                opened from elsewhere (四张清单's 超期, 急难险重) says what it shows, and how it is taken off. */}
            <Select<Flag[]>
              mode="multiple"
              allowClear
              style={{ minWidth: 160 }}
              aria-label={t('case.filter.flags')}
              placeholder={t('common.all')}
              options={FLAGS.map((f) => ({ value: f, label: t(`case.filter.flag.${f}`) }))}
              onChange={() => form.submit()}
              data-testid="filter-flags"
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="filter-submit">
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setUrl({ filters: {} });
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card className="gz-card gz-cases-card" size="small">
        <div className="gz-cases-tabs-row">
          <Tabs
            activeKey={tab}
            onChange={(k) => setUrl({ tab: k as TabKey })}
            items={tabKeys.map((k) => ({ key: k, label: tabLabel(k) }))}
            className="gz-cases-tabs"
            tabBarGutter={24}
            data-testid="case-tabs"
          />
          {filters.q && (
            <Segmented<'relevance' | 'newest'>
              size="small"
              value={filters.sort ?? 'relevance'}
              onChange={(v) => setUrl({ filters: { ...filters, sort: v === 'newest' ? 'newest' : undefined } })}
              options={[
                { value: 'relevance', label: t('case.sort.relevance') },
                { value: 'newest', label: t('case.sort.newest') },
              ]}
              data-testid="case-sort"
            />
          )}
          {(dueSoonCount > 0 || filters.dueSoon) && (
            <Button
              className={`gz-duesoon-badge${filters.dueSoon ? ' gz-overdue-on' : ''}`}
              onClick={() => setUrl({ filters: { ...filters, dueSoon: !filters.dueSoon || undefined } })}
              data-testid="case-duesoon-badge"
            >
              {t('case.dueSoonBadge', { n: fmtNumber(dueSoonCount) })}
            </Button>
          )}
          <Tooltip title={t('case.overdueBadgeHint')}>
            <Button
              className={`gz-overdue-badge${overdueCount > 0 ? ' gz-overdue-hot' : ''}${filters.overdue ? ' gz-overdue-on' : ''}`}
              icon={<ExclamationCircleFilled />}
              onClick={() => setUrl({ filters: { ...filters, overdue: !filters.overdue || undefined } })}
              data-testid="case-overdue-badge"
            >
              {t('case.overdueBadge', { n: fmtNumber(overdueCount) })}
            </Button>
          </Tooltip>
        </div>
        {list.error && !list.loading ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<CaseSummary>
            size="middle"
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            data-testid="cases-table"
            rowClassName={(r) => (r.overdue ? 'gz-row-overdue' : r.warning ? 'gz-row-warning' : '')}
            locale={{ emptyText: tab === 'mine' ? t('case.inbox.emptyMine') : tab === 'revisit' ? t('case.inbox.emptyRevisit') : t('case.inbox.empty') }}
            onRow={(r) =>
              ({
                onClick: () => navigate(`/cases/${r.id}`),
                className: 'gz-clickable',
                'data-testid': 'case-row',
                'data-code': r.code,
                'data-state': r.state,
              }) as HTMLAttributes<HTMLElement>
            }
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (n) => t('common.total', { n: fmtNumber(n) }),
              onChange: (p, s) => setUrl({ page: s === pageSize ? p : 1, pageSize: s }),
            }}
          />
        )}
      </Card>
    </div>
  );
}

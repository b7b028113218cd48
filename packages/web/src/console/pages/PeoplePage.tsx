import { useState, type HTMLAttributes } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import { get } from '../../api/client.ts';
import type { PeopleList, Person } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';
import { fmtNumber } from '../../lib/format.ts';
import { useDictionaries, useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { AreaTreeSelect } from '../components/AreaTreeSelect.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ExportButton } from '../components/ExportButton.tsx';
import { PersonDrawer } from '../components/PersonDrawer.tsx';
import { PersonFormModal } from '../components/PersonForm.tsx';
import { PartyTag, PersonTags } from '../components/PersonTags.tsx';
import { SensitiveNumber } from '../components/SensitiveNumber.tsx';
import { LoadError } from '../components/ErrorResult.tsx';

interface Filters {
  area?: string;
  q?: string;
  tag?: string;
  residenceType?: string;
  partyMember?: string;
  /** Default: registered people only; moved-out and deceased on request. */
  status?: string;
}

const FILTER_KEYS = ['area', 'q', 'tag', 'residenceType', 'partyMember', 'status'] as const;

export default function PeoplePage() {
  const t = useT();
  const labels = useLabels();
  const dict = useDictionaries();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  // The filters live in the URL, so a filtered list can be bookmarked or opened from an area page.
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const filterKey = JSON.stringify(filters);

  const res = useApi(
    (signal) => get<PeopleList>('/api/people', { ...filters, page, pageSize }, signal),
    [filterKey, page, pageSize],
  );

  const apply = (f: Filters, p = 1, size = pageSize) => {
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = f[k]?.trim();
      if (v) next.set(k, v);
    }
    if (p > 1) next.set('page', String(p));
    if (size !== 20) next.set('pageSize', String(size));
    setParams(next);
  };

  const tagOptions = dict.specialGroups
    .filter((g) => !g.sensitive || can('people.sensitive'))
    .map((g) => ({ value: g.code, label: dict.name(g) }));

  const columns: ColumnsType<Person> = [
    {
      title: t('person.name'),
      dataIndex: 'name',
      key: 'name',
      width: 84,
      render: (n: string, p) => (
        <Typography.Link onClick={() => setOpen(p.id)} data-testid="person-name">
          {n}
        </Typography.Link>
      ),
    },
    { title: t('person.gender'), dataIndex: 'gender', key: 'gender', width: 56, render: (g: string) => labels.gender(g) },
    { title: t('person.age'), dataIndex: 'age', key: 'age', width: 56, align: 'right', render: (a: number | null) => a ?? '—' },
    {
      title: t('person.idNumber'),
      dataIndex: 'idNumber',
      key: 'idNumber',
      width: 214,
      render: (v: string | null, p) => <SensitiveNumber personId={p.id} field="idNumber" masked={v} canReveal={p.allowedActions.includes('reveal')} />,
    },
    {
      title: t('person.phone'),
      dataIndex: 'phone',
      key: 'phone',
      width: 158,
      render: (v: string | null, p) => <SensitiveNumber personId={p.id} field="phone" masked={v} canReveal={p.allowedActions.includes('reveal')} />,
    },
    {
      title: t('person.address'),
      dataIndex: 'address',
      key: 'address',
      ellipsis: { showTitle: false },
      render: (a: string | null) => (
        <Tooltip title={a} placement="topLeft">
          <span data-testid="person-address">{a ?? '—'}</span>
        </Tooltip>
      ),
    },
    { title: t('person.residenceType'), dataIndex: 'residenceType', key: 'residenceType', width: 90, render: (r: string) => labels.residence(r) },
    { title: t('person.tags'), dataIndex: 'tags', key: 'tags', width: 180, render: (tags: string[]) => <PersonTags tags={tags} /> },
    { title: t('person.partyMember'), dataIndex: 'partyMember', key: 'party', width: 64, align: 'center', render: (v: boolean) => <PartyTag partyMember={v} /> },
  ];

  return (
    <div className="gz-page" data-testid="people-page">
      <PageHeader
        title={t('menu.people')}
        extra={
          <Space>
            <ExportButton path="/api/exports/people.xlsx" query={{ ...filters }} testId="people-export" job="people" />
            {can('people.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="person-add">
                {t('person.add')}
              </Button>
            )}
          </Space>
        }
      />
      <Card className="gz-card gz-filter-card" size="small">
        <Form<Filters>
          form={form}
          layout="inline"
          initialValues={filters}
          key={filterKey}
          onFinish={(v) => apply(v)}
          className="gz-filters"
          data-testid="people-filters"
        >
          <Form.Item name="area" label={t('people.filterArea')}>
            <AreaTreeSelect aria-label={t('people.filterAreaPlaceholder')} placeholder={t('people.filterAreaPlaceholder')} style={{ width: 220 }} testId="people-area" />
          </Form.Item>
          <Form.Item name="q" label={t('people.keyword')}>
            <Input allowClear placeholder={t('people.keywordPlaceholder')} style={{ width: 280 }} data-testid="people-q" />
          </Form.Item>
          <Form.Item name="tag" label={t('people.tag')}>
            <Select allowClear aria-label={t('common.all')} placeholder={t('common.all')} options={tagOptions} style={{ width: 150 }} data-testid="people-tag" />
          </Form.Item>
          <Form.Item name="residenceType" label={t('people.residence')}>
            <Select allowClear aria-label={t('common.all')} placeholder={t('common.all')} options={dict.residenceTypes.map((r) => ({ value: r.code, label: dict.name(r) }))} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="partyMember" label={t('people.party')}>
            <Select
              allowClear
              aria-label={t('common.all')} placeholder={t('common.all')}
              style={{ width: 110 }}
              options={[
                { value: 'true', label: t('people.partyYes') },
                { value: 'false', label: t('people.partyNo') },
              ]}
            />
          </Form.Item>
          <Form.Item name="status" label={t('people.status')}>
            <Select
              allowClear
              aria-label={t('people.status')}
              placeholder={t('people.status.active')}
              style={{ width: 170 }}
              data-testid="people-status"
              options={(['moved-out', 'deceased', 'all'] as const).map((v) => ({ value: v, label: t(`people.status.${v}`) }))}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="people-search">
                {t('common.search')}
              </Button>
              <Button
                icon={<ReloadOutlined />}
                onClick={() => {
                  form.resetFields();
                  apply({});
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card className="gz-card" size="small">
        {res.error ? (
          <LoadError error={res.error} onRetry={res.reload} />
        ) : (
          <Table<Person>
            size="middle"
            rowKey="id"
            columns={columns}
            dataSource={res.data?.items ?? []}
            loading={res.loading}
            scroll={{ x: 1180 }}
            data-testid="people-table"
            onRow={(p) => ({ onClick: () => setOpen(p.id), className: 'gz-clickable', 'data-testid': 'person-row', 'data-area-code': p.areaCode }) as HTMLAttributes<HTMLElement>}
            pagination={{
              current: page,
              pageSize,
              total: res.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (n) => <span data-testid="people-total">{t('people.count', { n: fmtNumber(n) })}</span>,
              onChange: (p, s) => apply(filters, s === pageSize ? p : 1, s),
            }}
          />
        )}
      </Card>
      <PersonDrawer id={open} onClose={() => setOpen(null)} onChanged={res.reload} />
      <PersonFormModal
        open={adding}
        defaultAreaCode={filters.area}
        onClose={() => setAdding(false)}
        onSaved={(p) => {
          setAdding(false);
          res.reload();
          setOpen(p.id);
        }}
      />
    </div>
  );
}

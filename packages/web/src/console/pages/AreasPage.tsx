import { Suspense, lazy, useState, type HTMLAttributes } from 'react';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Drawer, Form, Input, Modal, Row, Space, Spin, Table, Tag } from 'antd';
import { EditOutlined, GatewayOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate, useParams } from 'react-router-dom';
import { get, patch, post } from '../../api/client.ts';
import type { AreaChildren, AreaDetail, AreaHouseholds, HouseholdRow, RiskColour } from '../../api/types.ts';
import { useAuth, useMe } from '../../auth/AuthContext.tsx';
import { useT } from '../../i18n/index.tsx';
import { HOUSEHOLD_LEVELS, MAP_LEVELS, childLevelOf } from '../../lib/areas.ts';
import { fmtNumber } from '../../lib/format.ts';
import { ExportButton } from '../components/ExportButton.tsx';
import { useLabels } from '../../lib/labels.ts';
import { useApi } from '../../lib/useApi.ts';
import { useAreaTree } from '../../lib/useAreaTree.ts';
import { AreaTree } from '../components/AreaTree.tsx';
import { ChildrenTable } from '../components/ChildrenTable.tsx';
import { LoadError } from '../components/ErrorResult.tsx';
import { HouseholdDrawer } from '../components/HouseholdDrawer.tsx';
import { NewHouseholdButton } from '../components/NewHouseholdButton.tsx';
import { RiskTag } from '../components/RiskTag.tsx';
import { StatCards } from '../components/StatCards.tsx';
import { RiskCountsCard, RiskFilter, RiskTotals } from '../components/RiskPanel.tsx';
import { getRiskCounts } from '../../api/campaigns.ts';
import { applyServerErrors } from '../components/formErrors.ts';

const GridMap = lazy(() => import('../components/GridMap.tsx'));
const TerritoryEditor = lazy(() => import('../components/TerritoryEditor.tsx'));

export default function AreasPage() {
  const t = useT();
  const me = useMe();
  const tree = useAreaTree();
  const navigate = useNavigate();
  const params = useParams();
  const code = params.code ?? me.scope.code;
  const area = useApi((signal) => get<AreaDetail>(`/api/areas/${code}`, undefined, signal), [code]);
  const detail = area.data?.code === code ? area.data : undefined;
  const ancestors = detail ? detail.path.map((p) => p.code).filter((c) => c !== code) : [];

  return (
    <div className="gz-page gz-areas" data-testid="areas-page">
      <Row gutter={16} wrap={false} className="gz-areas-row">
        <Col flex="300px" className="gz-areas-left">
          <Card className="gz-card gz-tree-card" size="small" title={t('area.tree')}>
            <AreaTree
              root={me.scope}
              tree={tree}
              selected={code}
              ancestors={ancestors}
              onSelect={(c) => navigate(`/areas/${c}`)}
            />
          </Card>
        </Col>
        <Col flex="auto" className="gz-areas-right">
          {area.error && !area.loading ? (
            <Card className="gz-card">
              <LoadError error={area.error} onRetry={area.reload} />
            </Card>
          ) : detail ? (
            <AreaPanel
              key={detail.code}
              area={detail}
              refreshing={area.loading}
              onOpen={(c) => navigate(`/areas/${c}`)}
              onRenamed={(name) => {
                tree.rename(detail.code, name);
                area.reload();
              }}
            />
          ) : (
            <Card className="gz-card">
              <div className="gz-page-loading">
                <Spin />
              </div>
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}

function AreaPanel({ area, refreshing, onOpen, onRenamed }: { area: AreaDetail; refreshing: boolean; onOpen: (code: string) => void; onRenamed: (name: string) => void }) {
  const t = useT();
  const labels = useLabels();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [renaming, setRenaming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  // Grids are drawn on a village's map, buildings on a grid's; units are added by name under a building.
  const mapEditable = (area.level === 'village' || area.level === 'grid') && area.allowedActions.includes('addChild');
  const hasChildren = area.level !== 'unit';
  const children = useApi(
    hasChildren ? (signal) => get<AreaChildren>(`/api/areas/${area.code}/children`, undefined, signal) : null,
    [area.code],
  );
  const showMap = MAP_LEVELS.includes(area.level);
  const showHouseholds = HOUSEHOLD_LEVELS.includes(area.level) && area.allowedActions.includes('viewPeople');
  const parent = area.path.length > 1 ? area.path[area.path.length - 2] : undefined;
  const childLevel = childLevelOf(area.level);
  // A grid is drawn among its sibling grids when the caller may see the community.
  const parentVisible = area.path.some((p) => p.code === area.parentCode);
  const mapCode = area.level === 'grid' && area.parentCode && parentVisible ? area.parentCode : area.code;

  return (
    <Spin spinning={refreshing} delay={300}>
      <Card className="gz-card gz-area-head">
        {area.path.length > 1 && (
        <Breadcrumb
          className="gz-area-breadcrumb"
          data-testid="area-breadcrumb"
          items={area.path.map((p, i) => ({
            key: p.code,
            title:
              i === area.path.length - 1 ? (
                p.name
              ) : (
                <a onClick={() => onOpen(p.code)} data-testid={`crumb-${p.code}`}>
                  {p.name}
                </a>
              ),
          }))}
        />
        )}
        <div className="gz-area-title-row">
          <h1 className="gz-area-title" data-testid="area-title">
            {area.name}
          </h1>
          <Tag color="red">{labels.level(area.level)}</Tag>
          {area.retiredAt && (
            <Tag color="default" data-testid="area-retired">
              {t('territory.retired')}
            </Tag>
          )}
          {area.gridType && (
            <Tag color={area.gridType === 'commercial' ? 'blue' : 'volcano'} variant="outlined">
              {labels.gridType(area.gridType)}
            </Tag>
          )}
          <Space className="gz-area-actions">
            {can('people.read') && area.allowedActions.includes('viewPeople') && (
              <Button icon={<TeamOutlined />} onClick={() => navigate(`/people?area=${area.code}`)} data-testid="area-view-people">
                {t('area.viewPeople')}
              </Button>
            )}
            {mapEditable && (
              <Button type="primary" icon={<GatewayOutlined />} onClick={() => setEditing(true)} data-testid="area-map-edit">
                {t('territory.open')}
              </Button>
            )}
            {childLevel && area.allowedActions.includes('addChild') && !mapEditable && (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="area-add-child">
                {t('territory.addChild', { level: labels.level(childLevel) })}
              </Button>
            )}
            {area.allowedActions.includes('edit') && (
              <Button icon={<EditOutlined />} onClick={() => setRenaming(true)} data-testid="area-rename">
                {t('area.rename')}
              </Button>
            )}
          </Space>
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          className="gz-area-desc"
          items={[
            { key: 'code', label: t('area.code'), children: <span className="gz-mono" data-testid="area-code">{area.code}</span> },
            { key: 'level', label: t('area.level'), children: labels.level(area.level) },
            ...(area.level === 'grid' ? [{ key: 'gridType', label: t('area.gridType'), children: labels.gridType(area.gridType) }] : []),
            ...(parent ? [{ key: 'parent', label: t('area.parent'), children: <a onClick={() => onOpen(parent.code)}>{parent.name}</a> }] : []),
            ...(childLevel ? [{ key: 'children', label: t('area.childCount'), children: t('area.childCountValue', { n: fmtNumber(area.childCount), level: labels.level(childLevel) }) }] : []),
          ]}
        />
        <StatCards level={area.level} counts={area.counts} compact />
      </Card>

      {showMap && (
        <Card className="gz-card" title={t('area.map')} extra={<span className="gz-muted">{t('area.mapHint')}</span>} size="small">
          <Suspense
            fallback={
              <div className="gz-map-placeholder">
                <Spin />
              </div>
            }
          >
            <GridMap code={mapCode} selected={area.level === 'grid' ? area.code : undefined} onSelect={onOpen} />
          </Suspense>
        </Card>
      )}

      {hasChildren && childLevel && (
        <Card className="gz-card" title={t('area.children', { n: fmtNumber(children.data?.items.length ?? area.childCount) })} size="small">
          <ChildrenTable parentLevel={area.level} items={children.data?.items ?? []} loading={children.loading} onOpen={onOpen} testId="area-children" />
        </Card>
      )}

      {area.allowedActions.includes('viewPeople') && (area.level === 'town' || area.level === 'village') && <RiskCountsCard code={area.code} />}

      {showHouseholds && <HouseholdsCard areaCode={area.code} total={area.counts.households} />}

      <RenameModal area={area} open={renaming} onClose={() => setRenaming(false)} onDone={onRenamed} />
      {childLevel && (
        <AddChildModal
          area={area}
          levelName={labels.level(childLevel)}
          open={adding}
          onClose={() => setAdding(false)}
          onDone={() => {
            children.reload();
            onRenamed(area.name);
          }}
        />
      )}
      {mapEditable && (
        <Drawer
          title={t('territory.title', { name: area.name })}
          open={editing}
          onClose={() => {
            setEditing(false);
            children.reload();
          }}
          size="min(1280px, 96vw)"
          destroyOnHidden
          data-testid="territory-drawer"
        >
          <Suspense fallback={<Spin />}>
            <TerritoryEditor area={area} onChanged={() => onRenamed(area.name)} />
          </Suspense>
        </Drawer>
      )}
    </Spin>
  );
}

function HouseholdsCard({ areaCode, total }: { areaCode: string; total: number }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [open, setOpen] = useState<string | null>(null);
  const [colour, setColour] = useState<RiskColour | undefined>();
  const res = useApi(
    (signal) => get<AreaHouseholds>(`/api/areas/${areaCode}/households`, { page, pageSize, riskColour: colour }, signal),
    [areaCode, page, pageSize, colour],
  );
  const counts = useApi((signal) => getRiskCounts(areaCode, signal), [areaCode]);
  const pick = (c: RiskColour | undefined) => (setColour(c), setPage(1));
  const columns: ColumnsType<HouseholdRow> = [
    { title: t('household.place'), dataIndex: 'place', key: 'place', width: 280, render: (v: string | undefined, h) => <span data-testid="household-place">{v || h.doorplate || '—'}</span> },
    { title: t('household.address'), dataIndex: 'address', key: 'address' },
    { title: t('household.head'), dataIndex: 'head', key: 'head', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('household.members'), dataIndex: 'members', key: 'members', width: 90, align: 'right', render: (n: number) => fmtNumber(n) },
    { title: t('household.risk'), dataIndex: 'riskColour', key: 'risk', width: 110, render: (c: string | null) => <RiskTag colour={c} /> },
  ];
  return (
    <Card
      className="gz-card"
      title={t('area.households', { n: fmtNumber(res.data?.total ?? total) })}
      extra={
        <Space>
          <RiskFilter value={colour} onChange={pick} />
          <NewHouseholdButton
            areaCode={areaCode}
            onDone={(id) => {
              res.reload();
              setOpen(id);
            }}
          />
          <ExportButton path="/api/exports/households.xlsx" query={{ area: areaCode }} testId="households-export" />
        </Space>
      }
      size="small"
    >
      <RiskTotals counts={counts.data} value={colour} onPick={pick} />
      <Table<HouseholdRow>
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={res.data?.items ?? []}
        loading={res.loading}
        data-testid="households-table"
        onRow={(r) => ({ onClick: () => setOpen(r.id), className: 'gz-clickable', 'data-testid': 'household-row' } as HTMLAttributes<HTMLElement>)}
        pagination={{
          current: page,
          pageSize,
          total: res.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          showTotal: (n) => t('common.total', { n: fmtNumber(n) }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
      />
      <HouseholdDrawer id={open} onClose={() => (setOpen(null), res.reload(), counts.reload())} />
    </Card>
  );
}

function RenameModal({ area, open, onClose, onDone }: { area: AreaDetail; open: boolean; onClose: () => void; onDone: (name: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await patch(`/api/areas/${area.code}`, { name: v.name.trim() });
      message.success(t('area.renamed'));
      onDone(v.name.trim());
      onClose();
    } catch (e) {
      applyServerErrors(form, e, message, ['name']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={t('area.renameTitle')} open={open} onOk={submit} onCancel={onClose} confirmLoading={saving} okText={t('common.save')} destroyOnHidden width={420}>
      <Form form={form} layout="vertical" initialValues={{ name: area.name }} requiredMark={false}>
        <Form.Item name="name" label={t('area.newName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('area.newName') }) }, { max: 60 }]}>
          <Input maxLength={60} showCount data-testid="area-rename-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddChildModal({ area, levelName, open, onClose, onDone }: { area: AreaDetail; levelName: string; open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await post('/api/areas', { parentCode: area.code, name: v.name.trim() });
      message.success(t('territory.created'));
      onDone();
      onClose();
    } catch (e) {
      applyServerErrors(form, e, message, ['name']);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={t('territory.createTitle', { level: levelName })} open={open} onOk={submit} onCancel={onClose} confirmLoading={saving} okText={t('common.save')} destroyOnHidden width={420}>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="name" label={t('area.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('area.name') }) }, { max: 60 }]}>
          <Input maxLength={60} showCount data-testid="area-add-child-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// Split and merge of grids in the map editor (docs/TERRITORY.md, "Split and merge"): the dialogs that preview what
// moves to the new grids (the server's dry run) and then split or merge. The cutting line is drawn on the editor's
// map; the parts arrive here as WGS84 outlines.
import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, Form, Input, Modal, Select, Spin, Table } from 'antd';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GridPartReport, GridSplitReport } from '@gongzhi/domain/contract';
import { post } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { fmtNumber } from '../../lib/format.ts';

/** A part as the server reports it, its outline narrowed to GeoJSON. */
type PartReport = Omit<GridPartReport, 'geometry'> & { geometry: Geometry | null };
type SplitReport = Omit<GridSplitReport, 'parts'> & { parts: PartReport[] };

function MoveTable({ report, names, onName }: { report: SplitReport; names?: string[]; onName?: (k: number, v: string) => void }) {
  const t = useT();
  return (
    <Table<PartReport>
      size="small"
      rowKey="index"
      pagination={false}
      dataSource={report.parts}
      data-testid="territory-move-preview"
      columns={[
        {
          title: t('territory.partName'),
          key: 'name',
          render: (_, p) =>
            names && onName ? (
              <Input value={names[p.index]} maxLength={60} onChange={(e) => onName(p.index, e.target.value)} data-testid={`territory-part-name-${p.index}`} />
            ) : (
              <span className="gz-ellipsis">{p.name}</span>
            ),
        },
        { title: t('territory.moveBuildings'), key: 'b', width: 70, render: (_, p) => fmtNumber(p.buildings.length) },
        { title: t('territory.moveHouseholds'), key: 'h', width: 70, render: (_, p) => fmtNumber(p.households) },
        { title: t('territory.movePeople'), key: 'p', width: 70, render: (_, p) => fmtNumber(p.people) },
        { title: t('territory.moveCases'), key: 'c', width: 90, render: (_, p) => fmtNumber(p.cases.length) },
        { title: t('territory.moveHolders'), key: 's', width: 110, render: (_, p) => fmtNumber(p.holders.length) },
      ]}
    />
  );
}

const asCollection = (parts: { geometry: Geometry | null }[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: parts.filter((p) => p.geometry).map((p) => ({ type: 'Feature', properties: {}, geometry: p.geometry }) as Feature),
});

/** Splitting one grid into the parts cut on the map (WGS84 outlines). */
export function SplitDialog({
  grid,
  parts,
  onPreview,
  onClose,
  onDone,
}: {
  grid: { code: string; name: string };
  parts: Geometry[];
  onPreview: (fc: FeatureCollection | null) => void;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [names, setNames] = useState(() => parts.map((_, k) => `${grid.name}（${k + 1}）`));
  const [report, setReport] = useState<SplitReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Where each account, appointment and party organisation of the grid itself goes (the preview's placement first).
  const [choices, setChoices] = useState<Record<string, number>>({});
  const choosable = (report?.parts ?? []).flatMap((p) => p.holders.filter((h) => h.choosable).map((h) => ({ ...h, part: p.index })));
  const partOf = (h: { kind: string; id: string; part: number }) => choices[`${h.kind}:${h.id}`] ?? h.part;
  const body = (dryRun: boolean) => ({
    parts: parts.map((geometry, k) => ({ name: names[k]!.trim() || `${grid.name}（${k + 1}）`, geometry })),
    holders: choosable.map((h) => ({ kind: h.kind, id: h.id, part: partOf(h) })),
    dryRun,
  });

  useEffect(() => {
    onPreview(asCollection(parts.map((geometry) => ({ geometry }))));
    let live = true;
    post<SplitReport>(`/api/areas/${grid.code}/actions/split`, body(true))
      .then((r) => live && setReport(r))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
      onPreview(null);
    };
    // The preview is asked once per cut; names do not change what moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [grid.code, parts]);

  const run = async () => {
    setBusy(true);
    try {
      const r = await post<SplitReport>(`/api/areas/${grid.code}/actions/split`, body(false));
      message.success(t('territory.splitDone', { n: r.parts.length }));
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('territory.splitTitle', { name: grid.name })}
      onCancel={onClose}
      onOk={run}
      okText={t('territory.splitOk')}
      okButtonProps={{ disabled: !report, 'data-testid': 'territory-split-ok' } as never}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
    >
      <p className="gz-muted">{t('territory.movePreview')}</p>
      {error && <Alert type="error" showIcon title={error} />}
      {!report && !error && <Spin />}
      {report && (
        <>
          <MoveTable report={{ ...report, parts: report.parts.map((p) => ({ ...p, holders: [...p.holders.filter((h) => !h.choosable), ...choosable.filter((h) => partOf(h) === p.index)] })) }} names={names} onName={(k, v) => setNames((n) => n.map((x, i) => (i === k ? v : x)))} />
          {choosable.length > 0 && (
            <div style={{ marginTop: 12 }} data-testid="territory-holders">
              <p className="gz-muted">{t('territory.holdersHint')}</p>
              {choosable.map((h) => (
                <div key={`${h.kind}:${h.id}`} className="gz-territory-holder">
                  <span className="gz-ellipsis">
                    {h.name}
                    <span className="gz-muted">（{h.post ?? t(`territory.holder.${h.kind}`)}）</span>
                  </span>
                  <Select
                    size="small"
                    style={{ width: 220 }}
                    value={partOf(h)}
                    onChange={(v: number) => setChoices((c) => ({ ...c, [`${h.kind}:${h.id}`]: v }))}
                    options={names.map((n, k) => ({ value: k, label: n.trim() || `${grid.name}（${k + 1}）` }))}
                    data-testid="territory-holder-part"
                    aria-label={h.name}
                  />
                </div>
              ))}
            </div>
          )}
          {report.unassigned.length > 0 && (
            <Alert
              style={{ marginTop: 12 }}
              type="info"
              showIcon
              title={t('territory.unassigned', { n: report.unassigned.length, name: names[report.fallbackPart] ?? '' })}
            />
          )}
          <p className="gz-muted" style={{ marginTop: 12 }}>
            {t('territory.retiredNote')}
          </p>
        </>
      )}
    </Modal>
  );
}

/** Merging adjacent grids of the village into one. */
export function MergeDialog({
  grids,
  first,
  onClose,
  onDone,
}: {
  grids: { code: string; name: string }[];
  first: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [codes, setCodes] = useState<string[]>([first]);
  const [name, setName] = useState(() => grids.find((g) => g.code === first)?.name ?? '');
  const [report, setReport] = useState<SplitReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (codes.length < 2) return;
    let live = true;
    post<SplitReport>('/api/areas/actions/merge', { codes, name: name.trim() || '合并网格', dryRun: true })
      .then((r) => live && setReport(r))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
    // The preview follows the chosen grids; the name does not change what moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [codes]);

  const run = async () => {
    setBusy(true);
    try {
      await post('/api/areas/actions/merge', { codes, name: name.trim() });
      message.success(t('territory.mergeDone', { name: name.trim() }));
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('territory.mergeTitle')}
      onCancel={onClose}
      onOk={run}
      okText={t('territory.mergeOk')}
      okButtonProps={{ disabled: !report || !name.trim(), 'data-testid': 'territory-merge-ok' } as never}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
    >
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={t('territory.mergePick')}>
          <Checkbox.Group value={codes} onChange={(v) => {
              setReport(null);
              setError(null);
              setCodes(v as string[]);
            }} data-testid="territory-merge-grids" className="gz-territory-merge-list">
            {grids.map((g) => (
              <Checkbox key={g.code} value={g.code}>
                {g.name}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item label={t('territory.mergeName')} required>
          <Input value={name} maxLength={60} showCount onChange={(e) => setName(e.target.value)} data-testid="territory-merge-name" />
        </Form.Item>
      </Form>
      <p className="gz-muted">{t('territory.movePreview')}</p>
      {error && <Alert type="warning" showIcon title={error} data-testid="territory-merge-error" />}
      {report && <MoveTable report={{ ...report, parts: report.parts.map((p) => ({ ...p, name: name.trim() || p.name })) }} />}
    </Modal>
  );
}

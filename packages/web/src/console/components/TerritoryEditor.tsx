// The map editor of the territory: draw new grids (of a village) or buildings (of a grid), rename them and
// redraw their outlines, snapping to the neighbours' vertices and edges (Leaflet-Geoman). Outlines are sent
// in the map's own coordinates with their `crs` (GCJ-02 when the base map is a Chinese one); the server
// stores WGS84 (docs/TERRITORY.md). Overlaps and gaps between the grids of a village are shown as warnings.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Empty, Form, Input, Modal, Space, Spin, Tag, Tooltip } from 'antd';
import { AimOutlined, BorderOutlined, EditOutlined, SaveOutlined, CloseOutlined, PlusOutlined, ScissorOutlined, MergeCellsOutlined } from '@ant-design/icons';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { tilingIssues, type TilingIssue } from '@gongzhi/domain/tiling';
import { splitByLine, type SplitOutline } from '@gongzhi/domain/split';
import { get, patch, post } from '../../api/client.ts';
import type { AreaDetail } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { useLabels } from '../../lib/labels.ts';
import { addBaseLayer, projectionFor, useMapSettings } from '../../lib/mapTiles.ts';
import { useApi } from '../../lib/useApi.ts';
import { applyServerErrors } from './formErrors.ts';
import { OutlineImport } from './OutlineImport.tsx';
import { MergeDialog, SplitDialog } from './GridSplitMerge.tsx';

interface OutlineProps {
  code: string;
  name: string;
  level: string;
  role: 'self' | 'child';
  allowedActions: string[];
}
type OutlineFeature = Feature<Geometry | null, OutlineProps>;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const isArea = (g: Geometry | null): g is Extract<Geometry, { type: 'Polygon' | 'MultiPolygon' }> => g?.type === 'Polygon' || g?.type === 'MultiPolygon';

type Pending = { kind: 'create'; geometry: Geometry | null } | { kind: 'rename'; code: string; name: string };

export default function TerritoryEditor({ area, onChanged }: { area: AreaDetail; onChanged: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const settings = useMapSettings();
  const res = useApi((signal) => get<FeatureCollection<Geometry | null, OutlineProps>>(`/api/areas/${area.code}/outlines`, undefined, signal), [area.code]);
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layersRef = useRef(new Map<string, L.Layer>());
  const [selected, setSelected] = useState<string | null>(null);
  const [mode, setMode] = useState<'idle' | 'draw' | 'redraw' | 'cut'>('idle');
  const [splitParts, setSplitParts] = useState<Geometry[] | null>(null);
  const [merging, setMerging] = useState<string | null>(null);
  // Read by the layers' click handlers, which must not redraw the layers (that would end an edit).
  const modeRef = useRef(mode);
  useEffect(() => {
    modeRef.current = mode;
  }, [mode]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState<FeatureCollection | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const childLevel = area.level === 'village' ? 'grid' : 'building';
  const canAdd = area.allowedActions.includes('addChild');
  const crs = settings?.tiles?.crs ?? 'wgs84';

  const features = useMemo(() => (res.data?.features ?? []) as OutlineFeature[], [res.data]);
  const children = useMemo(() => features.filter((f) => f.properties.role === 'child'), [features]);
  const issues: TilingIssue[] = useMemo(() => {
    if (childLevel !== 'grid') return [];
    const grids = children.flatMap((f) => (isArea(f.geometry) ? [{ code: f.properties.code, geometry: f.geometry as never }] : []));
    try {
      return tilingIssues(grids);
    } catch {
      return [];
    }
  }, [children, childLevel]);
  const nameOf = (code: string) => children.find((c) => c.properties.code === code)?.properties.name ?? code;
  const sel = children.find((c) => c.properties.code === selected);

  // The map, once per area (its element exists once the outlines have loaded).
  const loaded = res.data !== null && res.data !== undefined;
  useEffect(() => {
    if (!el.current || !settings || !loaded) return;
    delete el.current.dataset.fitted;
    const map = L.map(el.current, { attributionControl: false, zoomSnap: 0.25, minZoom: 8, maxZoom: 20 });
    addBaseLayer(map, settings);
    map.pm.setGlobalOptions({ snappable: true, snapDistance: 18, allowSelfIntersection: false });
    map.pm.setLang(document.documentElement.lang === 'en' ? 'en' : 'zh');
    map.setView([31.87, 121.18], 13);
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, [area.code, settings, loaded]);

  // The outlines, redrawn whenever they change.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !res.data || !settings) return;
    const proj = projectionFor(settings);
    const group = L.featureGroup();
    layersRef.current.clear();
    for (const f of features) {
      if (!f.geometry) continue;
      const self = f.properties.role === 'self';
      const layer = L.geoJSON(f as Feature, {
        coordsToLatLng: proj.coordsToLatLng,
        style: () =>
          self
            ? { color: '#8c8c8c', weight: 2, dashArray: '6 4', fill: false, interactive: false }
            : { color: f.properties.code === selected ? '#c41d1d' : '#1d4ed8', weight: f.properties.code === selected ? 3 : 1.5, fillOpacity: 0.18 },
        pointToLayer: (_p, ll) => L.circleMarker(ll, { radius: 7, color: '#1d4ed8', weight: 2, fillOpacity: 0.6 }),
      });
      // Geoman must not offer the village's own outline for snapping edits; only children are editable.
      if (self) layer.eachLayer((l) => ((l as L.Path).options.pmIgnore = true));
      if (!self) {
        layer.bindTooltip(escapeHtml(f.properties.name), { sticky: true, className: 'gz-map-tip' });
        layer.on('click', () => {
          if (modeRef.current === 'idle') setSelected(f.properties.code);
        });
        layersRef.current.set(f.properties.code, layer);
        const b = isArea(f.geometry) ? layer.getBounds() : null;
        if (b?.isValid() && features.length <= 60) {
          L.marker(b.getCenter(), {
            interactive: false,
            keyboard: false,
            pmIgnore: true,
            icon: L.divIcon({ className: 'gz-map-label', html: `<span>${escapeHtml(f.properties.name)}</span>`, iconSize: [0, 0] }),
          } as L.MarkerOptions).addTo(group);
        }
      }
      layer.addTo(group);
    }
    for (const issue of issues) {
      const ll = proj.toMap(issue.at[1], issue.at[0]);
      L.circleMarker(ll, { radius: 8, color: '#d97706', weight: 2, fillColor: '#fbbf24', fillOpacity: 0.9, pmIgnore: true } as L.CircleMarkerOptions)
        .bindTooltip(issue.kind === 'overlap' ? t('territory.overlapAt', { a: nameOf(issue.codes[0]!), b: nameOf(issue.codes[1]!) }) : t('territory.gapAt'))
        .addTo(group);
    }
    group.addTo(map);
    const b = group.getBounds();
    if (b.isValid() && !map.getContainer().dataset.fitted) {
      map.fitBounds(b, { padding: [24, 24] });
      map.getContainer().dataset.fitted = '1';
    }
    return () => {
      group.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [res.data, settings, selected, issues]);

  // The outlines of a file being imported, drawn over the map until the import dialog closes.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !preview || !settings) return;
    const layer = L.geoJSON(preview, {
      coordsToLatLng: projectionFor(settings).coordsToLatLng,
      style: () => ({ color: '#d97706', weight: 2, dashArray: '4 3', fillOpacity: 0.12, interactive: false }),
      pmIgnore: true,
    } as L.GeoJSONOptions).addTo(map);
    const b = layer.getBounds();
    if (b.isValid()) map.fitBounds(b, { padding: [24, 24] });
    return () => {
      layer.remove();
    };
  }, [preview, settings]);

  // Splitting: two clicks on the map give the cutting line; the selected grid's outline is cut along it.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || mode !== 'cut' || !settings || !sel || !isArea(sel.geometry)) return;
    const proj = projectionFor(settings);
    const points: L.LatLng[] = [];
    const marks = L.layerGroup().addTo(map);
    const onClick = (e: L.LeafletMouseEvent) => {
      points.push(e.latlng);
      L.circleMarker(e.latlng, { radius: 5, color: '#c41d1d', pmIgnore: true } as L.CircleMarkerOptions).addTo(marks);
      if (points.length === 1) return;
      L.polyline(points, { color: '#c41d1d', dashArray: '6 4', pmIgnore: true } as L.PolylineOptions).addTo(marks);
      const [a, b] = points.map((p) => proj.fromMap(p)).map((p) => [p.lng, p.lat] as [number, number]);
      const parts = splitByLine(sel.geometry as unknown as SplitOutline, a!, b!);
      points.length = 0;
      marks.clearLayers();
      if (!parts) {
        message.warning(t('territory.cutMiss'));
        return;
      }
      setMode('idle');
      setSplitParts(parts as unknown as Geometry[]);
    };
    map.on('click', onClick);
    map.getContainer().classList.add('gz-map-cutting');
    return () => {
      map.off('click', onClick);
      map.getContainer().classList.remove('gz-map-cutting');
      marks.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, settings, sel?.properties.code]);

  // A shape drawn with Geoman becomes a pending creation (named in the dialog, then saved).
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const onCreate = (e: { layer: L.Layer }) => {
      const geometry = (e.layer as L.Polygon).toGeoJSON(7).geometry as Geometry;
      e.layer.remove();
      map.pm.disableDraw();
      setMode('idle');
      form.resetFields();
      setPending({ kind: 'create', geometry });
    };
    map.on('pm:create', onCreate as L.LeafletEventHandlerFn);
    return () => {
      map.off('pm:create', onCreate as L.LeafletEventHandlerFn);
    };
  }, [form, settings, loaded]);

  const startDraw = (shape: 'Polygon' | 'Marker') => {
    const map = mapRef.current;
    if (!map) return;
    setSelected(null);
    setMode('draw');
    map.pm.enableDraw(shape, { snappable: true, snapDistance: 18, continueDrawing: false, finishOn: null } as L.PM.DrawModeOptions);
  };
  const cancel = () => {
    const map = mapRef.current;
    map?.pm.disableDraw();
    if (selected) (layersRef.current.get(selected) as L.GeoJSON | undefined)?.eachLayer((l) => (l as L.Polygon).pm?.disable());
    setMode('idle');
    res.reload();
  };
  const startRedraw = () => {
    const layer = selected ? (layersRef.current.get(selected) as L.GeoJSON | undefined) : undefined;
    if (!layer) return;
    layer.eachLayer((l) => (l as L.Polygon).pm.enable({ snappable: true, snapDistance: 18, allowSelfIntersection: false }));
    setMode('redraw');
  };
  const saveRedraw = async () => {
    const layer = selected ? (layersRef.current.get(selected) as L.GeoJSON | undefined) : undefined;
    if (!layer || !selected) return;
    const parts = layer.getLayers().map((l) => (l as L.Polygon).toGeoJSON(7).geometry as Geometry);
    const geometry = parts.length === 1 ? parts[0] : { type: 'MultiPolygon', coordinates: parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : p.type === 'MultiPolygon' ? p.coordinates : [])) };
    setSaving(true);
    try {
      await patch(`/api/areas/${selected}`, { geometry, crs });
      message.success(t('territory.saved'));
      layer.eachLayer((l) => (l as L.Polygon).pm.disable());
      setMode('idle');
      res.reload();
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const submitName = async () => {
    if (!pending) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      if (pending.kind === 'create') {
        const created = await post<AreaDetail>('/api/areas', { parentCode: area.code, name: v.name.trim(), ...(pending.geometry ? { geometry: pending.geometry, crs } : {}) });
        setSelected(created.code);
        message.success(t('territory.created'));
      } else {
        await patch(`/api/areas/${pending.code}`, { name: v.name.trim() });
        message.success(t('area.renamed'));
      }
      setPending(null);
      res.reload();
      onChanged();
    } catch (e) {
      applyServerErrors(form, e, message, ['name']);
    } finally {
      setSaving(false);
    }
  };

  if (!settings || (res.loading && !res.data)) {
    return (
      <div className="gz-map-placeholder">
        <Spin />
      </div>
    );
  }
  if (res.error) return <Empty description={res.error.message} />;

  const levelName = labels.level(childLevel);
  return (
    <div className="gz-territory" data-testid="territory-editor">
      <Space wrap className="gz-territory-tools">
        {canAdd && mode === 'idle' && (
          <>
            <Button type="primary" icon={<BorderOutlined />} onClick={() => startDraw('Polygon')} data-testid="territory-draw">
              {t('territory.draw', { level: levelName })}
            </Button>
            {childLevel === 'building' && (
              <Button icon={<AimOutlined />} onClick={() => startDraw('Marker')} data-testid="territory-point">
                {t('territory.point')}
              </Button>
            )}
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                form.resetFields();
                setPending({ kind: 'create', geometry: null });
              }}
              data-testid="territory-add-plain"
            >
              {t('territory.addPlain', { level: levelName })}
            </Button>
            <OutlineImport
              code={area.code}
              crs={crs}
              onPreview={setPreview}
              onDone={() => {
                res.reload();
                onChanged();
              }}
            />
          </>
        )}
        {mode === 'draw' && (
          <>
            <span className="gz-muted" data-testid="territory-draw-hint">{t('territory.drawHint')}</span>
            <Button icon={<CloseOutlined />} onClick={cancel}>
              {t('common.cancel')}
            </Button>
          </>
        )}
        {mode === 'cut' && (
          <>
            <span className="gz-muted" data-testid="territory-cut-hint">{t('territory.splitHint')}</span>
            <Button icon={<CloseOutlined />} onClick={() => setMode('idle')}>
              {t('common.cancel')}
            </Button>
          </>
        )}
        {mode === 'redraw' && (
          <>
            <span className="gz-muted">{t('territory.redrawHint')}</span>
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={saveRedraw} data-testid="territory-save-outline">
              {t('territory.saveOutline')}
            </Button>
            <Button icon={<CloseOutlined />} onClick={cancel}>
              {t('common.cancel')}
            </Button>
          </>
        )}
      </Space>
      {issues.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="gz-territory-issues"
          data-testid="territory-issues"
          title={t('territory.issues', { n: issues.length })}
          description={
            <ul>
              {issues.slice(0, 8).map((i, k) => (
                <li key={k}>{i.kind === 'overlap' ? t('territory.overlapAt', { a: nameOf(i.codes[0]!), b: nameOf(i.codes[1]!) }) : t('territory.gapAt')}</li>
              ))}
            </ul>
          }
        />
      )}
      <div className="gz-territory-body">
        <div ref={el} className="gz-map gz-territory-map" data-testid="territory-map" />
        <div className="gz-territory-side">
          {sel ? (
            <div data-testid="territory-selected" data-code={sel.properties.code}>
              <h3 className="gz-territory-name">{sel.properties.name}</h3>
              <div className="gz-muted gz-mono">{sel.properties.code}</div>
              <div className="gz-territory-tags">
                <Tag>{labels.level(sel.properties.level)}</Tag>
                {!sel.geometry && <Tag color="orange">{t('territory.noOutline')}</Tag>}
              </div>
              {sel.properties.allowedActions.includes('edit') && mode === 'idle' && (
                <Space direction="vertical" className="gz-territory-actions">
                  <Button
                    icon={<EditOutlined />}
                    block
                    onClick={() => {
                      form.setFieldsValue({ name: sel.properties.name });
                      setPending({ kind: 'rename', code: sel.properties.code, name: sel.properties.name });
                    }}
                    data-testid="territory-rename"
                  >
                    {t('area.rename')}
                  </Button>
                  {isArea(sel.geometry) && (
                    <Button icon={<BorderOutlined />} block onClick={startRedraw} data-testid="territory-redraw">
                      {t('territory.redraw')}
                    </Button>
                  )}
                  {sel.properties.level === 'grid' && isArea(sel.geometry) && (
                    <Button icon={<ScissorOutlined />} block onClick={() => setMode('cut')} data-testid="territory-split">
                      {t('territory.split')}
                    </Button>
                  )}
                  {sel.properties.level === 'grid' && children.length > 1 && (
                    <Button icon={<MergeCellsOutlined />} block onClick={() => setMerging(sel.properties.code)} data-testid="territory-merge">
                      {t('territory.merge')}
                    </Button>
                  )}
                </Space>
              )}
            </div>
          ) : (
            <div className="gz-muted">
              {t('territory.pickHint', { level: levelName })}
              <ul className="gz-territory-list" data-testid="territory-list">
                {children.map((c) => (
                  <li key={c.properties.code}>
                    <a onClick={() => setSelected(c.properties.code)}>{c.properties.name}</a>
                    {!c.geometry && (
                      <Tooltip title={t('territory.noOutline')}>
                        <Tag color="orange" className="gz-territory-nooutline">{t('territory.noOutlineShort')}</Tag>
                      </Tooltip>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>
      {splitParts && sel && (
        <SplitDialog
          grid={{ code: sel.properties.code, name: sel.properties.name }}
          parts={splitParts}
          onPreview={setPreview}
          onClose={() => setSplitParts(null)}
          onDone={() => {
            setSplitParts(null);
            setSelected(null);
            res.reload();
            onChanged();
          }}
        />
      )}
      {merging && (
        <MergeDialog
          grids={children.filter((c) => c.properties.allowedActions.includes('edit')).map((c) => ({ code: c.properties.code, name: c.properties.name }))}
          first={merging}
          onClose={() => setMerging(null)}
          onDone={() => {
            setMerging(null);
            setSelected(null);
            res.reload();
            onChanged();
          }}
        />
      )}
      <Modal
        title={pending?.kind === 'rename' ? t('area.renameTitle') : t('territory.createTitle', { level: levelName })}
        open={pending !== null}
        onOk={submitName}
        onCancel={() => setPending(null)}
        confirmLoading={saving}
        okText={t('common.save')}
        okButtonProps={{ 'data-testid': 'territory-name-ok' } as never}
        destroyOnHidden
        width={420}
      >
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="name" label={t('area.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('area.name') }) }, { max: 60 }]}>
            <Input maxLength={60} showCount data-testid="territory-name" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

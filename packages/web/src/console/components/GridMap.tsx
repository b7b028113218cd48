import { useEffect, useRef } from 'react';
import { Empty, Spin } from 'antd';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection } from 'geojson';
import { get } from '../../api/client.ts';
import type { GridFeatureProps, GridMap as GridMapData } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { GRID_COLOURS } from '../../lib/areas.ts';
import { fmtNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { useLabels } from '../../lib/labels.ts';
import { addBaseLayer, projectionFor, useMapSettings } from '../../lib/mapTiles.ts';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * The grids under an area drawn from `/map` (WGS84), coloured by grid type, over the base map of
 * MAP_TILE_URL when one is set (lib/mapTiles.ts), else on a plain light background.
 */
export default function GridMap({ code, selected, onSelect }: { code: string; selected?: string; onSelect: (code: string) => void }) {
  const t = useT();
  const labels = useLabels();
  const res = useApi((signal) => get<GridMapData>(`/api/areas/${code}/map`, undefined, signal), [code]);
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });

  const data = res.data;
  const features = data?.features ?? [];
  const hasFeatures = features.length > 0;
  const settings = useMapSettings();
  const ready = settings !== null;

  useEffect(() => {
    if (!el.current || !hasFeatures || !ready) return;
    const map = L.map(el.current, {
      attributionControl: false,
      zoomControl: true,
      preferCanvas: features.length > 300,
      zoomSnap: 0.25,
      minZoom: 8,
      maxZoom: 19,
    });
    addBaseLayer(map, settings);
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
    };
    // The map is created once per area; the layer below follows the data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasFeatures, code, ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !data || !hasFeatures) return;
    const layer = L.geoJSON(data as unknown as FeatureCollection, {
      coordsToLatLng: projectionFor(settings).coordsToLatLng,
      style: (f?: Feature) => {
        const p = f?.properties as GridFeatureProps | undefined;
        const c = GRID_COLOURS[p?.gridType ?? 'residential'] ?? GRID_COLOURS.residential!;
        const isSel = p?.code === selected;
        return { color: c.stroke, weight: isSel ? 3 : 1.2, fillColor: c.fill, fillOpacity: isSel ? 0.75 : 0.55, opacity: 0.9 };
      },
      onEachFeature: (f: Feature, lyr: L.Layer) => {
        const p = f.properties as GridFeatureProps;
        const lines = [`<strong>${escapeHtml(p.name)}</strong>`, escapeHtml(labels.gridType(p.gridType))];
        if (p.households !== null) lines.push(`${escapeHtml(t('count.households'))}：${fmtNumber(p.households)}`);
        if (p.people !== null) lines.push(`${escapeHtml(t('count.people'))}：${fmtNumber(p.people)}`);
        if (p.households === null && p.plannedHouseholds !== null) lines.push(`${escapeHtml(t('area.plannedHouseholds'))}：${fmtNumber(p.plannedHouseholds)}`);
        lyr.bindTooltip(lines.join('<br/>'), { sticky: true, className: 'gz-map-tip' });
        lyr.on('click', () => onSelectRef.current(p.code));
        lyr.on('mouseover', () => (lyr as L.Path).setStyle({ weight: 3 }));
        lyr.on('mouseout', () => (lyr as L.Path).setStyle({ weight: p.code === selected ? 3 : 1.2 }));
      },
    }).addTo(map);
    // Names on the polygons when there are few enough to read (a community's or a town's grids).
    const names = L.layerGroup();
    if (data.features.length <= 40) {
      layer.eachLayer((l) => {
        const p = (l as L.Polygon).feature?.properties as GridFeatureProps | undefined;
        const b = (l as L.Polygon).getBounds?.();
        if (!p || !b?.isValid()) return;
        L.marker(b.getCenter(), {
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: 'gz-map-label', html: `<span>${escapeHtml(p.name)}</span>`, iconSize: [0, 0] }),
        }).addTo(names);
      });
    }
    names.addTo(map);
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16] });
    return () => {
      layer.remove();
      names.remove();
    };
  }, [data, hasFeatures, selected, labels, t, settings, ready]);

  if ((res.loading && !data) || (hasFeatures && !ready)) {
    return (
      <div className="gz-map-placeholder">
        <Spin />
      </div>
    );
  }
  if (!hasFeatures) {
    return (
      <div className="gz-map-placeholder">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={res.error ? res.error.message : t('area.mapEmpty')} />
      </div>
    );
  }
  const types = Array.from(new Set(features.map((f) => f.properties.gridType ?? 'residential')));
  return (
    <div className="gz-map-wrap">
      <div ref={el} className="gz-map" data-testid="grid-map" />
      <div className="gz-map-legend">
        {types.map((g) => {
          const c = GRID_COLOURS[g] ?? GRID_COLOURS.residential!;
          return (
            <span key={g} className="gz-map-legend-item">
              <i style={{ background: c.fill, borderColor: c.stroke }} />
              {labels.gridType(g)}
            </span>
          );
        })}
        <span className="gz-map-legend-item gz-muted">
          {t('count.grids')} {fmtNumber(features.length)}
        </span>
      </div>
    </div>
  );
}

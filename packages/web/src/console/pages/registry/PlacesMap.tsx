// The places of the list on a map (Leaflet, like GridMap): the grids of a community or grid outlined,
// each place a dot coloured by its group (compound, small venue, facility), compounds with their outline.
import { useEffect, useRef } from 'react';
import { Empty, Spin } from 'antd';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { FeatureCollection } from 'geojson';
import { get } from '../../../api/client.ts';
import type { Place } from '@gongzhi/domain/contract';
import type { GridMap as GridMapData } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { addBaseLayer, projectionFor, useMapSettings } from '../../../lib/mapTiles.ts';
import { useApi } from '../../../lib/useApi.ts';

export const GROUP_COLOURS: Record<string, string> = { compound: '#1677ff', 'small-venue': '#fa8c16', facility: '#52c41a' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function PlacesMap({ area, places, onSelect }: { area: string; places: Place[]; onSelect: (p: Place) => void }) {
  const { tx } = useI18n();
  // Grid outlines only for a community or finer: a district's thousands of grids would hide the places.
  const grids = useApi(area.length >= 12 ? (signal) => get<GridMapData>(`/api/areas/${area}/map`, undefined, signal) : null, [area]);
  const settings = useMapSettings();
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });
  const ready = settings !== null;
  const hasAnything = places.length > 0 || (grids.data?.features.length ?? 0) > 0;

  useEffect(() => {
    if (!el.current || !ready || !hasAnything) return;
    const map = L.map(el.current, { attributionControl: false, zoomControl: true, zoomSnap: 0.25, minZoom: 8, maxZoom: 20 });
    addBaseLayer(map, settings);
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, hasAnything, area]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const proj = projectionFor(settings);
    const group = L.featureGroup();
    if (grids.data?.features.length) {
      L.geoJSON(grids.data as unknown as FeatureCollection, {
        coordsToLatLng: proj.coordsToLatLng,
        style: () => ({ color: '#8c8c8c', weight: 1, fillOpacity: 0.04, dashArray: '4 3' }),
        interactive: false,
      }).addTo(group);
    }
    for (const p of places) {
      const colour = GROUP_COLOURS[p.group ?? ''] ?? '#595959';
      if (p.outline) {
        L.geoJSON(p.outline as never, { coordsToLatLng: proj.coordsToLatLng, style: () => ({ color: colour, weight: 1.5, fillOpacity: 0.15 }), interactive: false }).addTo(group);
      }
      const m = L.circleMarker(proj.toMap(p.lat, p.lng), { radius: 7, color: '#fff', weight: 2, fillColor: colour, fillOpacity: 0.95 });
      m.bindTooltip(`<strong>${esc(p.name)}</strong><br/>${esc(tx(`places.kind.${p.kind}`, ''))}`, { className: 'gz-map-tip' });
      m.on('click', () => onSelectRef.current(p));
      m.addTo(group);
    }
    group.addTo(map);
    const b = group.getBounds();
    if (b.isValid()) map.fitBounds(b, { padding: [16, 16], maxZoom: 17 });
    return () => {
      group.remove();
    };
  }, [places, grids.data, settings, tx, ready, hasAnything]);

  if (!ready || (grids.loading && !grids.data && places.length === 0)) {
    return (
      <div className="gz-map-placeholder">
        <Spin />
      </div>
    );
  }
  if (!hasAnything) {
    return (
      <div className="gz-map-placeholder">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('places.empty')} />
      </div>
    );
  }
  return <div ref={el} className="gz-map" data-testid="places-map" />;
}

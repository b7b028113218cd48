import { useEffect, useMemo, useRef } from 'react';
import { Button, Empty, Spin } from 'antd';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { get } from '../../api/client.ts';
import type { AreaDetail, GridFeature, GridFeatureProps, GridMap as GridMapData } from '../../api/types.ts';
import { useT } from '../../i18n/index.tsx';
import { GRID_COLOURS } from '../../lib/areas.ts';
import { addBaseLayer, projectionFor, useMapSettings } from '../../lib/mapTiles.ts';
import { useApi } from '../../lib/useApi.ts';

export interface PickedPoint {
  lat: number;
  lng: number;
}

type Ring = number[][];

function inRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inGeometry(p: [number, number], g: Geometry): boolean {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polygons.some((rings) => rings.length > 0 && inRing(p, rings[0]!) && !rings.slice(1).some((hole) => inRing(p, hole)));
}

/** The grid (of those drawn) whose polygon contains a WGS84 point. */
export function gridContaining(features: GridFeature[], p: PickedPoint): GridFeature | undefined {
  return features.find((f) => inGeometry([p.lng, p.lat], f.geometry));
}

const pinIcon = L.divIcon({ className: 'gz-pick-pin', html: '<span></span>', iconSize: [22, 22], iconAnchor: [11, 22] });

/**
 * Pick a case's place on the map: the grids of `area` are drawn (over the base map when one is set);
 * a click places the point, dragging the pin adjusts it, and the grid the point falls in is named
 * below. Values are WGS84 whatever the base map is drawn in.
 */
export default function LocationPicker({ area, scope, value, onChange }: { area: string; scope: string; value: PickedPoint | null; onChange: (p: PickedPoint | null) => void }) {
  const t = useT();
  // The grids of the village around the chosen area, but never above the caller's own scope (a grid
  // worker may read only their grid, not its village).
  const village = area.length > 12 ? area.slice(0, 12) : area;
  const mapArea = scope.length > village.length && scope.startsWith(village) ? scope : village;
  const res = useApi((signal) => get<GridMapData>(`/api/areas/${mapArea}/map`, undefined, signal), [mapArea]);
  const settings = useMapSettings();
  const proj = useMemo(() => projectionFor(settings), [settings]);
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const pinRef = useRef<L.Marker | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const features = useMemo(() => res.data?.features ?? [], [res.data]);
  const ready = settings !== null && res.data !== undefined;
  const hasFeatures = features.length > 0;
  const grid = value ? gridContaining(features, value) : undefined;
  // The path a person reads (状元街居委会 第一网格): grid names repeat from village to village.
  const gridCode = grid?.properties.code ?? null;
  const gridDetail = useApi(gridCode ? (signal) => get<AreaDetail>(`/api/areas/${gridCode}`, undefined, signal) : null, [gridCode]);
  const gridPath =
    gridDetail.data && gridDetail.data.code === gridCode
      ? gridDetail.data.fullPath
          .filter((p) => p.level === 'village' || p.level === 'grid')
          .map((p) => p.name)
          .join(' ')
      : grid?.properties.name;

  // The map and its grids, once per area.
  useEffect(() => {
    if (!el.current || !ready || !hasFeatures) return;
    const map = L.map(el.current, { attributionControl: false, zoomControl: true, zoomSnap: 0.25, minZoom: 8, maxZoom: 20, preferCanvas: features.length > 300, doubleClickZoom: false });
    addBaseLayer(map, settings);
    const layer = L.geoJSON({ type: 'FeatureCollection', features } as unknown as FeatureCollection, {
      coordsToLatLng: proj.coordsToLatLng,
      style: (f?: Feature) => {
        const c = GRID_COLOURS[(f?.properties as GridFeatureProps | undefined)?.gridType ?? 'residential'] ?? GRID_COLOURS.residential!;
        return { color: c.stroke, weight: 1.2, fillColor: c.fill, fillOpacity: 0.35, opacity: 0.9 };
      },
      onEachFeature: (f: Feature, lyr: L.Layer) => {
        lyr.bindTooltip((f.properties as GridFeatureProps).name.replace(/[<>&"']/g, ''), { sticky: true, className: 'gz-map-tip' });
      },
    }).addTo(map);
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
    if (features.length <= 40) {
      layer.eachLayer((l) => {
        const p = (l as L.Polygon).feature?.properties as GridFeatureProps | undefined;
        const b = (l as L.Polygon).getBounds?.();
        if (!p || !b?.isValid()) return;
        L.marker(b.getCenter(), {
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: 'gz-map-label', html: `<span>${p.name.replace(/[<>&"']/g, '')}</span>`, iconSize: [0, 0] }),
        }).addTo(map);
      });
    }
    map.on('click', (e: L.LeafletMouseEvent) => onChangeRef.current(proj.fromMap(e.latlng)));
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
      pinRef.current = null;
    };
  }, [ready, hasFeatures, features, settings, proj]);

  // The pin follows the value (a click, a drag, or coordinates typed in the advanced fields).
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!value) {
      pinRef.current?.remove();
      pinRef.current = null;
      return;
    }
    const ll = proj.toMap(value.lat, value.lng);
    if (!pinRef.current) {
      const pin = L.marker(ll, { draggable: true, icon: pinIcon, keyboard: false, title: t('case.pick.drag') }).addTo(map);
      pin.on('dragend', () => onChangeRef.current(proj.fromMap(pin.getLatLng())));
      pinRef.current = pin;
    } else if (!pinRef.current.getLatLng().equals(ll, 1e-7)) {
      pinRef.current.setLatLng(ll);
    }
    if (!map.getBounds().contains(ll)) map.panTo(ll);
  }, [value, proj, ready, hasFeatures, t]);

  if (!ready) {
    return (
      <div className="gz-map-placeholder gz-pick-map">
        <Spin />
      </div>
    );
  }
  if (!hasFeatures) {
    return (
      <div className="gz-map-placeholder gz-pick-map">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={res.error ? res.error.message : t('area.mapEmpty')} />
      </div>
    );
  }
  return (
    <div className="gz-pick">
      <div ref={el} className="gz-map gz-pick-map" data-testid="pick-map" />
      <div className="gz-pick-status" data-testid="pick-status" aria-live="polite">
        {value ? (
          grid ? (
            <span>
              {t('case.pick.inGrid')}
              <strong data-testid="pick-grid" data-code={grid.properties.code}>
                {gridPath}
              </strong>
            </span>
          ) : (
            <span className="gz-warn-text">{t('case.pick.outside')}</span>
          )
        ) : (
          <span className="gz-muted">{t('case.pick.hint')}</span>
        )}
        {value && (
          <Button type="link" size="small" onClick={() => onChange(null)} data-testid="pick-clear">
            {t('case.pick.clear')}
          </Button>
        )}
      </div>
    </div>
  );
}

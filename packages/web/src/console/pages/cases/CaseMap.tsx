import { useEffect, useRef } from 'react';
import { Empty, Spin } from 'antd';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { GeoJsonObject } from 'geojson';
import { get } from '../../../api/client.ts';
import type { AreaDetail } from '../../../api/types.ts';
import { useT } from '../../../i18n/index.tsx';
import { GRID_COLOURS } from '../../../lib/areas.ts';
import { useApi } from '../../../lib/useApi.ts';
import { addBaseLayer, projectionFor, useMapSettings } from '../../../lib/mapTiles.ts';

/**
 * Where the case is: its point (WGS84) inside the polygon of its grid, over the base map of
 * MAP_TILE_URL when one is set (else a plain background). The grid is drawn only when the caller may read it.
 */
export default function CaseMap({
  location,
  areaCode,
  height = 260,
  verifyLocation = null,
}: {
  location: { lat: number; lng: number } | null;
  areaCode: string;
  height?: number;
  /** Where the on-site check was passed, drawn beside the report's point. */
  verifyLocation?: { lat: number; lng: number } | null;
}) {
  const t = useT();
  const gridCode = areaCode.length >= 15 ? areaCode.slice(0, 15) : null;
  const grid = useApi(gridCode ? (signal) => get<AreaDetail>(`/api/areas/${gridCode}`, undefined, signal) : null, [gridCode]);
  const geometry = grid.data?.geometry as GeoJsonObject | undefined;
  const el = useRef<HTMLDivElement>(null);
  const settings = useMapSettings();
  const waiting = (Boolean(gridCode) && grid.loading && !grid.data) || settings === null;
  const drawable = Boolean(location || geometry || verifyLocation);

  useEffect(() => {
    const container = el.current;
    if (!container || !drawable || !settings) return;
    const proj = projectionFor(settings);
    const colours = GRID_COLOURS[grid.data?.gridType ?? 'residential'] ?? GRID_COLOURS.residential!;
    const outline = geometry ? L.geoJSON(geometry, { coordsToLatLng: proj.coordsToLatLng, style: { color: colours.stroke, weight: 1.5, fillColor: colours.fill, fillOpacity: 0.45 } }) : null;
    const ll = location ? proj.toMap(location.lat, location.lng) : null;
    let bounds: L.LatLngBounds | null = outline?.getBounds().isValid() ? outline.getBounds() : null;
    if (ll) bounds = bounds ? bounds.extend(ll) : L.latLngBounds(ll, ll);
    const vl = verifyLocation ? proj.toMap(verifyLocation.lat, verifyLocation.lng) : null;
    if (vl) bounds = bounds ? bounds.extend(vl) : L.latLngBounds(vl, vl);
    if (!bounds?.isValid()) return;

    // The view is set before any layer is added: a vector layer added to a map without a view (or
    // in a container without a size) has no renderer bounds yet, and Leaflet then fails in
    // `_clipPoints` ("Cannot read properties of undefined (reading 'min')").
    const map = L.map(container, { attributionControl: false, zoomControl: true, zoomSnap: 0.25, minZoom: 8, maxZoom: 20, scrollWheelZoom: false });
    const frame = () => {
      if (bounds!.getNorthEast().equals(bounds!.getSouthWest())) map.setView(bounds!.getCenter(), 17, { animate: false });
      else map.fitBounds(bounds!, { padding: [20, 20], maxZoom: 18, animate: false });
    };
    frame();
    addBaseLayer(map, settings);
    if (outline) {
      outline.addTo(map);
      outline.bindTooltip(grid.data?.name ?? '', { sticky: true, className: 'gz-map-tip' });
      if (grid.data && outline.getBounds().isValid()) {
        L.marker(outline.getBounds().getCenter(), {
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: 'gz-map-label', html: `<span>${grid.data.name.replace(/[<>&"']/g, '')}</span>`, iconSize: [0, 0] }),
        }).addTo(map);
      }
    }
    if (ll && location) {
      L.circle(ll, { radius: 18, color: '#b7181e', weight: 1, fillColor: '#b7181e', fillOpacity: 0.15 }).addTo(map);
      L.circleMarker(ll, { radius: 7, color: '#fff', weight: 2, fillColor: '#b7181e', fillOpacity: 1 })
        .bindTooltip(`${location.lat.toFixed(6)}, ${location.lng.toFixed(6)}`, { direction: 'top', offset: [0, -6] })
        .addTo(map);
    }
    if (vl && verifyLocation) {
      L.circleMarker(vl, { radius: 6, color: '#fff', weight: 2, fillColor: '#237804', fillOpacity: 1 })
        .bindTooltip(`${t('case.map.verifyPoint')} ${verifyLocation.lat.toFixed(6)}, ${verifyLocation.lng.toFixed(6)}`, { direction: 'top', offset: [0, -6] })
        .addTo(map);
    }
    // A container that gets its size later (a tab or panel shown afterwards) re-frames the map.
    let size = `${container.clientWidth}x${container.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const now = `${container.clientWidth}x${container.clientHeight}`;
      if (now === size || !container.clientWidth || !container.clientHeight) return;
      size = now;
      map.invalidateSize({ animate: false });
      frame();
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      map.remove();
    };
  }, [drawable, geometry, location, verifyLocation, grid.data, settings, t]);

  if (waiting) {
    return (
      <div className="gz-map-placeholder" style={{ height }}>
        <Spin />
      </div>
    );
  }
  if (!drawable) {
    return (
      <div className="gz-map-placeholder" style={{ height }}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.map.none')} />
      </div>
    );
  }
  return (
    <div className="gz-map-wrap">
      <div ref={el} className="gz-map gz-case-map" style={{ height }} data-testid="case-map" />
      <div className="gz-map-legend">
        {location ? (
          <span className="gz-map-legend-item">
            <i className="gz-legend-point" />
            {t('case.map.point')}
          </span>
        ) : (
          <span className="gz-map-legend-item gz-muted">{t('case.map.noPoint')}</span>
        )}
        {verifyLocation && (
          <span className="gz-map-legend-item" data-testid="case-map-verify">
            <i className="gz-legend-point" style={{ background: '#237804' }} />
            {t('case.map.verifyPoint')}
          </span>
        )}
        {geometry && grid.data && (
          <span className="gz-map-legend-item">
            <i style={{ background: GRID_COLOURS.residential!.fill, borderColor: GRID_COLOURS.residential!.stroke }} />
            {grid.data.name}
          </span>
        )}
      </div>
    </div>
  );
}

// The base map under every Leaflet map of the web app (console and phone pages).
//
// The server says which tile layer to use (`GET /api/config`, from the MAP_TILE_* settings); with
// none, maps draw the grid outlines on a plain background and request no tiles at all. Our data is
// WGS84. Tiles of Chinese providers (AMap, Tencent, 天地图's GCJ-02 mirrors) are drawn in GCJ-02, so
// when the server says `crs: 'gcj02'` every point and polygon is shifted to GCJ-02 for drawing, and a
// point the user picks on the map is shifted back to WGS84 before it is used.
import { useEffect, useState } from 'react';
import gcoord from 'gcoord';
import L from 'leaflet';
import type { MapTiles, PublicConfig } from '@gongzhi/domain/contract';
import { get } from '../api/client.ts';

export type { MapTiles };
export type MapSettings = PublicConfig['map'];

const NO_TILES: MapSettings = { tiles: null };
let loading: Promise<MapSettings> | null = null;
let loaded: MapSettings | null = null;

/** The map settings, loaded once per page; a failed load means "no base map" (never an error). */
export function loadMapSettings(): Promise<MapSettings> {
  loading ??= get<PublicConfig>('/api/config').then(
    (c) => (loaded = c.map?.tiles ? { tiles: c.map.tiles } : NO_TILES),
    () => (loaded = NO_TILES),
  );
  return loading;
}

/** The map settings, or null while they load (maps wait for them so tiles and shifts are right from the start). */
export function useMapSettings(): MapSettings | null {
  const [s, setS] = useState<MapSettings | null>(loaded);
  useEffect(() => {
    if (s) return;
    let live = true;
    void loadMapSettings().then((v) => {
      if (live) setS(v);
    });
    return () => {
      live = false;
    };
  }, [s]);
  return s;
}

/** Converts between our WGS84 data and the coordinates the map is drawn in. */
export interface MapProjection {
  /** WGS84 → map. */
  toMap(lat: number, lng: number): L.LatLng;
  /** Map → WGS84 (rounded to 6 decimals, about 0.1 m). */
  fromMap(ll: L.LatLng): { lat: number; lng: number };
  /** For L.geoJSON's `coordsToLatLng`: GeoJSON [lng, lat] in WGS84 → map. */
  coordsToLatLng(c: [number, number] | [number, number, number]): L.LatLng;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function projectionFor(settings: MapSettings | null): MapProjection {
  const gcj = settings?.tiles?.crs === 'gcj02';
  const toMap = (lat: number, lng: number) => {
    if (!gcj) return L.latLng(lat, lng);
    const [x, y] = gcoord.transform<[number, number]>([lng, lat], gcoord.WGS84, gcoord.GCJ02);
    return L.latLng(y, x);
  };
  return {
    toMap,
    fromMap: (ll) => {
      if (!gcj) return { lat: round6(ll.lat), lng: round6(ll.lng) };
      const [x, y] = gcoord.transform<[number, number]>([ll.lng, ll.lat], gcoord.GCJ02, gcoord.WGS84);
      return { lat: round6(y), lng: round6(x) };
    },
    coordsToLatLng: (c) => toMap(c[1], c[0]),
  };
}

/**
 * Adds the configured tile layer (and its label layer) to `map`, with the attribution the provider
 * asks for. Without tiles, nothing is added and the map keeps its plain background. Returns the
 * largest zoom the tiles have, for the caller's `maxZoom`.
 */
export function addBaseLayer(map: L.Map, settings: MapSettings | null): number | null {
  const tiles = settings?.tiles;
  if (!tiles) return null;
  const opts: L.TileLayerOptions = { subdomains: tiles.subdomains, maxNativeZoom: tiles.maxZoom, maxZoom: 20 };
  L.tileLayer(tiles.url, opts).addTo(map);
  if (tiles.labelUrl) L.tileLayer(tiles.labelUrl, opts).addTo(map);
  if (tiles.attribution) L.control.attribution({ prefix: false }).addAttribution(tiles.attribution).addTo(map);
  map.getContainer().classList.add('gz-map-tiled');
  return tiles.maxZoom;
}

import { describe, expect, it } from 'vitest';
import { loadConfig, loadMapTiles, tileOrigins } from '../src/config.ts';

describe('the base map settings (MAP_TILE_*)', () => {
  it('are off by default: maps draw the grid outlines alone', () => {
    expect(loadMapTiles({})).toBeNull();
    expect(loadMapTiles({ MAP_TILE_URL: '  ' })).toBeNull();
    expect(loadConfig({}).mapTiles).toBeNull();
  });

  it('fill the key into a 天地图 template and keep its subdomains and label layer', () => {
    const t = loadMapTiles({
      MAP_TILE_URL: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}',
      MAP_TILE_LABEL_URL: 'https://t{s}.tianditu.gov.cn/cva_w/wmts?LAYER=cva&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}',
      MAP_TILE_KEY: 'abc123',
      MAP_TILE_SUBDOMAINS: '01234567',
      MAP_TILE_ATTRIBUTION: '© 天地图',
    });
    expect(t).toMatchObject({ subdomains: '01234567', crs: 'wgs84', attribution: '© 天地图', maxZoom: 18 });
    expect(t!.url).toContain('&tk=abc123');
    expect(t!.url).not.toContain('{key}');
    expect(t!.labelUrl).toContain('LAYER=cva');
    expect(t!.labelUrl).toContain('tk=abc123');
  });

  it('accept a self-hosted GCJ-02 server with its own zoom limit', () => {
    expect(loadMapTiles({ MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png', MAP_TILE_CRS: 'GCJ02', MAP_TILE_MAX_ZOOM: '17' })).toEqual({
      url: '/tiles/{z}/{x}/{y}.png',
      labelUrl: null,
      subdomains: 'abc',
      crs: 'gcj02',
      attribution: '',
      maxZoom: 17,
    });
  });

  it('refuse settings that would leave every map with broken tiles, naming the setting', () => {
    expect(() => loadMapTiles({ MAP_TILE_URL: 'https://tiles.example/{z}/{x}.png' })).toThrow(/MAP_TILE_URL.*\{z\}、\{x\}、\{y\}/);
    expect(() => loadMapTiles({ MAP_TILE_URL: 'tiles.example/{z}/{x}/{y}.png' })).toThrow(/MAP_TILE_URL 应以/);
    expect(() => loadMapTiles({ MAP_TILE_URL: 'https://t.example/{z}/{x}/{y}?tk={key}' })).toThrow(/MAP_TILE_KEY/);
    expect(() => loadMapTiles({ MAP_TILE_URL: 'https://t.example/{z}/{x}/{y}', MAP_TILE_CRS: 'bd09' })).toThrow(/MAP_TILE_CRS 只能是 wgs84 或 gcj02/);
    expect(() => loadMapTiles({ MAP_TILE_URL: 'https://t.example/{z}/{x}/{y}', MAP_TILE_MAX_ZOOM: '30' })).toThrow(/MAP_TILE_MAX_ZOOM/);
  });

  it('name the tile servers for the Content-Security-Policy, one origin per subdomain', () => {
    expect(tileOrigins(null)).toEqual([]);
    expect(tileOrigins(loadMapTiles({ MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png' }))).toEqual([]);
    const t = loadMapTiles({ MAP_TILE_URL: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}', MAP_TILE_KEY: 'k', MAP_TILE_SUBDOMAINS: '01' });
    expect(tileOrigins(t)).toEqual(['https://t0.tianditu.gov.cn', 'https://t1.tianditu.gov.cn']);
  });
});

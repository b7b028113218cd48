import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { fromWgs84, inChina, toWgs84, validLatLng } from '../src/cases/coords.ts';
import { haversineMetres } from '../src/cases/similarity.ts';
import { DomainError } from '../src/errors.ts';

/** A point in Haimen's town centre as AMap / WeChat (GCJ-02) reports it. */
const HAIMEN_GCJ = { lat: 31.871, lng: 121.176 };

describe('toWgs84', () => {
  it('GCJ-02 → WGS84 in Haimen matches gcoord and moves the point a few hundred metres', () => {
    const wgs = toWgs84(HAIMEN_GCJ.lat, HAIMEN_GCJ.lng, 'gcj02');
    const [lng, lat] = gcoord.transform<[number, number]>([HAIMEN_GCJ.lng, HAIMEN_GCJ.lat], gcoord.GCJ02, gcoord.WGS84);
    expect(Math.abs(wgs.lat - lat)).toBeLessThan(1e-6);
    expect(Math.abs(wgs.lng - lng)).toBeLessThan(1e-6);
    // Pinned values: in this part of Jiangsu the true (WGS84) point lies north-west of the GCJ-02 one.
    expect(wgs.lat).toBeCloseTo(31.87286, 5);
    expect(wgs.lng).toBeCloseTo(121.17142, 5);
    const shift = haversineMetres(HAIMEN_GCJ, wgs);
    expect(shift).toBeGreaterThan(100);
    expect(shift).toBeLessThan(700);
  });

  it('WGS84 passes through unchanged', () => {
    expect(toWgs84(31.871, 121.176, 'wgs84')).toEqual({ lat: 31.871, lng: 121.176 });
  });

  it('BD-09 → WGS84 goes through GCJ-02 and lands within ~1.5 km', () => {
    const wgs = toWgs84(HAIMEN_GCJ.lat, HAIMEN_GCJ.lng, 'bd09');
    const [gLng, gLat] = gcoord.transform<[number, number]>([HAIMEN_GCJ.lng, HAIMEN_GCJ.lat], gcoord.BD09, gcoord.GCJ02);
    const viaGcj = toWgs84(gLat, gLng, 'gcj02');
    expect(wgs.lat).toBeCloseTo(viaGcj.lat, 6);
    expect(wgs.lng).toBeCloseTo(viaGcj.lng, 6);
    // Baidu adds roughly +0.006° lat / +0.0065° lng on top of GCJ-02: WGS84 is south-west of it.
    expect(wgs.lat).toBeLessThan(HAIMEN_GCJ.lat);
    expect(wgs.lng).toBeLessThan(HAIMEN_GCJ.lng);
    const shift = haversineMetres(HAIMEN_GCJ, wgs);
    expect(shift).toBeGreaterThan(500);
    expect(shift).toBeLessThan(1500);
  });

  it('fromWgs84 inverts toWgs84 to within a metre', () => {
    for (const crs of ['gcj02', 'bd09'] as const) {
      const wgs = toWgs84(HAIMEN_GCJ.lat, HAIMEN_GCJ.lng, crs);
      const back = fromWgs84(wgs.lat, wgs.lng, crs);
      expect(haversineMetres(back, HAIMEN_GCJ)).toBeLessThan(1);
    }
  });

  it('outside China GCJ-02 is not shifted', () => {
    expect(toWgs84(51.5074, -0.1278, 'gcj02')).toEqual({ lat: 51.5074, lng: -0.1278 });
  });

  it('rejects invalid coordinates', () => {
    expect(() => toWgs84(Number.NaN, 121.176, 'gcj02')).toThrow(DomainError);
    expect(() => toWgs84(121.176, 31.871, 'gcj02')).toThrow(DomainError); // swapped
  });
});

describe('validLatLng and inChina', () => {
  it('validLatLng checks type, finiteness and range', () => {
    expect(validLatLng(31.871, 121.176)).toBe(true);
    expect(validLatLng(-90, -180)).toBe(true);
    expect(validLatLng(90.0001, 0)).toBe(false);
    expect(validLatLng(0, 180.5)).toBe(false);
    expect(validLatLng(Number.POSITIVE_INFINITY, 0)).toBe(false);
    expect(validLatLng('31.8', 121.1)).toBe(false);
    expect(validLatLng(null, undefined)).toBe(false);
  });

  it('inChina is a rough bbox', () => {
    expect(inChina(31.871, 121.176)).toBe(true); // Haimen
    expect(inChina(43.825, 87.617)).toBe(true); // Urumqi
    expect(inChina(18.25, 109.5)).toBe(true); // Sanya
    expect(inChina(0, 0)).toBe(false);
    expect(inChina(51.5074, -0.1278)).toBe(false); // London
    expect(inChina(121.176, 31.871)).toBe(false); // swapped
  });
});

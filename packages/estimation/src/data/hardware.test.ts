import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HARDWARE_TABLE } from './hardware';

const yamlPath = fileURLToPath(new URL('../../../../configs/hardware.yaml', import.meta.url));

describe('hardware table', () => {
  it('configs/hardware.yaml equals the table the package ships', () => {
    expect(existsSync(yamlPath)).toBe(true);
    expect(parse(readFileSync(yamlPath, 'utf8'))).toEqual(HARDWARE_TABLE);
  });

  it('every chip has a positive peak at its default precision and an https source', () => {
    for (const chip of HARDWARE_TABLE.chips) {
      expect(chip.peakFlops[chip.defaultPrecision], chip.id).toBeGreaterThan(1e12);
      expect(chip.sourceUrl, chip.id).toMatch(/^https:\/\//);
    }
  });

  it('every price names a known chip and has a source', () => {
    const ids = new Set(HARDWARE_TABLE.chips.map((chip) => chip.id));
    for (const price of HARDWARE_TABLE.prices) {
      expect(ids.has(price.chip), price.chip).toBe(true);
      expect(price.usdPerHour).toBeGreaterThan(0);
      expect(price.sourceUrl).toMatch(/^https:\/\//);
    }
  });
});

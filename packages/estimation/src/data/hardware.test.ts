import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getChip, peakFlops } from '../chips';
import { HARDWARE_TABLE } from './hardware';

const yamlPath = fileURLToPath(new URL('../../../../configs/hardware.yaml', import.meta.url));

describe('hardware table', () => {
  it('configs/hardware.yaml equals the table the package ships', () => {
    expect(existsSync(yamlPath)).toBe(true);
    expect(parse(readFileSync(yamlPath, 'utf8'))).toEqual(HARDWARE_TABLE);
  });

  it('every chip has a positive peak at its default precision and an https source', () => {
    for (const chip of HARDWARE_TABLE.chips) {
      expect(chip.peakFlops[chip.defaultPrecision], chip.id).toBeGreaterThan(1e11);
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

  it('matches older and workstation GPUs as Epoch writes them, without confusing neighbours', () => {
    expect(getChip('NVIDIA Tesla K40c')?.id).toBe('nvidia-k40');
    expect(getChip('NVIDIA Tesla K40t')?.id).toBe('nvidia-k40');
    expect(getChip('NVIDIA Tesla K20m')?.id).toBe('nvidia-k20');
    expect(getChip('NVIDIA GeForce RTX 2080 Ti 11GB')?.id).toBe('nvidia-rtx-2080-ti');
    expect(getChip('NVIDIA GeForce RTX 3090 Ti')?.id).toBe('nvidia-rtx-3090-ti');
    expect(getChip('NVIDIA GeForce RTX 3090')?.id).toBe('nvidia-rtx-3090');
    expect(getChip('NVIDIA GeForce GTX 1080')?.id).toBe('nvidia-gtx-1080');
    expect(getChip('NVIDIA GeForce GTX 1080 Ti')?.id).toBe('nvidia-gtx-1080-ti');
    expect(getChip('NVIDIA Tesla V100 SXM3 32 GB')?.id).toBe('nvidia-v100');
    expect(getChip('NVIDIA Quadro RTX 9999')).toBeNull();
  });

  it('takes cards without tensor cores at FP32 and consumer cards at FP32 unless a precision is stated', () => {
    const k80 = getChip('NVIDIA Tesla K80');
    expect(k80 && peakFlops(k80)).toEqual({ flops: 8.73e12, precision: 'fp32' });
    const p100 = getChip('NVIDIA P100');
    expect(p100 && peakFlops(p100).precision).toBe('fp16');
    const a6000 = getChip('NVIDIA RTX A6000');
    expect(a6000 && peakFlops(a6000).flops).toBe(3.87e13);
    expect(a6000 && peakFlops(a6000, 'fp16').flops).toBe(1.548e14);
  });
});

import { describe, expect, it } from 'vitest';
import { findMoeFamily, moeActiveShare, parseNameSize } from './names';

describe('parseNameSize', () => {
  it.each([
    ['Llama 3.1-405B', 405e9, undefined],
    ['Qwen2.5-72B-Instruct', 72e9, undefined],
    ['gpt-oss-20b', 20e9, undefined],
    ['Qwen3-235B-A22B', 235e9, 22e9],
    ['Qwen3.5 397B-A17B', 397e9, 17e9],
    ['Kimi-K2-1T', 1e12, undefined],
  ])('%s → total %d, active %s', (name, total, active) => {
    const size = parseNameSize(name);
    expect(size?.total).toBe(total);
    expect(size?.active).toBe(active);
  });

  it('derives Mixtral 8x22B active parameters from its 141B total (≈39B)', () => {
    const size = parseNameSize('Mixtral 8x22B', 141e9);
    expect(size?.active).toBeCloseTo(39e9, -8);
    expect(size?.total).toBe(141e9);
  });

  it('estimates 8x7B without a total from the shared-fraction prior (≈12.6B active, ≈46B total)', () => {
    const size = parseNameSize('Mixtral-8x7B-Instruct');
    expect(size?.active).toBeCloseTo(12.6e9, -8);
    expect(size?.total).toBeCloseTo(46.2e9, -8);
  });

  it('ignores names without a size, versions and effective sizes', () => {
    for (const name of ['GPT-4 Turbo', 'o3-mini', 'Claude 3.5 Sonnet', 'GLM-4.5', 'gemma-3n-e4b', 'Phi-4'])
      expect(parseNameSize(name), name).toBeNull();
  });
});

describe('findMoeFamily', () => {
  it('knows published MoE architectures and not dense models', () => {
    expect(findMoeFamily('DeepSeek-R1')?.activeShare).toBeCloseTo(37 / 671, 6);
    expect(findMoeFamily('Llama 4 Maverick')?.family).toBe('Llama 4 Maverick');
    expect(findMoeFamily('Llama 3.1-405B')).toBeNull();
    expect(findMoeFamily('Qwen2.5-72B')).toBeNull();
    expect(findMoeFamily('DeepSeek-R1-Distill-Qwen-32B')).toBeNull();
  });
});

describe('moeActiveShare', () => {
  it('falls with total size as in published MoEs: 12% at 100B, ~7% at 1T, capped at 50%', () => {
    expect(moeActiveShare(1e11)).toBeCloseTo(0.12, 6);
    expect(moeActiveShare(1e12)).toBeCloseTo(0.12 * 10 ** -0.25, 6);
    expect(moeActiveShare(3e9)).toBeGreaterThan(moeActiveShare(3e10));
    expect(moeActiveShare(1e6)).toBe(0.5);
  });
});

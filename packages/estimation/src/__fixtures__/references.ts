import type { ReferencePoint } from '../estimator';

/** Synthetic references on the line log10 C = 24 + 0.8·(score − 1200)/100, dated 2024-07-01, with small noise. */
export function syntheticReferences(count = 10, asOf = '2025-08-04'): ReferencePoint[] {
  return Array.from({ length: count }, (_, index) => {
    const score = 1000 + index * 40;
    const noise = (index % 3) * 0.05 - 0.05;
    return {
      id: `lab/model-${index}`,
      name: `Model ${index}`,
      computeFlop: 10 ** (24 + (0.8 * (score - 1200)) / 100 + noise),
      releaseDate: '2024-07-01',
      developer: index % 2 === 0 ? 'Lab A' : 'Lab B',
      scores: { 'lmarena-text': [{ value: score, asOf }] },
      source: 'epoch',
    };
  });
}


import { describe, expect, it } from 'vitest';
import { listReviewItems, withReviewFloor } from './candidates';

describe('listReviewItems and the review floor', () => {
  it('queues every unruled model at P ≥ the floor, most likely first, and the flagged rulings', () => {
    const record = (id: string, probabilityAbove: number, status: 'candidate' | 'unreviewed') => ({
      id,
      name: id,
      developer: null,
      aliases: [],
      facts: {},
      scores: {},
      observations: [],
      assessment: {
        threshold: 1e25,
        probabilityAbove,
        status: probabilityAbove >= 0.5 ? ('likely-above' as const) : ('likely-below' as const),
      },
      curation: { status, needsReview: false },
    });
    const records = [
      record('a/low', 0.1, 'unreviewed'),
      record('a/mid', 0.3, 'unreviewed'),
      record('a/high', 0.8, 'candidate'),
    ];
    expect(listReviewItems(records, undefined, 0.2).map((item) => item.record.id)).toEqual([
      'a/high',
      'a/mid',
    ]);
    expect(listReviewItems(records, undefined, 0.5).map((item) => item.record.id)).toEqual(['a/high']);
    expect(withReviewFloor(records, 0.2).map((item) => item.curation?.status)).toEqual([
      'unreviewed',
      'candidate',
      'candidate',
    ]);
  });
});

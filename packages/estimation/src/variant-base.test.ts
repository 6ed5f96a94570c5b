import { describe, expect, it } from 'vitest';
import { nameTokens, onlyVariantWords, variantBases } from './variant-base';

describe('variants by name', () => {
  it('reads release-stage and serving words, not versions, tiers, sizes or dates', () => {
    expect(nameTokens('GPT-5.1 Instant')).toEqual(['gpt', '5.1', 'instant']);
    expect(onlyVariantWords(['chat'])).toBe(true);
    expect(onlyVariantWords(['thinking', 'preview'])).toBe(true);
    expect(onlyVariantWords(['instant'])).toBe(false);
    expect(onlyVariantWords(['2407'])).toBe(false);
    expect(onlyVariantWords(['5', 'sonnet'])).toBe(false);
    expect(onlyVariantWords(['medium'])).toBe(false);
    expect(onlyVariantWords(['mini'])).toBe(false);
    expect(onlyVariantWords(['70b'])).toBe(false);
    expect(onlyVariantWords([])).toBe(false);
  });

  it('finds the longest base name of the same developer, never the model itself', () => {
    const models = [
      { id: 'lab/m-5.1', name: 'M-5.1', aliases: [], developer: 'Acme' },
      { id: 'lab/m-5.1-instant', name: 'M-5.1 Instant', aliases: ['m-5.1-chat'], developer: 'Acme' },
      { id: 'lab/m-5.1-mini', name: 'M-5.1 Mini', aliases: [], developer: 'Acme' },
      { id: 'lab/m-5', name: 'M-5', aliases: [], developer: 'Acme' },
      { id: 'lab/m-5-pro-preview', name: 'M 5 Pro Preview', aliases: ['m-5-pro-2505'], developer: 'Acme' },
      { id: 'lab/m-5-2407', name: 'M-5-2407', aliases: [], developer: 'Acme' },
      { id: 'lab/m-5-pro', name: 'M 5 Pro', aliases: [], developer: 'Acme Inc' },
      { id: 'other/m-5.1-thinking', name: 'M-5.1 Thinking', aliases: [], developer: 'Other' },
    ];
    const bases = variantBases(models);
    expect(bases.get('lab/m-5.1-instant')).toBe('M-5.1');
    expect(bases.get('lab/m-5-pro-preview')).toBe('M 5 Pro');
    expect(bases.has('lab/m-5.1-mini')).toBe(false);
    expect(bases.has('lab/m-5-2407')).toBe(false);
    expect(bases.has('lab/m-5.1')).toBe(false);
    expect(bases.has('other/m-5.1-thinking')).toBe(false);
  });
});

import type { LedgerEntry } from '@tracker/schema';
import { TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import {
  activeLedgerEntries,
  aliasOverrides,
  aliasRemovals,
  applyLedgerFacts,
  type CreateLedgerEntryInput,
  createLedgerEntry,
  developerNotes,
} from './ledger';
import { makeRecord } from './test-factories';

let clock = Date.parse('2026-03-25T10:15:00.000Z');
function decide(
  input: Partial<CreateLedgerEntryInput> & Pick<CreateLedgerEntryInput, 'action'>,
): LedgerEntry {
  clock += 60_000;
  return createLedgerEntry(
    { modelId: 'openai/gpt-4o', by: 'reviewer', reason: 'checked', ...input } as CreateLedgerEntryInput,
    { now: () => new Date(clock) },
  );
}

describe('createLedgerEntry', () => {
  it('fills a time-sortable id, the time and defaults', () => {
    const entry = createLedgerEntry(
      { modelId: 'openai/gpt-4o', action: 'confirm-above', by: 'ana', reason: 'reported 3.8e25' },
      { now: () => new Date('2026-03-25T10:15:00.123Z') },
    );
    expect(entry.id).toMatch(/^20260325T101500Z-[0-9a-z]{8}$/);
    expect(entry.at).toBe('2026-03-25T10:15:00.123Z');
    expect(entry.evidence).toEqual([]);
  });

  it('refuses an invalid entry and a ruling without a reason', () => {
    expect(() => decide({ action: 'confirm-above', modelId: 'GPT 4o' })).toThrow(/^\[ledger\] \$\.modelId: /);
    let error: unknown;
    try {
      decide({ action: 'exclude', reason: '  ' });
    } catch (caught) {
      error = caught;
    }
    expect(TrackerError.is(error) && error.code).toBe('DECISION_INVALID');
    expect((error as Error).message).toBe('[ledger] $.reason: a exclude ruling needs a reason');
    expect(decide({ action: 'note', reason: '' }).reason).toBe('');
  });
});

describe('activeLedgerEntries', () => {
  it('drops superseded entries and orders by time, then file order', () => {
    const first = decide({ action: 'confirm-above' });
    const second = decide({ action: 'confirm-below', supersedes: first.id });
    const early = { ...decide({ action: 'note', reason: '' }), at: '2020-01-01T00:00:00.000Z' };
    expect(activeLedgerEntries([first, second, early]).map((entry) => entry.id)).toEqual([
      early.id,
      second.id,
    ]);
  });
});

describe('alias overrides', () => {
  it('maps names to models, the latest decision winning, and records removals', () => {
    const ledger = [
      decide({ action: 'alias', value: { name: 'gpt4o' } }),
      decide({ action: 'alias', modelId: 'openai/gpt-4o-mini', value: { name: '4o-mini' } }),
      decide({ action: 'unalias', modelId: 'openai/gpt-4o-mini', value: { name: '4o-mini' } }),
      decide({ action: 'unalias', value: { name: 'GPT-4o-2024' } }),
    ];
    expect(aliasOverrides(ledger)).toEqual(new Map([['gpt4o', 'openai/gpt-4o']]));
    expect(aliasRemovals(ledger)).toEqual(
      new Map([
        ['4o-mini', new Set(['openai/gpt-4o-mini'])],
        ['GPT-4o-2024', new Set(['openai/gpt-4o'])],
      ]),
    );
    const redo = decide({ action: 'alias', modelId: 'openai/gpt-4o-mini', value: { name: '4o-mini' } });
    expect(aliasOverrides([...ledger, redo]).get('4o-mini')).toBe('openai/gpt-4o-mini');
    expect(aliasRemovals([...ledger, redo]).has('4o-mini')).toBe(false);
  });
});

describe('developerNotes', () => {
  it('keeps the latest note per developer', () => {
    const note = (capacity: string, reason: string, at: string) =>
      createLedgerEntry({
        action: 'developer-note',
        developer: 'Acme',
        value: { capacity },
        reason,
        by: 'reviewer',
        at,
      });
    const newer = note('fine-tunes-only', 'b', '2026-03-02T00:00:00.000Z');
    const older = note('frontier-lab', 'a', '2026-03-01T00:00:00.000Z');
    expect(developerNotes([older, newer]).get('Acme')).toEqual({
      capacity: 'fine-tunes-only',
      reason: 'b',
      by: 'reviewer',
      at: newer.at,
      entryId: newer.id,
    });
  });
});

describe('applyLedgerFacts', () => {
  it('adds set-fact values as ledger facts first in their field, the latest per field winning', () => {
    const record = makeRecord('openai/gpt-4o', 3e25, {
      facts: {
        parameters: [
          {
            value: 1e11,
            source: 'epoch',
            url: 'https://epoch.ai/x',
            retrievedAt: '2026-01-01T00:00:00.000Z',
          },
        ],
      },
    });
    const older = decide({ action: 'set-fact', value: { field: 'parameters', value: 1.5e11 } });
    const newer = decide({
      action: 'set-fact',
      value: { field: 'parameters', value: 2e11 },
      evidence: ['https://example.org/card'],
    });
    const developer = decide({ action: 'set-fact', value: { field: 'developer', value: 'OpenAI' } });
    const [result] = applyLedgerFacts([record], [older, newer, developer]);
    expect(result?.facts.parameters).toEqual([
      { value: 2e11, source: 'ledger', url: 'https://example.org/card', retrievedAt: newer.at },
      record.facts.parameters![0],
    ]);
    expect(result?.facts.developer?.[0]?.url).toBe(`https://tracker.invalid/ledger#${developer.id}`);
    expect(result?.developer).toBe('OpenAI');
    expect(applyLedgerFacts(applyLedgerFacts([record], [older, newer]), [older, newer])).toEqual(
      applyLedgerFacts([record], [older, newer]),
    );
    expect(record.facts.parameters).toHaveLength(1);
  });

  it('renames a model, keeping the old name as an alias', () => {
    const [result] = applyLedgerFacts(
      [makeRecord('openai/gpt-4o')],
      [decide({ action: 'set-fact', value: { field: 'name', value: 'GPT-4o' } })],
    );
    expect(result?.name).toBe('GPT-4o');
    expect(result?.aliases).toEqual(['gpt-4o']);
  });

  it('creates a record for a model included by hand', () => {
    const include = decide({
      action: 'include',
      modelId: 'acme/big-model',
      value: { name: 'Big Model', developer: 'Acme', parameters: 1e12, trainingTokens: 2e13 },
    });
    const [result] = applyLedgerFacts([], [include]);
    expect(result).toMatchObject({
      id: 'acme/big-model',
      name: 'Big Model',
      developer: 'Acme',
      observations: [],
    });
    expect(result?.facts.parameters?.[0]).toMatchObject({ value: 1e12, source: 'ledger' });
    expect(result?.facts.trainingTokens?.[0]?.value).toBe(2e13);
  });

  it('refuses unknown fields and values that do not fit the field', () => {
    const record = makeRecord('openai/gpt-4o');
    const unknown = decide({ action: 'set-fact', value: { field: 'flops', value: 1 } });
    expect(() => applyLedgerFacts([record], [unknown])).toThrow(
      new RegExp(`entry ${unknown.id}: \\$\\.value\\.field: unknown field "flops"`),
    );
    const wrong = decide({ action: 'set-fact', value: { field: 'parameters', value: 'huge' } });
    expect(() => applyLedgerFacts([record], [wrong])).toThrow(/for field "parameters"/);
  });
});

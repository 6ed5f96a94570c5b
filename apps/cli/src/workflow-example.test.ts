import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from './commands';

const WORKFLOW = new URL('../../../examples/workflows/tracker-daily.yml', import.meta.url);
const SCHEDULING = new URL('../../../docs/scheduling.md', import.meta.url);

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  id?: string;
}

describe('examples/workflows/tracker-daily.yml', () => {
  it('is valid YAML shaped like a GitHub Actions workflow with a daily schedule', async () => {
    const workflow = parse(await readFile(WORKFLOW, 'utf8'), { prettyErrors: true });
    expect(workflow.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(workflow.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    const steps = workflow.jobs.update.steps as Step[];
    expect(steps.map((step) => step.uses?.split('@')[0] ?? null)).toEqual([
      'actions/checkout',
      'actions/setup-node',
      null,
      null,
      null,
      'peter-evans/create-pull-request',
    ]);
    expect(steps[1]?.with?.['node-version']).toBe(20);
    // Actions are pinned; the pull-request action to an exact release.
    for (const step of steps) if (step.uses) expect(step.uses).toMatch(/@v\d+/);
    expect(steps[5]?.uses).toMatch(/@v\d+\.\d+\.\d+$/);
    expect(steps[5]?.with?.labels).toMatch(/\bdata\b/);
    expect(steps[5]?.with?.['add-paths']).toMatch(/data\/observations/);
  });

  it('installs with the frozen lockfile and runs a real tracker command, tolerating only exit 3', async () => {
    const workflow = parse(await readFile(WORKFLOW, 'utf8'));
    const runs = (workflow.jobs.update.steps as Step[]).map((step) => step.run ?? '').join('\n');
    expect(runs).toContain('npx -y pnpm@10 install --frozen-lockfile');
    // The format check runs first and may fail without stopping the run.
    const check = (workflow.jobs.update.steps as (Step & { 'continue-on-error'?: boolean })[]).find((step) =>
      step.run?.includes('tracker sources --check'),
    );
    expect(check?.['continue-on-error']).toBe(true);
    expect(COMMANDS.find((command) => command.name === 'sources')?.options).toHaveProperty('check');
    const invocation = /npx -y pnpm@10 tracker (run) (.*?)(?: >|$)/m.exec(runs);
    expect(invocation?.[1]).toBe('run');
    const run = COMMANDS.find((command) => command.name === invocation?.[1]);
    // Every flag the workflow passes exists on the command.
    for (const flag of invocation?.[2]?.match(/--[a-z-]+/g) ?? [])
      expect(Object.keys(run?.options ?? {})).toContain(flag.slice(2));
    expect(invocation?.[2]).toBe('--changed-exit-code 3');
    expect(runs).toMatch(/if \[ "\$code" -eq 3 \]/);
    expect(runs).toMatch(/elif \[ "\$code" -ne 0 \]; then\s+exit "\$code"/);
  });

  it('is documented in docs/scheduling.md with the flag it relies on', async () => {
    const doc = await readFile(SCHEDULING, 'utf8');
    expect(doc).toContain('examples/workflows/tracker-daily.yml');
    expect(doc).toContain('--changed-exit-code');
    expect(doc).toMatch(/systemd/);
    expect(doc).toMatch(/cron/);
  });
});

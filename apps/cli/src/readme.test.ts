import { readFileSync } from 'node:fs';
import { hardwareTime, operationCount } from '@tracker/estimation';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const ciRun = readFileSync(new URL('../../../.ci/run', import.meta.url), 'utf8');

describe('README', () => {
  it('opens with the two commands, and CI runs exactly the test command', () => {
    const head = readme.split('\n').slice(0, 40).join('\n');
    expect(head).toContain('npx -y pnpm@10 install && npx -y pnpm@10 tracker run');
    const test = 'npx -y pnpm@10 install && npx -y pnpm@10 test';
    expect(head).toContain(test);
    // CI installs with the lockfile frozen; otherwise the same command.
    expect(ciRun).toContain(test.replace('install', 'install --frozen-lockfile'));
  });

  it('documents every command the CLI has, and no command it lacks', () => {
    const names = new Set(COMMANDS.map((command) => command.name));
    for (const name of names) expect(readme, name).toMatch(new RegExp(`\`${name}\\b`));
    const usage = readme.slice(
      readme.indexOf('| command | what it does |'),
      readme.indexOf('Every command that reads'),
    );
    const documented = [...usage.matchAll(/^\| `([a-z-]+)[ `]/gm)].map((match) => match[1]!);
    expect(documented.length).toBeGreaterThan(10);
    for (const name of documented) expect(names.has(name), `README documents "${name}"`).toBe(true);
  });

  it('shows library results that the library gives', () => {
    expect(operationCount({ parameters: 671e9, activeParameters: 37e9, tokens: 14.8e12 })).toBeCloseTo(
      3.2856e24,
      -20,
    );
    expect(readme).toContain('// 3.29e24');
    const flop = hardwareTime({
      chip: 'NVIDIA H100 SXM5 80GB',
      count: 16384,
      hours: 54 * 24,
      utilization: 0.38,
    });
    expect(Number(flop.toPrecision(2))).toBe(2.9e25);
    expect(readme).toContain('// ≈ 2.9e25');
  });
});

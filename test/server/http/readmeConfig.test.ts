/**
 * The README's configuration table and CONFIG_VARIABLES (server/config.ts) say the same: every
 * variable has its row with its default, and every row is a variable the server reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../../server/config';

describe('README configuration table', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.split('\n## Configuration\n')[1]?.split('\n## ')[0] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  for (const variable of CONFIG_VARIABLES) {
    it(`documents ${variable.name} with its default`, () => {
      const row = rows.find((line) => line.startsWith(`| \`${variable.name}\``));
      expect(row, `README row for ${variable.name}`).toBeDefined();
      const cells = row?.split('|').map((cell) => cell.trim().replace(/`/g, ''));
      expect(cells?.[2]).toBe(variable.default.replace(/`/g, ''));
    });
  }

  it('has no row for a variable the configuration does not read', () => {
    const documented = rows.map((line) => /^\| `([A-Z_]+)`/.exec(line)?.[1]);
    expect(documented.length).toBeGreaterThan(0);
    expect(documented).toEqual(CONFIG_VARIABLES.map((v) => v.name));
  });
});

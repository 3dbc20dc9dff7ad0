/** Every configuration variable is documented in the README's table, with its default. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../../server/config';

describe('README configuration table', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const rows = readme.split('\n').filter((line) => line.startsWith('| `'));
  for (const variable of CONFIG_VARIABLES) {
    it(`documents ${variable.name} with its default`, () => {
      const row = rows.find((line) => line.startsWith(`| \`${variable.name}\``));
      expect(row, `README row for ${variable.name}`).toBeDefined();
      const cells = row?.split('|').map((cell) => cell.trim().replace(/`/g, ''));
      expect(cells?.[2]).toBe(variable.default.replace(/`/g, ''));
    });
  }
});

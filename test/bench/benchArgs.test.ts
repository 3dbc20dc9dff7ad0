import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/benchArgs';

describe('parseBenchArgs', () => {
  it('takes sections, --base and --only, with a space or an equals sign', () => {
    expect(parseBenchArgs([])).toEqual({ sections: [] });
    expect(parseBenchArgs(['sync', '--base', '6f462a4', '--only=latency'])).toEqual({
      sections: ['sync'],
      base: '6f462a4',
      only: 'latency',
    });
    expect(parseBenchArgs(['--base=main~3', 'sync', 'export'])).toEqual({
      sections: ['sync', 'export'],
      base: 'main~3',
    });
  });

  it('refuses an unknown option and an option without its value', () => {
    expect(() => parseBenchArgs(['sync', '--bse', 'x'])).toThrow(
      'unknown option --bse; options: --base, --only',
    );
    expect(() => parseBenchArgs(['sync', '--base'])).toThrow('--base needs a value');
    expect(() => parseBenchArgs(['--base', '--only', 'latency'])).toThrow('--base needs a value');
    expect(() => parseBenchArgs(['--only='])).toThrow('--only needs a value');
  });
});

import { describe, expect, it } from 'vitest';
import { fileName } from '../../../src/transfer/export.ts';
import { slug } from '../../../src/transfer/slug.ts';
import { inTimeZone } from '../timeZone.ts';

describe('slug', () => {
  it('keeps letters and digits of any script, with dashes between', () => {
    expect(slug('Moving between devices')).toBe('Moving-between-devices');
    expect(slug('Ателье: Минск, 2026')).toBe('Ателье-Минск-2026');
    expect(slug('ورشة عمل الأمن السيبراني')).toBe('ورشة-عمل-الأمن-السيبراني');
    expect(slug('网络安全 研讨会')).toBe('网络安全-研讨会');
  });

  it('gives nothing for a name with no letter or digit, so the caller picks the fallback', () => {
    expect(slug(' — !! ')).toBe('');
  });

  it('is cut at the length asked, never ending in a dash', () => {
    expect(slug('a'.repeat(100))).toHaveLength(60);
    expect(slug('abc def', 4)).toBe('abc');
  });
});

describe('an exported file’s name', () => {
  it('carries the day it was saved where the person is', async () => {
    const name = await inTimeZone('America/Los_Angeles', () =>
      fileName('Kenya 2026', 'sharing', 'json', new Date('2026-12-05T07:40:00.000Z')),
    );
    expect(name).toBe('baseline-Kenya-2026-sharing-2026-12-04.json');
  });
});

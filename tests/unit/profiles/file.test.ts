import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileFileName, type WeightProfile } from '../../../src/profiles/index.ts';
import { PROFILE_DIR } from '../../../scripts/lib/profiles.ts';

const equal = JSON.parse(readFileSync(join(PROFILE_DIR, 'equal.json'), 'utf8')) as WeightProfile;
const copy: WeightProfile = { ...equal, id: 'custom-26c1ba91-bf7c-4344-a3ed-76892e3ef70c', version: '1.0.3' };

describe('profileFileName', () => {
  it('names the file by the title the person sees and the version, not the generated id', () => {
    expect(profileFileName(copy, 'Copia de Ponderaciones iguales')).toBe(
      'weights-Copia-de-Ponderaciones-iguales-1.0.3.json',
    );
  });

  it('keeps the letters of any script', () => {
    expect(profileFileName(copy, 'أوزان الوفد')).toBe('weights-أوزان-الوفد-1.0.3.json');
    expect(profileFileName(copy, '代表团权重')).toBe('weights-代表团权重-1.0.3.json');
  });

  it('falls back to the id when the title has no letter or digit', () => {
    expect(profileFileName(copy, '—')).toBe('weights-custom-26c1ba91-bf7c-4344-a3ed-76892e3ef70c-1.0.3.json');
  });
});

import { describe, expect, it } from 'vitest';
import { languageFileSource } from '../../../src/content/files.ts';

describe('language files of built-in content', () => {
  const base = 'https://example.org/app/assets/languages/es/catalog-aaaaaaaaaa.json';
  const source = languageFileSource(
    {
      keys: { catalog: ['es', 'fr'], 'questionnaire/sample': ['fr'] },
      hashes: { es: 'aaaaaaaaaa', fr: 'bbbbbbbbbb' },
    },
    base,
  );

  it("finds every file beside the first, named by its key and its language's hash", () => {
    expect(source.contentFiles()).toEqual([
      'https://example.org/app/assets/languages/es/catalog-aaaaaaaaaa.json',
      'https://example.org/app/assets/languages/fr/catalog-bbbbbbbbbb.json',
      'https://example.org/app/assets/languages/fr/questionnaire-sample-bbbbbbbbbb.json',
    ]);
    expect(source.contentFiles('es')).toEqual([base]);
    expect(source.contentFiles('ru')).toEqual([]);
  });

  it('lists the languages a piece of content has, and loads nothing it lacks', async () => {
    expect(source.textLanguages('questionnaire/sample')).toEqual(['fr']);
    expect(source.textLanguages('constructor')).toEqual([]);
    await expect(source.loadTexts('questionnaire/sample', 'es')).resolves.toBeUndefined();
  });
});

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ProblemList from '../../../src/components/ProblemList.vue';
import type { Locale } from '../../../src/i18n/index.ts';
import { parseWithSchema } from '../../../src/validation/parse.ts';
import { problem, type Problem } from '../../../src/validation/problems.ts';
import { z } from '../../../src/validation/zod.ts';
import { testI18n } from '../i18n.ts';

function mountList(problems: Problem[], locale: Locale, limit?: number) {
  return mount(ProblemList, { props: { problems, limit }, global: { plugins: [testI18n(locale)] } });
}
const items = (wrapper: ReturnType<typeof mountList>) => wrapper.findAll('li');

const wrongPassphrase = problem('backup.json', '$.data', 'import.wrongPassphrase');
const schemaProblems = (() => {
  const parsed = parseWithSchema(z.strictObject({ weight: z.number().min(0) }), { weight: 'two' }, 'p.json');
  return parsed.ok ? [] : parsed.error;
})();

describe('ProblemList', () => {
  it('says why a file was refused in the interface language, with where in the file', () => {
    const wrapper = mountList([wrongPassphrase], 'ru');
    const item = items(wrapper)[0]!;
    expect(item.text()).toContain('парольная фраза неверна');
    expect(item.text()).not.toContain('passphrase is wrong');
    expect(item.get('code').text()).toBe('$.data');
    expect(item.find('[lang="en"]').exists()).toBe(false);
  });

  it('translates the words put into a message, in Arabic too', () => {
    const wrapper = mountList(schemaProblems, 'ar');
    const text = items(wrapper)[0]!.text();
    expect(text).toContain('رقم');
    expect(text).toContain('نص');
    expect(text).not.toMatch(/expected|found|\{/);
  });

  it('fills in a problem’s values with the language’s numbers', () => {
    const tooLarge = problem('big.json', '$', 'file.textTooLong', { length: 120000, limit: 100000 });
    expect(items(mountList([tooLarge], 'fr'))[0]!.text()).toMatch(/120\s000/);
    expect(items(mountList([tooLarge], 'en'))[0]!.text()).toContain('120000');
  });

  it('shows a problem it has no words for in English, marked as English', () => {
    const authoring: Problem = { file: 'q.json', path: '$.pillars', message: 'pillar id "x" is used twice' };
    const span = items(mountList([authoring], 'es'))[0]!.get('span');
    expect(span.text()).toBe('pillar id "x" is used twice');
    expect(span.attributes()).toMatchObject({ lang: 'en', dir: 'ltr' });
  });

  it('shows the first problems and says how many more there are', () => {
    const many = Array.from({ length: 5 }, () => wrongPassphrase);
    const wrapper = mountList(many, 'en', 2);
    expect(items(wrapper)).toHaveLength(2);
    expect(wrapper.text()).toContain('…and 3 more.');
  });
});

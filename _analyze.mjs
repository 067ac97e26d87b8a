import { build } from 'vite';
import { gzipSync } from 'node:zlib';
const out = await build({ logLevel: 'error', build: { write: false } });
const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output);
const want = process.argv.slice(2);
for (const chunk of outputs) {
  if (chunk.type !== 'chunk') continue;
  if (want.length && !want.some((w) => chunk.fileName.includes(w))) continue;
  console.log(`\n${chunk.fileName} ${chunk.code.length} gz ${gzipSync(chunk.code).length}`);
  const mods = Object.entries(chunk.modules).map(([id, m]) => [m.renderedLength, id.replace(process.cwd(), '')]).sort((a, b) => b[0] - a[0]);
  for (const [len, id] of mods.slice(0, 25)) console.log(String(len).padStart(8), id);
}

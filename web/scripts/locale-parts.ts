import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { SHELL_STRINGS } from '../src/app/locale-shell';

/**
 * The locale files cut into parts at build time: `src/locales/<lang>.json` stays one file per language
 * (the one that translators and other engineers edit), and the app loads it in parts, each its own
 * small chunk:
 * - `shell`: the strings of the layout and of what every page shares (SHELL_STRINGS, key paths: a whole
 *   top-level key such as `common`, or one string such as `capacity.nav`);
 * - one part per top-level key (`reporting`, `states`…), which a route loads with its page's code.
 *
 * `virtual:locale-parts` exports `loadPart(lang, part)`, resolving to `{ default: strings }` with the
 * strings of that part only; `LOCALE_PARTS` lists the parts.
 */
const VIRTUAL = 'virtual:locale-parts';
const RESOLVED = `\0${VIRTUAL}`;
/** A part's module: `\0locale-part:<lang>:<part>`. */
const PART = '\0locale-part:';
/** The module id of one language's part (its chunk's facade in the build: scripts/route-preloads.ts finds it so). */
export const partModuleId = (lang: string, part: string) => `${PART}${lang}:${part}`;

type Tree = { [key: string]: string | Tree };

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The strings at the given key paths, a plural key with all its forms (a path that names nothing is left out). */
export function pickStrings(tree: Tree, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const keyPath of paths) {
    const keys = keyPath.split('.');
    const last = keys.pop()!;
    let from: string | Tree | undefined = tree;
    for (const k of keys) from = typeof from === 'object' ? from[k] : undefined;
    if (typeof from !== 'object') continue;
    const names = Object.keys(from).filter((k) => k === last || (PLURAL.test(k) && k.replace(PLURAL, '') === last));
    if (!names.length) continue;
    let to = out;
    for (const k of keys) to = (to[k] ??= {}) as Tree;
    for (const k of names) to[k] = from[k]!;
  }
  return out;
}

/**
 * In a build, each part is a chunk of a known name, `assets/locale-<lang>-<hash>-<part>.js`, where the
 * hash is that of the language's file (and of the shell's list): the app finds a part by its name,
 * without a table of 222 hashed file names in its main chunk.
 */
export function localeParts(options: { dir: string; languages: readonly string[] }): Plugin {
  const file = (lang: string) => path.join(options.dir, `${lang}.json`);
  const read = (lang: string) => JSON.parse(readFileSync(file(lang), 'utf8')) as Tree;
  const partsOf = () => ['shell', ...Object.keys(read('en'))];
  const hashOf = (lang: string) =>
    createHash('sha256').update(readFileSync(file(lang))).update(JSON.stringify(SHELL_STRINGS)).digest('hex').slice(0, 10);
  let build = false;
  let base = '/';
  let assetsDir = 'assets';
  return {
    name: 'poa:locale-parts',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build';
      base = config.base;
      assetsDir = config.build.assetsDir;
    },
    buildStart() {
      if (!build) return;
      for (const lang of options.languages) {
        const hash = hashOf(lang);
        for (const part of partsOf()) {
          // Its export kept (an app's entries lose theirs: Vite builds with preserveEntrySignatures false).
          this.emitFile({ type: 'chunk', id: partModuleId(lang, part), fileName: `${assetsDir}/locale-${lang}-${hash}-${part}.js`, preserveSignature: 'strict' });
        }
      }
    },
    resolveId(id) {
      if (id === VIRTUAL) return RESOLVED;
      if (id.startsWith(PART)) return id;
      return null;
    },
    load(id) {
      if (id === RESOLVED) {
        const parts = partsOf();
        for (const lang of options.languages) this.addWatchFile(file(lang));
        const head = `export const LOCALE_PARTS = ${JSON.stringify(parts)};\n`;
        if (build) {
          const hashes = Object.fromEntries(options.languages.map((lang) => [lang, hashOf(lang)]));
          const url = `${base}${assetsDir}/locale-\${lang}-\${HASHES[lang]}-\${part}.js`;
          return `${head}const HASHES = ${JSON.stringify(hashes)};\nexport const loadPart = (lang, part) => import(/* @vite-ignore */ \`${url}\`);\n`;
        }
        // The dev server and the tests: a part is picked from the whole file (one module per language, the
        // shell's apart), which the tests load whole anyway.
        const files = options.languages.map((lang) => `  ${JSON.stringify(lang)}: () => import(${JSON.stringify(file(lang))}),`);
        const shells = options.languages.map((lang) => `  ${JSON.stringify(lang)}: () => import(${JSON.stringify(`${PART}${lang}:shell`)}),`);
        return `${head}const files = {\n${files.join('\n')}\n};\nconst shells = {\n${shells.join('\n')}\n};\nexport const loadPart = (lang, part) =>\n  part === 'shell' ? shells[lang]() : files[lang]().then((m) => ({ default: { [part]: m.default[part] } }));\n`;
      }
      if (id.startsWith(PART)) {
        const [lang, part] = id.slice(PART.length).split(':') as [string, string];
        this.addWatchFile(file(lang));
        const strings = part === 'shell' ? pickStrings(read(lang), SHELL_STRINGS) : pickStrings(read(lang), [part]);
        // JSON.parse of a string literal is parsed faster than the same object as JavaScript.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(strings))});\n`;
      }
      return null;
    },
  };
}

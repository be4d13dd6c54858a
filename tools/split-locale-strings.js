// Splits each language's strings, as `lit-localize build` writes them (src/generated/locales/),
// in two: the strings a form may show before it is usable stay in `<locale>.ts`; the strings
// only the parts loaded after that show (the outbox, the review, the confirmation, the
// encryption's notices) and the panel shown instead of a form that cannot be used move to
// `later-<locale>.ts` (which the first half's `later()` imports), loaded with those parts by
// src/i18n/localization.ts. A phone then
// downloads about two thirds of the catalogue before the form can be used (issue 21).
// Which strings are "later" is read from the sources: every `msg()` call in LATER_SOURCES, unless
// the same message is also used elsewhere. Run after `lit-localize build` (npm run localize:build).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import {
  extractOptions,
  generateMsgIdFromAstNode,
  isLitTemplate,
  isMsgCall,
  isStrTaggedTemplate,
} from '@lit/localize-tools/lib/program-analysis.js';
import { readTsConfig } from '@lit/localize-tools/lib/typescript.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = JSON.parse(readFileSync(path.join(ROOT, 'lit-localize.json'), 'utf8'));
const LOCALES_DIR = path.join(ROOT, CONFIG.output.outputDir);

/**
 * The sources whose strings are shown only by parts loaded after the form is usable (or on an
 * action): each is imported only by such a part (src/internal/lazy-parts.ts). Paths relative to
 * the repository; a folder ends in `/`.
 */
export const LATER_SOURCES = [
  'src/controllers/outbox-sender.ts',
  'src/views/outbox-problems.ts',
  'src/views/queued.ts',
  'src/views/review.ts',
  'src/views/confirmation.ts',
  // Shown instead of a form that cannot be used: never part of a usable form.
  'src/views/definition-error.ts',
  'src/crypto/',
];

/** The first line of a split module. */
const MARK = 'Split by tools/split-locale-strings.js into the strings before and after usable.';

/** Whether `file` (absolute) is one of LATER_SOURCES. */
function isLater(file) {
  const relative = path.relative(ROOT, file).split(path.sep).join('/');
  return LATER_SOURCES.some((source) =>
    source.endsWith('/') ? relative.startsWith(source) : relative === source,
  );
}

/** The id of every `msg()` call in the program, with whether one of its calls is not later. */
function messageIds() {
  const { fileNames, options } = readTsConfig(path.join(ROOT, CONFIG.tsConfig));
  const program = ts.createProgram(fileNames, options);
  const checker = program.getTypeChecker();
  const firstIds = new Set();
  const laterIds = new Set();
  for (const file of program.getSourceFiles()) {
    if (file.fileName.includes('/node_modules/')) continue;
    const later = isLater(file.fileName);
    const visit = (node) => {
      if (isMsgCall(node, checker)) {
        const [template, optionsArg] = node.arguments;
        const explicit = extractOptions(optionsArg, file);
        let id = explicit.result?.id;
        if (!id) {
          const literal =
            isStrTaggedTemplate(template, checker) || isLitTemplate(template)
              ? template.template
              : template;
          id = generateMsgIdFromAstNode(literal, isLitTemplate(template));
        }
        (later ? laterIds : firstIds).add(id);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  for (const id of firstIds) laterIds.delete(id);
  return { firstIds, laterIds };
}

/** Splits the generated module of `locale` by `laterIds`. */
function splitLocale(locale, laterIds) {
  const file = path.join(LOCALES_DIR, `${locale}.ts`);
  const text = readFileSync(file, 'utf8');
  // Split already (this ran before, without a `lit-localize build` since).
  if (text.includes(MARK)) return undefined;
  // lit-localize writes one entry a line: `'<id>': <template literal>,`.
  const lines = text.split('\n');
  const isEntry = (line) => /^'[\w-]+': /.test(line);
  const idOf = (line) => line.slice(1, line.indexOf("'", 1));
  const start = lines.findIndex(isEntry);
  const end = lines.findLastIndex(isEntry);
  if (start === -1) return 0;
  const head = [`// ${MARK}`, ...lines.slice(0, start)];
  const tail = lines.slice(end + 1);
  const entries = lines.slice(start, end + 1);
  if (!entries.every(isEntry)) throw new Error(`${file}: an entry spans lines; cannot split it`);
  const first = entries.filter((line) => !laterIds.has(idOf(line)));
  const later = entries.filter((line) => laterIds.has(idOf(line)));
  // The first half says where the second is, so that the main file needs no loader per language.
  const pointer = `\nexport const later = () => import('./later-${locale}.js');\n`;
  writeFileSync(file, [...head, ...first, ...tail].join('\n') + pointer);
  writeFileSync(
    path.join(LOCALES_DIR, `later-${locale}.ts`),
    [...head, ...later, ...tail].join('\n'),
  );
  return later.length;
}

const { laterIds } = messageIds();
for (const locale of CONFIG.targetLocales) {
  const moved = splitLocale(locale, laterIds);
  if (moved !== undefined && locale === CONFIG.targetLocales[0])
    console.log(`split-locale-strings: ${moved} strings of each language load later`);
}

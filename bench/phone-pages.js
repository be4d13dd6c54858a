// The pages `npm run bench:phone` measures: a plain municipal page that embeds one example form,
// as a web team would, in each way a form can be shipped. Written into bench/build/phone/ and
// served by the demo server under /bench/ (see phone.js).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * How the page gets its form:
 * - compiled: `src` names the module the compile step wrote (dist/forms/<id>.js), as the demo does;
 * - raw: `src` names the JSON definition, which the element compiles in the browser;
 * - rjsf: react-jsonschema-form 6 renders the same schema (source language only: RJSF has no
 *   translations of its own), bundled and minified with esbuild;
 * - jsonforms: JSON Forms 3 (React, vanilla renderers, its generated UI schema), the same way.
 */
export const MODES = ['compiled', 'raw', 'rjsf', 'jsonforms', 'demo'];

/** The comparison libraries: one bundle each, rendering the schema they find on the page. */
const LIBRARY_MODES = ['rjsf', 'jsonforms'];

const TEXT = {
  de: {
    title: 'Erstberatung anfragen – Kommunales Integrationszentrum',
    site: 'Kreis Musterland · Kommunales Integrationszentrum',
    intro:
      'Sie sind neu im Kreis Musterland und haben Fragen zu Aufenthalt, Arbeit, Wohnen oder ' +
      'Schule? Das Kommunale Integrationszentrum berät Sie kostenlos und vertraulich.',
    more: 'So erreichen Sie uns',
    footer: 'Montag bis Freitag 9–12 Uhr, Kreishaus Raum 104. Telefon 02301 000-0.',
  },
  ar: {
    title: 'طلب استشارة أولى – المركز البلدي للاندماج',
    site: 'دائرة موسترلاند · المركز البلدي للاندماج',
    intro:
      'هل أنتم جدد في دائرة موسترلاند ولديكم أسئلة حول الإقامة أو العمل أو السكن أو المدرسة؟ ' +
      'يقدم لكم المركز البلدي للاندماج استشارة مجانية وسرية.',
    more: 'كيف تصلون إلينا',
    footer: 'من الاثنين إلى الجمعة 9–12، مبنى الدائرة غرفة 104. الهاتف 02301 000-0.',
  },
};

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pageHtml({ form, mode, locale }) {
  const text = TEXT[locale] ?? TEXT.de;
  const dir = locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr';
  const head = LIBRARY_MODES.includes(mode)
    ? `<script type="module" src="/bench/${mode}-page.js"></script>`
    : `<script type="module" src="/dist/intake-elements.js"></script>`;
  const src = mode === 'compiled' ? `/dist/forms/${form}.js` : `/schemas/${form}.json`;
  // As docs/compiling.md advises: the compiled module is announced with the main file.
  const preload = mode === 'compiled' ? `\n    <link rel="modulepreload" href="${src}" />` : '';
  const body = LIBRARY_MODES.includes(mode)
    ? `<div id="form-root" data-schema="/schemas/${form}.json"></div>`
    : `<intake-form src="${src}" locale="${locale}" action="/api/forms/${form}/submissions"></intake-form>`;
  return `<!doctype html>
<html lang="${locale}" dir="${dir}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(text.title)}</title>
    <link rel="stylesheet" href="/demo/demo.css" />
    ${head}${preload}
  </head>
  <body>
    <header class="site-header"><p class="site-name">${escapeHtml(text.site)}</p></header>
    <main>
      <h1>${escapeHtml(text.title)}</h1>
      <p>${escapeHtml(text.intro)}</p>
      ${body}
    </main>
  </body>
</html>
`;
}

/** The RJSF page's script: fetches the schema named by the root's data attribute and renders it. */
const RJSF_ENTRY = `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
const root = document.getElementById('form-root');
fetch(root.dataset.schema)
  .then((answer) => answer.json())
  .then((definition) => {
    createRoot(root).render(
      createElement(Form, { schema: definition.schema, uiSchema: definition.ui ?? {}, validator }),
    );
  });
`;

/** The JSON Forms page's script, the same way (its default UI schema, generated from the schema). */
const JSONFORMS_ENTRY = `
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
const root = document.getElementById('form-root');
function Page({ schema }) {
  const [data, setData] = useState({});
  return createElement(JsonForms, {
    schema,
    data,
    renderers: vanillaRenderers,
    cells: vanillaCells,
    onChange: ({ data: next }) => setData(next),
  });
}
fetch(root.dataset.schema)
  .then((answer) => answer.json())
  .then((definition) => createRoot(root).render(createElement(Page, { schema: definition.schema })));
`;

/**
 * Writes every page and the RJSF bundle into `outDir`.
 *
 * @param {{ outDir: string, benchDir: string, forms: string[], locales: string[] }} options
 * @returns {Promise<Array<{ form: string, mode: string, locale: string, file: string }>>}
 */
export async function writePages({ outDir, benchDir, forms, locales }) {
  mkdirSync(outDir, { recursive: true });
  for (const [mode, contents] of [
    ['rjsf', RJSF_ENTRY],
    ['jsonforms', JSONFORMS_ENTRY],
  ]) {
    await build({
      stdin: { contents, resolveDir: benchDir, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"production"' },
      outfile: path.join(outDir, `${mode}-page.js`),
      logLevel: 'error',
    });
  }
  const pages = [];
  for (const form of forms) {
    for (const mode of MODES.filter((m) => m !== 'demo')) {
      // The other libraries show the source language only, so one page per form is enough.
      for (const locale of LIBRARY_MODES.includes(mode) ? [locales[0]] : locales) {
        const file = `${form}-${mode}-${locale}.html`;
        writeFileSync(path.join(outDir, file), pageHtml({ form, mode, locale }));
        pages.push({ form, mode, locale, url: `/bench/${file}` });
      }
    }
  }
  // The demo page itself (the first-contact form), exactly as `npm start` serves it.
  pages.push({ form: 'demo page', mode: 'demo', locale: 'de', url: '/' });
  return pages;
}

/** The bytes of a file as served from disk, for computing each compression on its own. */
export function readServedFile(roots, urlPath) {
  const [, prefix, ...rest] = urlPath.split('/');
  const folder = roots[prefix];
  if (!folder) return undefined;
  try {
    return readFileSync(path.join(folder, ...rest));
  } catch {
    return undefined;
  }
}

/**
 * The parts of one submission that both its page (detail.ts) and its print view (print.ts)
 * show: its sections, the notes, the facts, the answers (German staff summary beside the person's own language), the
 * attachments and the validation result. Every value is rendered as text (Lit escapes it): an
 * answer can never become markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Detail, Note } from './api.js';
import { formatSize, formatTime, languageName, type InboxLocale, type Strings } from './i18n.js';

/** A section named by its heading (`id`-heading). */
export function renderSection(id: string, heading: string, content: unknown): TemplateResult {
  return html`<section aria-labelledby="${id}-heading">
    <h2 id="${id}-heading">${heading}</h2>
    ${content}
  </section>`;
}

/** The internal notes, oldest first, each with who wrote it when. */
export function renderNotes(notes: Note[], t: Strings, locale: InboxLocale) {
  return html`<ol class="notes">
    ${notes.map(
      (n) =>
        html`<li>
          <p class="note-meta">${t.noteBy(n.author, formatTime(n.at, locale))}</p>
          <p class="text">${n.text}</p>
        </li>`,
    )}
  </ol>`;
}

export function renderFacts(d: Detail, t: Strings, locale: InboxLocale) {
  return html`<dl class="facts">
    <dt>${t.reference}</dt>
    <dd>${d.reference}</dd>
    <dt>${t.form}</dt>
    <dd>${d.formTitle}</dd>
    <dt>${t.received}</dt>
    <dd>${formatTime(d.receivedAt, locale)}</dd>
    ${
      d.submittedAt
        ? html`<dt>${t.sent}</dt>
            <dd>${formatTime(d.submittedAt, locale)}</dd>`
        : nothing
    }
    <dt>${t.languageUsed}</dt>
    <dd>${languageName(d.locale, locale)}</dd>
    <dt>${t.status}</dt>
    <dd>
      ${t.statuses[d.status] ?? d.status}${
        d.statusChangedAt ? ` (${t.statusChanged}: ${formatTime(d.statusChangedAt, locale)})` : ''
      }
    </dd>
    ${
      Object.keys(d.routing ?? {}).length
        ? html`<dt>${t.routing}</dt>
            <dd>${Object.values(d.routing).join(', ')}</dd>`
        : nothing
    }
    <dt>${t.validation}</dt>
    <dd>${renderValidation(d, t)}</dd>
  </dl>`;
}

function renderValidation(d: Detail, t: Strings) {
  if (!d.validation || d.validation.valid) return t.valid;
  return html`${t.invalid}
    <ul>
      ${d.validation.errors.map((e) => html`<li><code>${e.pointer || '/'}</code>: ${e.message}</li>`)}
    </ul>`;
}

/** The German staff summary, and beside it the answers in the language the person used. */
export function renderAnswers(d: Detail, t: Strings, locale: InboxLocale) {
  if (d.encrypted) return html`<p class="notice">${t.encryptedNote}</p>`;
  const language = d.localeName || languageName(d.locale, locale);
  return html`<div class=${d.original ? 'columns' : ''}>
    <section aria-labelledby="summary-de">
      <h3 id="summary-de">${t.summaryGerman}</h3>
      <pre class="text" lang="de">${d.summary}</pre>
    </section>
    ${
      d.original
        ? html`<section aria-labelledby="summary-original">
            <h3 id="summary-original">${t.originalAnswers(language)}</h3>
            <pre class="text" lang=${d.locale} dir="auto">${d.original}</pre>
          </section>`
        : nothing
    }
  </div>`;
}

/**
 * Attachments as download links (the server sends them as attachments, never inline). Only a
 * link into the inbox's API is followed: nothing in a submission can make a link elsewhere.
 */
export function renderAttachments(d: Detail, t: Strings, locale: InboxLocale, links = true) {
  if (!d.attachments?.length) return html`<p>${t.noAttachments}</p>`;
  return html`<ul>
    ${d.attachments.map(
      (a) =>
        html`<li>
          ${
            links && a.url.startsWith('/inbox/api/')
              ? html`<a href=${a.url} download=${a.name}>${t.download(a.name)}</a>`
              : a.name
          }
          (${a.type || 'application/octet-stream'}, ${formatSize(a.size, locale)})
        </li>`,
    )}
  </ul>`;
}

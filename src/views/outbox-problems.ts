/**
 * What the person sees of a waiting submission that can no longer go out by itself (refused for
 * good, or waited too long): what happened, in their language, and what they can do — correct it
 * in the form, try again, download a copy to bring to the office, or delete it. Part of the outbox
 * chunk (src/controllers/outbox-sender.ts).
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';
import { OUTBOX_DAYS, type OutboxEntry, type OutboxProblem } from '../submit/outbox.js';

/**
 * Whether an entry holds only ciphertext (an encrypting form): its answers cannot go back into
 * the form on this device, so it can be tried again, downloaded or deleted, not corrected.
 */
export function isSealed(entry: OutboxEntry): boolean {
  return 'encrypted' in entry.envelope;
}

/** What can be done with a stuck entry. */
export interface ProblemActions {
  fix(entry: OutboxEntry): void;
  retry(entry: OutboxEntry): void;
  download(entry: OutboxEntry): void;
  remove(entry: OutboxEntry): void;
}

/** Why the entry did not go out, in the person's words. */
export function problemText(problem: OutboxProblem): string {
  if (problem.reason === 'expired')
    return msg(
      str`It could not be sent within ${OUTBOX_DAYS} days, so it is no longer sent by itself.`,
    );
  switch (problem.status) {
    case 413:
      return msg('It is too large for the office to accept (for example a file that is too big).');
    case 415:
      return msg('The office cannot accept a file it contains (the kind of file is not allowed).');
    case 403:
      return msg(
        'The office refused it. The page may have been open for too long: please try again.',
      );
    case 400:
    case 422:
      return msg('The office asks you to correct some answers.');
    default:
      return msg(str`The office did not accept it (error ${problem.status ?? 0}).`);
  }
}

function renderProblem(entry: OutboxEntry, locale: string, actions: ProblemActions) {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    entry.queuedAt,
  );
  const id = `outbox-problem-${entry.key}`;
  return html`<section class="notice outbox-problem" part="outbox-problem" aria-labelledby=${id}>
    <h2 id=${id} class="outbox-problem-title" tabindex="-1">
      ${msg(str`A request saved on this device on ${when} could not be delivered`)}
    </h2>
    <p>${problemText(entry.problem!)}</p>
    <p>${msg('Nothing you wrote is lost. You can:')}</p>
    <p class="confirmation-actions">
      ${
        isSealed(entry)
          ? nothing
          : html`<button type="button" part="button fix" @click=${() => actions.fix(entry)}>
              ${msg('Correct it in the form')}
            </button>`
      }
      <button type="button" part="button retry" @click=${() => actions.retry(entry)}>
        ${msg('Try again')}
      </button>
      <button type="button" part="button download" @click=${() => actions.download(entry)}>
        ${msg('Download a copy to bring to the office')}
      </button>
      <button type="button" part="button delete" @click=${() => actions.remove(entry)}>
        ${msg('Delete it from this device')}
      </button>
    </p>
  </section>`;
}

/** One panel per stuck entry of this form. */
export function renderProblems(
  entries: readonly OutboxEntry[],
  locale: string,
  actions: ProblemActions,
): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  return html`${entries.map((entry) => renderProblem(entry, locale, actions))}`;
}

/** A copy of the entry as a file the person can keep, print or bring to the office. */
export function downloadCopy(entry: OutboxEntry): void {
  const { envelope } = entry;
  const savedOn = new Date(entry.queuedAt).toISOString();
  // An encrypted entry is downloaded as it is: a copy only the office can open.
  const copy =
    'encrypted' in envelope
      ? { ...envelope, savedOn, problem: entry.problem }
      : {
          form: envelope.form,
          language: envelope.locale,
          savedOn,
          answers: envelope.data,
          problem: entry.problem,
        };
  const blob = new Blob([JSON.stringify(copy, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${envelope.form.id}-${savedOn.slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

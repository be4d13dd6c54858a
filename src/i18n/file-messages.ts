/**
 * What file fields say, in the current locale: the size of a file as people read it, and the
 * problems with a chosen file (checked before it is read). Used by the file widget and the
 * review, both chunks of their own.
 */
import { msg, str } from '@lit/localize';

/**
 * Wraps text of unknown direction (a file name) in Unicode isolates (FSI … PDI), so that a Latin
 * name inside an Arabic sentence, or a Hebrew one inside a German sentence, keeps its own order
 * without reordering the sentence around it.
 */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

export function fileTooLargeMessage(name: string, limit: string): string {
  return msg(
    str`The file "${isolate(name)}" is too large. Files may be at most ${isolate(limit)}.`,
  );
}

export function fileTypeMessage(name: string): string {
  return msg(str`The file "${isolate(name)}" has a type that this form does not accept.`);
}

/** A byte count as people read it (`1.5 MB`), in the current locale. */
export { formatBytes } from '../core/format-bytes.js';

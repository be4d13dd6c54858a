/**
 * What the inbox remembers between its pages while someone is signed in: the list's filters
 * and page, so that going back from a submission shows the same list. It lives in memory only
 * (never in storage or the URL: a search may hold a name) and is forgotten on sign-out and when
 * the session ends.
 */
import { NO_FILTERS, type Filters } from './api.js';

export const memory = {
  filters: { ...NO_FILTERS } as Filters,
  /** The cursors of the pages before the one shown ('' for the first). */
  cursors: [] as string[],
  cursor: '',
};

export function forget(): void {
  memory.filters = { ...NO_FILTERS };
  memory.cursors = [];
  memory.cursor = '';
}

/**
 * Undo and redo: a stack of whole definitions. Edits share untouched branches (json.ts), so a
 * long history costs little memory.
 */
import type { Json } from './json.js';

export class History {
  private past: Json[] = [];
  private future: Json[] = [];

  constructor(
    public current: Json,
    private readonly limit = 200,
  ) {}

  /** Makes `next` the current definition (an edit); a no-op edit is not recorded. */
  apply(next: Json): boolean {
    if (next === this.current) return false;
    this.past.push(this.current);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
    this.current = next;
    return true;
  }

  undo(): boolean {
    const previous = this.past.pop();
    if (previous === undefined) return false;
    this.future.push(this.current);
    this.current = previous;
    return true;
  }

  redo(): boolean {
    const next = this.future.pop();
    if (next === undefined) return false;
    this.past.push(this.current);
    this.current = next;
    return true;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}

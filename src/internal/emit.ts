/** Dispatches a bubbling, composed event; `false` when it was cancelable and a listener cancelled it. */
export function emit(
  target: EventTarget,
  type: string,
  detail: unknown,
  cancelable = false,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }),
  );
}

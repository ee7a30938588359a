// A prospect's words as the rep sees them, for an objection: plain text, spaces collapsed,
// cut to the length an objection keeps. Read on the rep's click, never on every change.

/** As much as an objection's words hold. */
export const WORDS_MAX = 5_000;

function tidy(text: string | null | undefined): string | null {
  const words = (text ?? '').replace(/\s+/g, ' ').trim();
  return words ? words.slice(0, WORDS_MAX) : null;
}

/** The text the rep has selected inside `root`, if any. */
export function selectedWithin(document: Document, root: Node): string | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return root.contains(range.commonAncestorContainer) ? tidy(selection.toString()) : null;
}

/** An element's text without the parts matching `leaveOut` (quoted earlier messages). */
export function textWithout(element: Element, leaveOut: readonly string[]): string | null {
  if (leaveOut.length === 0 || !element.querySelector(leaveOut.join(',')))
    return tidy(element.textContent);
  const copy = element.cloneNode(true) as Element;
  for (const part of copy.querySelectorAll(leaveOut.join(','))) part.remove();
  return tidy(copy.textContent);
}

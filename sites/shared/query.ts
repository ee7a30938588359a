/**
 * The first selector of a fallback list that matches anything, and its matches. Selector
 * syntax a browser does not know (such as :has in an old engine) counts as no match.
 */
export function queryAllFirst(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    try {
      const found = root.querySelectorAll(selector);
      if (found.length > 0) return Array.from(found);
    } catch {
      // Unsupported selector syntax: try the next fallback.
    }
  }
  return [];
}

export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  return queryAllFirst(root, selectors)[0] ?? null;
}

/** The element itself if it matches one of the selectors, else its closest ancestor that does. */
export function closestOf(element: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const found = element.closest(selector);
      if (found) return found;
    } catch {
      // Unsupported selector syntax.
    }
  }
  return null;
}

const EMAIL = /[A-Z0-9._%+'-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

export function findEmail(text: string | null | undefined): string | null {
  return text?.match(EMAIL)?.[0].toLowerCase() ?? null;
}

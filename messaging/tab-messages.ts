// What the worker tells the content script of one tab: the other direction from requests.ts.
// Content scripts check these with a type guard rather than zod, which they do not bundle.

export type TabMessage = { type: 'panel.toggle' };

const TAB_MESSAGE_TYPES: readonly TabMessage['type'][] = ['panel.toggle'];

export function isTabMessage(message: unknown): message is TabMessage {
  const type = (message as { type?: unknown } | null)?.type;
  return TAB_MESSAGE_TYPES.includes(type as TabMessage['type']);
}

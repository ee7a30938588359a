// Every Gmail selector in one place. Each is a list of fallbacks, most stable first:
// attributes and roles before Gmail's short obfuscated class names, which change.
// tests/unit/sites/gmail-selectors.test.ts checks how many elements each matches in every
// fixture page, so a Gmail redesign shows up as a failing count, not a silent miss.

export const GMAIL = {
  /** The main column: the message list or the open conversation. */
  main: ['div[role=main]'],
  /** Subject of the open conversation; carries the thread ids. */
  subject: ['h2.hP[data-thread-perm-id]', 'h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', '.ha h2.hP'],
  /** One item per message of the open conversation (expanded, collapsed or hidden). */
  messageItem: ['[role=list] > [role=listitem]', 'div.h7, div.kv, div.kQ, div.kx'],
  /** The element of a message that carries its id. */
  messageId: ['[data-message-id]', '[data-legacy-message-id]'],
  /** The sender of one message. */
  sender: ['span.gD[email]', 'td.gF span[email]', 'span[email][name]', 'span[email]'],
  /** The recipients of one message (expanded messages only). */
  recipient: ['.hb span.g2[email]', 'span.g2[email]'],
  /** The full date of one message, in its title (missing on collapsed messages). */
  date: ['span.g3[title]', 'td.gH span[title]'],
  /** The signed-in account's button, whose label holds the address. */
  accountButton: ['a[aria-label*="@"][href*="accounts.google.com"]', 'header a[aria-label*="@"]', 'a[aria-label*="@"]'],
  /** A compose form: a new message window or an inline reply. */
  composeForm: ['div.aoI[role=region] form', '[role=dialog] form', 'form:has(input[name=subjectbox])'],
  /** The draft id of a compose form ("#msg-a:r-…"). */
  composeDraft: ['input[name=draft]'],
  /** The Send button (its label is localized: never matched by text). */
  sendButton: ['div.T-I.aoO[role=button]', 'div[role=button].aoO', '[role=button][data-tooltip*="⏎"], [role=button][data-tooltip*="Ctrl-Enter"]'],
  /** The body of a compose form. */
  composeBody: ['div[g_editable=true][role=textbox]', 'div[contenteditable=true][role=textbox]'],
  /** The toast after sending, and its Undo link. */
  sentToast: ['div.b8[role=alert]', '[role=alert]'],
  undoSend: ['#link_undo', '[role=alert] [id^=link_undo]'],
  /** Rows of the thread list, and the element in a row that carries the thread id. */
  listRow: ['[gh=tl] tr.zA[role=row]', 'tr.zA', '[gh=tl] [role=row]'],
  rowThreadId: ['[data-thread-id]', '[data-legacy-thread-id]'],
  rowSubject: ['span.bog', '.y6 span'],
} as const;

export type GmailSelectorName = keyof typeof GMAIL;

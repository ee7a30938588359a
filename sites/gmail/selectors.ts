// Every Gmail selector in one place. Each is a list of fallbacks, most stable first:
// attributes and roles before Gmail's short obfuscated class names, which change.
// tests/unit/sites/gmail-selectors.test.ts checks how many elements each matches in every
// fixture page, so a Gmail redesign shows up as a failing count, not a silent miss.

export const GMAIL = {
  /** The main column: the message list or the open conversation. */
  main: ['div[role=main]'],
  /** Subject of the open conversation; carries the thread ids. */
  subject: [
    'h2.hP[data-thread-perm-id]',
    'h2[data-thread-perm-id]',
    'h2[data-legacy-thread-id]',
    '.ha h2.hP',
  ],
  /** One item per message of the open conversation (expanded, collapsed or hidden). */
  messageItem: ['[role=list] > [role=listitem]', 'div.h7, div.kv, div.kQ, div.kx'],
  /** The element of a message that carries its id. */
  messageId: ['[data-message-id]', '[data-legacy-message-id]'],
  /** The sender of one message. */
  sender: ['span.gD[email]', 'td.gF span[email]', 'span[email][name]', 'span[email]'],
  /** The recipients of one message (expanded messages only). */
  recipient: ['.hb span.g2[email]', 'span.g2[email]'],
  /** The full date of one message, in its title (expanded and collapsed messages alike). */
  date: ['span.g3[title]', 'td.gH span[title]'],
  /** Messages folded away behind the "N older messages" pill: no id, sender or date. */
  hiddenMessage: ['div.kQ, div.kx'],
  /** The pill's count of hidden messages (InboxSDK gmail-thread-view.ts reads the same). */
  hiddenCount: ['.adv .adx span', '.adx span'],
  /** The signed-in account's button, whose label holds the address. */
  accountButton: [
    'a[aria-label*="@"][href*="accounts.google.com"]',
    'header a[aria-label*="@"]',
    'a[aria-label*="@"]',
  ],
  /** A compose form: a new message window or an inline reply. */
  composeForm: [
    'div.aoI[role=region] form',
    '[role=dialog] form',
    'form:has(input[name=subjectbox])',
  ],
  /** The draft id of a compose form ("#msg-a:r-…"). */
  composeDraft: ['input[name=draft]'],
  /** The thread a reply belongs to ("#thread-a:r…"); empty in a new message. */
  composeReplyTo: ['input[name=rt]'],
  /** The Send button (its label is localized: never matched by text). */
  sendButton: [
    'div.T-I.aoO[role=button]',
    'div[role=button].aoO',
    '[role=button][data-tooltip*="⏎"], [role=button][data-tooltip*="Ctrl-Enter"]',
    // InboxSDK gmail-compose-view.ts getSendButton(): the send group's button that is neither the arrow nor Send & Archive.
    '.IZ .Up div > div[role=button]:not(.Uo):not(.hG):not([aria-haspopup=true]):not([class^=inboxsdk_])',
  ],
  /** Send & Archive, beside Send on replies when that setting is on (InboxSDK getSendAndArchiveButton()). */
  sendAndArchiveButton: [
    '.IZ .Up div > div[role=button].Uo:not([aria-haspopup=true])',
    'div.T-I.Uo[role=button]',
  ],
  /**
   * A whole compose window, where Ctrl/⌘+Enter sends from any element: `div.M9` holds an inline
   * reply and the inside of a new or popped-out message window; the form in it holds only the
   * recipients, subject and hidden ids, while body and Send sit beside it (InboxSDK
   * setup-compose-view-driver-stream.ts and gmail-message-view.ts; gmail.js compose "M9").
   */
  composeWindow: ['div.M9', '[role=dialog]', 'div.aoI[role=region]'],
  /**
   * "Schedule send" in the send-options menu the arrow (`.T-I.hG`) opens: nothing is sent now.
   * The `selector` attribute is Gmail's own action id, the same in every language (InboxSDK
   * getScheduleSendButton(); OutboxIQ gmail-recipe.ts; gmail.js add_compose_button ".J-N.yr").
   */
  scheduleSend: [
    '[role=menuitem][selector=scheduledSend]',
    '[selector=scheduledSend]',
    'div.J-N.yr[role=menuitem]',
  ],
  /** The body of a compose form. */
  composeBody: ['div[g_editable=true][role=textbox]', 'div[contenteditable=true][role=textbox]'],
  /** The toast after sending, and its Undo link. */
  sentToast: ['div.b8[role=alert]', '[role=alert]'],
  undoSend: ['#link_undo', '[role=alert] [id^=link_undo]'],
  /** Reply in the expanded header of one message (gmail.js api.dom.email reply_button). */
  messageReply: ['div[role=button].aaq', 'div[role=button].bsQ'],
  /**
   * The Reply link under the thread, in the bar with Reply all (.bkI) and Forward (.bkG):
   * InboxSDK gmail-thread-view.ts finds the bar as `.amn` (a hidden copy inside a table in
   * some layouts); the links are `span.ams.bkH[role=link]`.
   */
  threadReply: ['.amn [role=link].bkH', '.amn .ams.bkH', 'span.ams.bkH[role=link]'],
  /** Rows of the thread list, and the element in a row that carries the thread id. */
  listRow: ['[gh=tl] tr.zA[role=row]', 'tr.zA', '[gh=tl] [role=row]'],
  rowThreadId: ['[data-thread-id]', '[data-legacy-thread-id]'],
  rowSubject: ['span.bog', '.y6 span'],
} as const;

export type GmailSelectorName = keyof typeof GMAIL;

/**
 * Gmail's print view of a thread (?view=pt): plain server-rendered HTML, one table per
 * message with the sender ("<b>Name </b>&lt;address&gt;") and the full date in its first row.
 */
export const GMAIL_PRINT = {
  message: ['table.message'],
  /** The first row's cells: the sender, then the date. */
  senderCell: ['tr:first-child > td:first-child', 'td'],
  dateCell: ['tr:first-child > td[align=right]', 'tr:first-child > td:nth-child(2)'],
} as const;

/**
 * Gmail's page layout, where the panel docks beside the content the way Gmail's own side
 * panel (Calendar, Keep, add-ons) does. The same elements InboxSDK finds in
 * src/platform-implementation-js/dom-driver/gmail/gmail-element-getter.ts (getAppMenuContainer
 * `.aqk.aql.bkL`, getContentSectionElement `div.nH.bkK > .nH`, getCompanionSidebarColumnElement
 * `div.aUx`, getCompanionSidebarIconContainerElement `.brC-aT5-aOt-Jw`) and
 * gmail-driver/sync-mole-spacer-with-right-column.ts (the compose strip's `.dw > .jAmAWb`
 * spacers). Counted per fixture by tests/unit/sites/gmail-layout.test.ts.
 */
export const GMAIL_LAYOUT = {
  /** The flex row of the left navigation, the content column and the right-hand column. */
  row: ['div.aqk.aql.bkL', 'div.nH.bkL'],
  /** The content column (list, conversation, reading pane): a child of the row. */
  content: ['div.nH.bkK', 'div.bkK'],
  /** The right-hand column holding Gmail's side panel and its icon rail. */
  sideColumn: ['div.aUx'],
  /** The side panel's icon rail (its class family is brC-aT5-aOt-…). */
  rail: ['div.brC-aT5-aOt-Jw[role=complementary]', 'div[role=complementary][class^="brC-aT"]'],
  /** The compose strip's right-hand spacer, which Gmail widens for its own side panel. */
  composeSpacer: ['div.dw > div.jAmAWb ~ div.jAmAWb'],
} as const;

export type GmailLayoutSelectorName = keyof typeof GMAIL_LAYOUT;

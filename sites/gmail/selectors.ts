// Every Gmail selector in one place. Each is a list of fallbacks, most stable first:
// attributes and roles before Gmail's short obfuscated class names, which change.
// Each fallback carries the date it was last seen matching a fixture page shaped by public
// captures (or where it was reported) and the root it is queried from, as InboxSDK notes its
// own. tests/unit/sites/gmail-adapter.test.ts counts how many elements each matches on named
// fixture pages (with gmail-sends, gmail-open-reply and gmail-layout for theirs), and fails for
// a selector with no count or one no fixture matches: a Gmail redesign shows up as a failing
// count, not a silent miss.

export const GMAIL = {
  /** The main column: the message list or the open conversation. */
  main: [
    'div[role=main]', // seen 2026-11-25 · in document
  ],
  /** Subject of the open conversation; carries the thread ids. */
  subject: [
    'h2.hP[data-thread-perm-id]', // seen 2026-11-25 · in the main column
    'h2[data-thread-perm-id]', // seen 2026-11-25 · in the main column
    'h2[data-legacy-thread-id]', // seen 2026-11-25 · in the main column
    '.ha h2.hP', // seen 2026-11-25 · in the main column
  ],
  /** One item per message of the open conversation (expanded, collapsed or hidden). */
  messageItem: [
    '[role=list] > [role=listitem]', // seen 2026-11-25 · in the main column
    'div.h7, div.kv, div.kQ, div.kx', // seen 2026-11-25 · in the main column
  ],
  /** The element of a message that carries its id. */
  messageId: [
    '[data-message-id]', // seen 2026-11-25 · in a message item
    '[data-legacy-message-id]', // seen 2026-11-25 · in a message item
  ],
  /** The sender of one message. */
  sender: [
    'span.gD[email]', // seen 2026-11-25 · in a message item
    'td.gF span[email]', // seen 2026-11-25 · in a message item
    'span[email][name]', // seen 2026-11-25 · in a message item
    'span[email]', // seen 2026-11-25 · in a message item
  ],
  /** The recipients of one message (expanded messages only). */
  recipient: [
    '.hb span.g2[email]', // seen 2026-11-25 · in a message item
    'span.g2[email]', // seen 2026-11-25 · in a message item
  ],
  /** The body of one expanded message (`div.ii.gt > div.a3s.aiL`; gmail.js and InboxSDK read `.a3s`). */
  messageBody: [
    'div.ii.gt > div.a3s', // seen 2026-11-25 · in a message item
    'div.a3s', // seen 2026-11-25 · in a message item
  ],
  /** Earlier messages quoted inside a body: not what this message says. */
  quotedText: [
    '.gmail_quote', // seen 2026-11-25 · in a message body
    'blockquote', // seen 2026-11-25 · in a message body
  ],
  /** The full date of one message, in its title (expanded and collapsed messages alike). */
  date: [
    'span.g3[title]', // seen 2026-11-25 · in a message item
    'td.gH span[title]', // seen 2026-11-25 · in a message item
  ],
  /** Messages folded away behind the "N older messages" pill: no id, sender or date. */
  hiddenMessage: [
    'div.kQ, div.kx', // seen 2026-11-25 · in the main column (matched by items)
  ],
  /** The pill's count of hidden messages (InboxSDK gmail-thread-view.ts reads the same). */
  hiddenCount: [
    '.adv .adx span', // seen 2026-11-25 · in the main column
    '.adx span', // seen 2026-11-25 · in the main column
  ],
  /** The signed-in account's button, whose label holds the address. */
  accountButton: [
    'a[aria-label*="@"][href*="accounts.google.com"]', // seen 2026-11-25 · in document
    'header a[aria-label*="@"]', // seen 2026-11-25 · in document
    'a[aria-label*="@"]', // seen 2026-11-25 · in document
  ],
  /** A compose form: a new message window or an inline reply. */
  composeForm: [
    'div.aoI[role=region] form', // seen 2026-11-25 · in a compose window, or closest from a Send button
    '[role=dialog] form', // seen 2026-11-25 · in a compose window, or closest from a Send button
    'form:has(input[name=subjectbox])', // seen 2026-11-25 · in a compose window, or closest from a Send button
  ],
  /** The draft id of a compose form ("#msg-a:r-…"). */
  composeDraft: [
    'input[name=draft]', // seen 2026-11-25 · in a compose form
  ],
  /** The thread a reply belongs to ("#thread-a:r…"); empty in a new message. */
  composeReplyTo: [
    'input[name=rt]', // seen 2026-11-25 · in a compose form
  ],
  /** The Send button (its label is localized: never matched by text). */
  sendButton: [
    'div.T-I.aoO[role=button]', // seen 2026-11-25 · in the clicked element (closest)
    'div[role=button].aoO', // seen 2026-11-25 · in the clicked element (closest)
    '[role=button][data-tooltip*="⏎"], [role=button][data-tooltip*="Ctrl-Enter"]', // seen 2026-11-25 · in the clicked element (closest)
    // InboxSDK gmail-compose-view.ts getSendButton(): the send group's button that is neither the arrow nor Send & Archive.
    '.IZ .Up div > div[role=button]:not(.Uo):not(.hG):not([aria-haspopup=true]):not([class^=inboxsdk_])', // seen 2026-11-25 · in the clicked element (closest)
  ],
  /** Send & Archive, beside Send on replies when that setting is on (InboxSDK getSendAndArchiveButton()). */
  sendAndArchiveButton: [
    '.IZ .Up div > div[role=button].Uo:not([aria-haspopup=true])', // seen 2026-11-25 · in the clicked element (closest)
    'div.T-I.Uo[role=button]', // seen 2026-11-25 · in the clicked element (closest)
  ],
  /**
   * A whole compose window, where Ctrl/⌘+Enter sends from any element: `div.M9` holds an inline
   * reply and the inside of a new or popped-out message window; the form in it holds only the
   * recipients, subject and hidden ids, while body and Send sit beside it (InboxSDK
   * setup-compose-view-driver-stream.ts and gmail-message-view.ts; gmail.js compose "M9").
   */
  composeWindow: [
    'div.M9', // seen 2026-11-25 · in a compose element (closest)
    '[role=dialog]', // seen 2026-11-25 · in a compose element (closest)
    'div.aoI[role=region]', // seen 2026-11-25 · in a compose element (closest)
  ],
  /**
   * "Schedule send" in the send-options menu the arrow (`.T-I.hG`) opens: nothing is sent now.
   * The `selector` attribute is Gmail's own action id, the same in every language (InboxSDK
   * getScheduleSendButton(); OutboxIQ gmail-recipe.ts; gmail.js add_compose_button ".J-N.yr").
   */
  scheduleSend: [
    '[role=menuitem][selector=scheduledSend]', // seen 2026-11-25 · in the clicked element (closest)
    '[selector=scheduledSend]', // seen 2026-11-25 · in the clicked element (closest)
    'div.J-N.yr[role=menuitem]', // seen 2026-11-25 · in the clicked element (closest)
  ],
  /** The body of a compose form. */
  composeBody: [
    'div[g_editable=true][role=textbox]', // seen 2026-11-25 · in a compose form
    'div[contenteditable=true][role=textbox]', // seen 2026-11-25 · in a compose form
  ],
  /** The toast after sending, and its Undo link. */
  sentToast: [
    'div.b8[role=alert]', // seen 2026-11-25 · in document
    '[role=alert]', // seen 2026-11-25 · in document
  ],
  undoSend: [
    '#link_undo', // seen 2026-11-25 · in the clicked element (closest)
    '[role=alert] [id^=link_undo]', // seen 2026-11-25 · in the clicked element (closest)
  ],
  /** Reply in the expanded header of one message (gmail.js api.dom.email reply_button). */
  messageReply: [
    'div[role=button].aaq', // seen 2026-11-25 · in the newest message item
    'div[role=button].bsQ', // reported 2026-11 by gmail.js (api.dom.email reply_button), in no fixture yet · in the newest message item
  ],
  /**
   * The Reply link under the thread, in the bar with Reply all (.bkI) and Forward (.bkG):
   * InboxSDK gmail-thread-view.ts finds the bar as `.amn` (a hidden copy inside a table in
   * some layouts); the links are `span.ams.bkH[role=link]`.
   */
  threadReply: [
    '.amn [role=link].bkH', // seen 2026-11-25 · in document
    '.amn .ams.bkH', // seen 2026-11-25 · in document
    'span.ams.bkH[role=link]', // seen 2026-11-25 · in document
  ],
  /** Rows of the thread list, and the element in a row that carries the thread id. */
  listRow: [
    '[gh=tl] tr.zA[role=row]', // seen 2026-11-25 · in document
    'tr.zA', // seen 2026-11-25 · in document
    '[gh=tl] [role=row]', // seen 2026-11-25 · in document
  ],
  rowThreadId: [
    '[data-thread-id]', // seen 2026-11-25 · in a list row
    '[data-legacy-thread-id]', // seen 2026-11-25 · in a list row
  ],
  rowSubject: [
    'span.bog', // seen 2026-11-25 · in a list row
    '.y6 span', // seen 2026-11-25 · in a list row
  ],
} as const;

export type GmailSelectorName = keyof typeof GMAIL;

/**
 * Gmail's print view of a thread (?view=pt): plain server-rendered HTML, one table per
 * message with the sender ("<b>Name </b>&lt;address&gt;") and the full date in its first row.
 */
export const GMAIL_PRINT = {
  message: [
    'table.message', // seen 2026-11-25 · in the print view
  ],
  /** The first row's cells: the sender, then the date. */
  senderCell: [
    'tr:first-child > td:first-child', // seen 2026-11-25 · in a message table
    'td', // seen 2026-11-25 · in a message table
  ],
  dateCell: [
    'tr:first-child > td[align=right]', // seen 2026-11-25 · in a message table
    'tr:first-child > td:nth-child(2)', // seen 2026-11-25 · in a message table
  ],
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
  row: [
    'div.aqk.aql.bkL', // seen 2026-11-25 · in document
    'div.nH.bkL', // seen 2026-11-25 · in document
  ],
  /** The content column (list, conversation, reading pane): a child of the row. */
  content: [
    'div.nH.bkK', // seen 2026-11-25 · in the row (its children matched)
    'div.bkK', // seen 2026-11-25 · in the row (its children matched)
  ],
  /** The right-hand column holding Gmail's side panel and its icon rail. */
  sideColumn: [
    'div.aUx', // seen 2026-11-25 · in the row
  ],
  /** The side panel's icon rail (its class family is brC-aT5-aOt-…). */
  rail: [
    'div.brC-aT5-aOt-Jw[role=complementary]', // seen 2026-11-25 · in document
    'div[role=complementary][class^="brC-aT"]', // seen 2026-11-25 · in document
  ],
  /** The compose strip's right-hand spacer, which Gmail widens for its own side panel. */
  composeSpacer: [
    'div.dw > div.jAmAWb ~ div.jAmAWb', // seen 2026-11-25 · in document (a style rule)
  ],
} as const;

export type GmailLayoutSelectorName = keyof typeof GMAIL_LAYOUT;

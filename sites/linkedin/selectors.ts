// Every LinkedIn selector in one place, each a list of fallbacks, most stable first. LinkedIn
// serves two profile layouts at once (the older one with readable class names, and the 2026
// one with hashed classes where only structure and componentkey attributes are stable);
// tests/unit/sites/linkedin-adapter.test.ts checks each list's match count in every fixture.

export const LINKEDIN = {
  /** Older profile layout. */
  profileName: ['h1.text-heading-xlarge', 'main section h1'],
  profileHeadline: ['div.text-body-medium.break-words'],
  profileLocation: ['span.text-body-small.inline.t-black--light.break-words'],
  /** The current-company button; its label ("Current company: Acme…") is localized. */
  profileCompanyButton: ['button[aria-label][data-field="experience_company_logo"]', 'ul.pv-text-details__right-panel button[aria-label]', 'button[aria-label^="Current company:"]'],
  profileCompanyText: ['.pv-text-details__right-panel-item-text', 'ul.pv-text-details__right-panel button span'],
  /** 2026 profile layout: the top card, its name heading and its lines of text. */
  topCard: ['[componentkey$="Topcard"]', '[id$="Topcard"]'],
  topCardName: ['h2', 'h1'],
  topCardLines: [':scope p'],
  /** Messaging: the open conversation's container on the messaging page. */
  conversationRoot: ['.msg-convo-wrapper.msg-thread', '.msg-thread', '.msg-convo-wrapper'],
  conversationPartner: ['a.msg-thread__link-to-profile', '.msg-thread a[href*="/in/"]'],
  conversationPartnerName: ['h2.msg-entity-lockup__entity-title', '.msg-entity-lockup__entity-title'],
  messageEvent: ['li.msg-s-message-list__event'],
  messageItem: ['div.msg-s-event-listitem[data-event-urn]', '[data-event-urn]'],
  messageSender: ['.msg-s-message-group__name'],
  messageClock: ['time.msg-s-message-group__timestamp'],
  messageDay: ['time.msg-s-message-list__time-heading'],
  /** Chat bubbles that open over any page. */
  overlayBubble: ['.msg-overlay-conversation-bubble'],
  overlayPartner: ['.msg-overlay-bubble-header a[href*="/in/"]', 'header a[href*="/in/"]'],
  composer: ['div.msg-form__contenteditable[contenteditable=true][role=textbox]', '.msg-form [contenteditable=true][role=textbox]'],
  sendButton: ['button.msg-form__send-button[type=submit]', '.msg-form button[type=submit]'],
} as const;

export type LinkedInSelectorName = keyof typeof LINKEDIN;

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
  profileCompanyButton: [
    'button[aria-label][data-field="experience_company_logo"]',
    'ul.pv-text-details__right-panel button[aria-label]',
    'button[aria-label^="Current company:"]',
  ],
  profileCompanyText: [
    '.pv-text-details__right-panel-item-text',
    'ul.pv-text-details__right-panel button span',
  ],
  /** The profile's Message link (/messaging/compose/?profileUrn=urn:li:fsd_profile:<member id>&recipient=…), both layouts. */
  profileMessageLink: ['a[href*="profileUrn="]', 'a[href*="recipient="]'],
  /**
   * 2026 profile layout: the top card (its id, or component key, is
   * "com.linkedin.sdui.profile.card.ref<member id>Topcard"), its name heading, the "Contact
   * info" link that finds the identity block, and the icon of the current-company pill.
   */
  topCard: ['[id$="Topcard"]', '[componentkey$="Topcard"]'],
  topCardName: ['h2', 'h1'],
  topCardContactInfo: ['a[href*="/overlay/contact-info"]'],
  topCardCompanyIcon: ['svg[id^="company-"]'],
  /** Messaging: the open conversation's container on the messaging page. */
  conversationRoot: ['.msg-convo-wrapper.msg-thread', '.msg-thread', '.msg-convo-wrapper'],
  conversationPartner: ['a.msg-thread__link-to-profile', '.msg-thread a[href*="/in/"]'],
  conversationPartnerName: [
    'h2.msg-entity-lockup__entity-title',
    '.msg-entity-lockup__entity-title',
  ],
  messageEvent: ['li.msg-s-message-list__event'],
  messageItem: ['div.msg-s-event-listitem[data-event-urn]', '[data-event-urn]'],
  messageSender: ['.msg-s-message-group__name'],
  messageClock: ['time.msg-s-message-group__timestamp'],
  messageDay: ['time.msg-s-message-list__time-heading'],
  /** Chat bubbles that open over any page. */
  overlayBubble: ['.msg-overlay-conversation-bubble'],
  overlayPartner: ['.msg-overlay-bubble-header a[href*="/in/"]', 'header a[href*="/in/"]'],
  composer: [
    'div.msg-form__contenteditable[contenteditable=true][role=textbox]',
    '.msg-form [contenteditable=true][role=textbox]',
  ],
  sendButton: ['button.msg-form__send-button[type=submit]', '.msg-form button[type=submit]'],
} as const;

export type LinkedInSelectorName = keyof typeof LINKEDIN;

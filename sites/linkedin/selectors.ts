// Every LinkedIn selector in one place, each a list of fallbacks, most stable first. LinkedIn
// serves two profile layouts at once (the older one with readable class names, and the 2026
// one with hashed classes where only structure and componentkey attributes are stable).
// Each fallback carries the date it was last seen matching a fixture page shaped by public
// captures (or where it was reported), and the root it is queried from, as InboxSDK dates
// its Gmail selectors;
// tests/unit/sites/linkedin-adapter.test.ts counts every list's matches on named fixture
// pages, and fails for a selector with no expected count or one that no fixture matches.

export const LINKEDIN = {
  /** Older profile layout. */
  profileName: [
    'h1.text-heading-xlarge', // seen 2026-11-25 · in document
    'main section h1', // seen 2026-11-25 · in document
  ],
  profileHeadline: [
    'div.text-body-medium.break-words', // seen 2026-11-25 · in document
  ],
  profileLocation: [
    'span.text-body-small.inline.t-black--light.break-words', // seen 2026-11-25 · in document
  ],
  /** The current-company button; its label ("Current company: Acme…") is localized. */
  profileCompanyButton: [
    'button[aria-label][data-field="experience_company_logo"]', // seen 2026-11-25 · in document
    'ul.pv-text-details__right-panel button[aria-label]', // seen 2026-11-25 · in document
    'button[aria-label^="Current company:"]', // seen 2026-11-25 · in document
  ],
  profileCompanyText: [
    '.pv-text-details__right-panel-item-text', // seen 2026-11-25 · in document
    'ul.pv-text-details__right-panel button span', // seen 2026-11-25 · in document
  ],
  /** The older layout's card: the section around the name heading. */
  profileSection: [
    'section', // seen 2026-11-25 · in the name heading (closest)
  ],
  /** The profile's Message link (/messaging/compose/?profileUrn=urn:li:fsd_profile:<member id>&recipient=…), both layouts. */
  profileMessageLink: [
    'a[href*="profileUrn="]', // seen 2026-11-25 · in the profile card
    'a[href*="recipient="]', // seen 2026-11-25 · in the profile card
  ],
  /** Links to a profile inside the profile's card: they name its slug or member id. */
  profilePersonLink: [
    'a[href*="/in/"]', // seen 2026-11-25 · in the profile card
  ],
  /**
   * 2026 profile layout: the top card (its id, or component key, is
   * "com.linkedin.sdui.profile.card.ref<member id>Topcard"), its name heading, the "Contact
   * info" link that finds the identity block and the line holding it, and the icon of the
   * current-company pill and the pill itself.
   */
  topCard: [
    '[id$="Topcard"]', // seen 2026-11-25 · in document
    '[componentkey$="Topcard"]', // reported 2026-11 in issue 10, in no fixture yet · in document
  ],
  topCardName: [
    'h2', // seen 2026-11-25 · in the top card
    'h1', // seen 2026-11-25 · in the top card
  ],
  topCardContactInfo: [
    'a[href*="/overlay/contact-info"]', // seen 2026-11-25 · in the top card
  ],
  topCardLine: [
    'p', // seen 2026-11-25 · in the Contact info link (closest)
  ],
  topCardCompanyIcon: [
    'svg[id^="company-"]', // seen 2026-11-25 · in the top card
  ],
  topCardCompanyPill: [
    '[role=button]', // seen 2026-11-25 · in the company icon (closest)
  ],
  /** Messaging: the open conversation's container on the messaging page. */
  conversationRoot: [
    '.msg-convo-wrapper.msg-thread', // seen 2026-11-25 · in document
    '.msg-thread', // seen 2026-11-25 · in document
    '.msg-convo-wrapper', // seen 2026-11-25 · in document
  ],
  conversationPartner: [
    'a.msg-thread__link-to-profile', // seen 2026-11-25 · in the conversation
    '.msg-thread a[href*="/in/"]', // seen 2026-11-25 · in the conversation
  ],
  conversationPartnerName: [
    'h2.msg-entity-lockup__entity-title', // seen 2026-11-25 · in the partner link, else the conversation
    '.msg-entity-lockup__entity-title', // seen 2026-11-25 · in the partner link, else the conversation
  ],
  messageEvent: [
    'li.msg-s-message-list__event', // seen 2026-11-25 · in the conversation or a chat bubble
  ],
  messageItem: [
    'div.msg-s-event-listitem[data-event-urn]', // seen 2026-11-25 · in a message event
    '[data-event-urn]', // seen 2026-11-25 · in a message event
  ],
  messageSender: [
    '.msg-s-message-group__name', // seen 2026-11-25 · in a message event
  ],
  /** The text of one message. */
  messageBody: [
    'p.msg-s-event-listitem__body', // seen 2026-11-25 · in a message event
    '.msg-s-event-listitem__body', // seen 2026-11-25 · in a message event
  ],
  messageClock: [
    'time.msg-s-message-group__timestamp', // seen 2026-11-25 · in a message event
  ],
  messageDay: [
    'time.msg-s-message-list__time-heading', // seen 2026-11-25 · in a message event
  ],
  /** Chat bubbles that open over any page. */
  overlayBubble: [
    '.msg-overlay-conversation-bubble', // seen 2026-11-25 · in document
  ],
  overlayPartner: [
    '.msg-overlay-bubble-header a[href*="/in/"]', // seen 2026-11-25 · in a chat bubble
    'header a[href*="/in/"]', // seen 2026-11-25 · in a chat bubble
  ],
  composer: [
    'div.msg-form__contenteditable[contenteditable=true][role=textbox]', // seen 2026-11-25 · in the form of the pressed element (closest)
    '.msg-form [contenteditable=true][role=textbox]', // seen 2026-11-25 · in the form of the pressed element (closest)
  ],
  sendButton: [
    'button.msg-form__send-button[type=submit]', // seen 2026-11-25 · in the clicked element (closest)
    '.msg-form button[type=submit]', // seen 2026-11-25 · in the clicked element (closest)
  ],
} as const;

export type LinkedInSelectorName = keyof typeof LINKEDIN;

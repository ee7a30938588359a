// Sample pipeline for the offline demo (`npm start`): one deal overdue, one due, one on
// track, a thread that belongs to no deal yet, and a few deals closed in the last months so
// that pipeline health has numbers to show. Records are complete as the storage
// layer writes them; tests/unit/demo-data.test.ts checks them against the schemas.

const DAY = 86_400_000;
const ACCOUNT = 'maria.rep@northwind.fi';
const bant = (budget, authority, need, timeline) => ({
  budget: { state: budget, note: '' },
  authority: { state: authority, note: '' },
  need: { state: need, note: '' },
  timeline: { state: timeline, note: '' },
});

function deal(
  now,
  {
    id,
    title,
    company,
    value,
    stageId,
    movedDaysAgo,
    contactIds,
    bantItems,
    touches,
    lastDirection,
    followUps,
  },
) {
  const movedAt = now - movedDaysAgo * DAY;
  const createdAt = movedAt - 9 * DAY;
  return {
    id,
    title,
    company,
    value,
    currency: 'EUR',
    stageId,
    status: 'open',
    closeReason: '',
    closedAt: null,
    expectedClose: null,
    contactIds,
    bant: bantItems,
    checkedExitItems: [],
    notes: '',
    createdAt,
    updatedAt: movedAt,
    stageChangedAt: createdAt + DAY,
    snoozedUntil: null,
    touchCount: touches,
    lastTouchAt: movedAt,
    lastTouchDirection: lastDirection,
    lastDirectedTouchAt: movedAt,
    lastInboundAt: lastDirection === 'inbound' ? movedAt : null,
    outboundSinceInbound: followUps + (lastDirection === 'inbound' ? 0 : 1),
    followUpCount: followUps,
    lastMovementAt: movedAt,
  };
}

const STAGE_PATH = [
  'prospecting',
  'qualification',
  'initial-contact',
  'needs-assessment',
  'proposal',
  'negotiation',
  'closing',
];

/** A deal closed `closedDaysAgo` days ago after walking the pipeline up to `reachedStageId`. */
function closedDeal(
  now,
  { id, title, company, value, status, reason, reachedStageId, createdDaysAgo, closedDaysAgo },
) {
  const createdAt = now - createdDaysAgo * DAY;
  const closedAt = now - closedDaysAgo * DAY;
  const path = STAGE_PATH.slice(0, STAGE_PATH.indexOf(reachedStageId) + 1);
  const stepAt = (i) => createdAt + Math.round(((closedAt - createdAt) * i) / path.length);
  return {
    deal: {
      id,
      title,
      company,
      value,
      currency: 'EUR',
      stageId: reachedStageId,
      status,
      closeReason: reason,
      closedAt,
      expectedClose: null,
      contactIds: [],
      bant: bant('confirmed', 'confirmed', 'confirmed', 'confirmed'),
      checkedExitItems: [],
      notes: '',
      createdAt,
      updatedAt: closedAt,
      stageChangedAt: stepAt(path.length - 1),
      snoozedUntil: null,
      touchCount: 0,
      lastTouchAt: null,
      lastTouchDirection: null,
      lastDirectedTouchAt: null,
      lastInboundAt: null,
      outboundSinceInbound: 0,
      followUpCount: 0,
      lastMovementAt: closedAt,
    },
    history: path.map((to, i) => ({
      dealId: id,
      from: i === 0 ? null : path[i - 1],
      to,
      at: stepAt(i),
    })),
  };
}

const contact = (now, id, name, email, company) => ({
  id,
  name,
  email,
  company,
  headline: '',
  location: '',
  linkedinUrl: null,
  createdAt: now - 20 * DAY,
});

const threadLink = (now, dealId, threadId, route, label) => ({
  key: `gmail:${ACCOUNT}:${threadId}`,
  kind: 'gmail-thread',
  dealId,
  account: ACCOUNT,
  externalId: threadId,
  url: `https://mail.google.com/mail/u/0/#inbox/${route}`,
  label,
  createdAt: now - 10 * DAY,
});

export function demoRecords(now = Date.now()) {
  const deals = [
    deal(now, {
      id: 'demo-acme',
      title: 'Pricing for 40 seats',
      company: 'Acme',
      value: 24_000,
      stageId: 'qualification',
      movedDaysAgo: 4,
      contactIds: ['demo-aino', 'demo-jussi'],
      bantItems: bant('confirmed', 'unknown', 'confirmed', 'unknown'),
      touches: 4,
      lastDirection: 'inbound',
      followUps: 0,
    }),
    deal(now, {
      id: 'demo-initech',
      title: 'Initech demo',
      company: 'Initech',
      value: 9_500,
      stageId: 'initial-contact',
      movedDaysAgo: 6,
      contactIds: ['demo-leena'],
      bantItems: bant('unknown', 'unknown', 'confirmed', 'unknown'),
      touches: 3,
      lastDirection: 'outbound',
      followUps: 2,
    }),
    deal(now, {
      id: 'demo-globex',
      title: 'Globex renewal',
      company: 'Globex',
      value: 48_000,
      stageId: 'proposal',
      movedDaysAgo: 1,
      contactIds: ['demo-pekka'],
      bantItems: bant('confirmed', 'confirmed', 'confirmed', 'confirmed'),
      touches: 6,
      lastDirection: 'outbound',
      followUps: 0,
    }),
  ];
  const closed = [
    closedDeal(now, {
      id: 'demo-umbrella',
      title: 'Umbrella rollout',
      company: 'Umbrella',
      value: 36_000,
      status: 'won',
      reason: 'Signed for two years',
      reachedStageId: 'closing',
      createdDaysAgo: 95,
      closedDaysAgo: 40,
    }),
    closedDeal(now, {
      id: 'demo-hooli',
      title: 'Hooli pilot',
      company: 'Hooli',
      value: 12_000,
      status: 'won',
      reason: 'Pilot became a contract',
      reachedStageId: 'closing',
      createdDaysAgo: 60,
      closedDaysAgo: 18,
    }),
    closedDeal(now, {
      id: 'demo-vandelay',
      title: 'Vandelay imports',
      company: 'Vandelay',
      value: 20_000,
      status: 'lost',
      reason: 'Went with a cheaper tool',
      reachedStageId: 'proposal',
      createdDaysAgo: 50,
      closedDaysAgo: 25,
    }),
    closedDeal(now, {
      id: 'demo-stark',
      title: 'Stark one-off',
      company: 'Stark',
      value: 3_000,
      status: 'disqualified',
      reason: 'No budget this year',
      reachedStageId: 'qualification',
      createdDaysAgo: 30,
      closedDaysAgo: 27,
    }),
  ];
  return {
    deals: [...deals, ...closed.map((c) => c.deal)],
    contacts: [
      {
        ...contact(now, 'demo-aino', 'Aino Virtanen', 'aino.virtanen@acme.fi', 'Acme'),
        linkedinUrl: 'https://www.linkedin.com/in/aino-virtanen/',
        headline: 'Head of Operations at Acme',
      },
      contact(now, 'demo-jussi', 'Jussi Korhonen', 'jussi@acme.fi', 'Acme'),
      contact(now, 'demo-leena', 'Leena Mäkinen', 'leena.makinen@initech.fi', 'Initech'),
      contact(now, 'demo-pekka', 'Pekka Salo', 'pekka.salo@globex.com', 'Globex'),
    ],
    links: [
      threadLink(
        now,
        'demo-acme',
        'thread-f:1790123456789012345',
        'FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC',
        'Re: Pricing for 40 seats',
      ),
      threadLink(
        now,
        'demo-initech',
        'thread-f:1790123456600000001',
        'FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkG',
        'Demo next week?',
      ),
      {
        key: 'linkedin-profile:aino-virtanen',
        kind: 'linkedin-profile',
        dealId: 'demo-acme',
        account: null,
        externalId: 'aino-virtanen',
        url: 'https://www.linkedin.com/in/aino-virtanen/',
        label: 'Aino Virtanen',
        createdAt: now - 10 * DAY,
      },
    ],
    stageHistory: [
      ...deals.flatMap((d) => [
        { dealId: d.id, from: null, to: 'prospecting', at: d.createdAt },
        ...(d.stageId === 'prospecting'
          ? []
          : [{ dealId: d.id, from: 'prospecting', to: d.stageId, at: d.stageChangedAt }]),
      ]),
      ...closed.flatMap((c) => c.history),
    ],
  };
}

/**
 * The demo's Gmail: which fixture page shows for which hash route. Thread B ("Intro: Globex
 * data platform") is the unlinked one: its sender shares a domain with the Globex deal.
 */
export const DEMO_ROUTES = {
  inbox: 'inbox.html',
  'inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC': 'thread.html',
  'inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkD': 'thread-b.html',
};

/** Inbox rows → the route they open. */
export const DEMO_ROWS = {
  'thread-f:1790123456789012345': 'inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkC',
  'thread-f:1790123456700000001': 'inbox/FMfcgzQZTnBvxKqLdWfRmPpHjXsVtRkD',
};

/**
 * The demo's LinkedIn: Aino's profile (linked to the Acme deal), her conversation with the
 * rep (not linked yet: the panel suggests her deal), and a profile that is no prospect yet.
 */
export const DEMO_LINKEDIN_PAGES = {
  'https://www.linkedin.com/in/aino-virtanen/': 'linkedin/profile.html',
  'https://www.linkedin.com/in/leena-makinen-5a1b2c/': 'linkedin/profile-2026.html',
  'https://www.linkedin.com/messaging/thread/2-ZWM2NDIzYjQtMDAxMS00YTIyLWI5ZTMtNGQ1ZjZhN2I4Yzlk/':
    'linkedin/messaging.html',
};

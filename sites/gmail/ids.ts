// Gmail names each thread and message in up to three ways: "#thread-f:<decimal>" /
// "#msg-f:<decimal>", the same number in hex as the legacy id, and, for what the rep sent or
// started in this browser, "#thread-a:r<number>" / "#msg-a:r<number>" (the number may be
// negative). A reply just sent may have no legacy id yet, and data-thread-perm-id can be the
// literal string "undefined". The decimal f-form is what we store; the a-form only when
// Gmail shows nothing else yet (InboxSDK, gmail-message-view.ts, waits for the same thing).

function fromLegacy(prefix: string, legacy: string | null): string | null {
  return legacy && /^[0-9a-f]{1,16}$/i.test(legacy) ? `${prefix}:${BigInt(`0x${legacy}`)}` : null;
}

function idOf(kind: 'thread' | 'msg', perm: string | null, legacy: string | null): string | null {
  return (
    perm?.match(new RegExp(`${kind}-f:\\d+`))?.[0] ??
    fromLegacy(`${kind}-f`, legacy) ??
    perm?.match(new RegExp(`${kind}-a:r-?\\d+`))?.[0] ??
    null
  );
}

/** "thread-f:<decimal>" from a permanent id attribute or the legacy hex id, else "thread-a:r…". */
export function threadIdOf(perm: string | null, legacy: string | null): string | null {
  return idOf('thread', perm, legacy);
}

/** "msg-f:<decimal>" likewise, else "msg-a:r…". */
export function messageIdOf(perm: string | null, legacy: string | null): string | null {
  return idOf('msg', perm, legacy);
}

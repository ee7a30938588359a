// Gmail shows each id twice: "#thread-f:<decimal>" / "#msg-f:<decimal>" and the same number
// in hex as the legacy id. The decimal form is what we store; the hex one is the fallback.

function fromLegacy(prefix: string, legacy: string | null): string | null {
  return legacy && /^[0-9a-f]{1,16}$/i.test(legacy) ? `${prefix}:${BigInt(`0x${legacy}`)}` : null;
}

/** "thread-f:<decimal>" from a permanent id attribute, else from the legacy hex id. */
export function threadIdOf(perm: string | null, legacy: string | null): string | null {
  return perm?.match(/thread-f:\d+/)?.[0] ?? fromLegacy('thread-f', legacy);
}

/** "msg-f:<decimal>" likewise. */
export function messageIdOf(perm: string | null, legacy: string | null): string | null {
  return perm?.match(/msg-f:\d+/)?.[0] ?? fromLegacy('msg-f', legacy);
}

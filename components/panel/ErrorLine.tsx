/** What went wrong, on one line the rep's screen reader announces; nothing when all is well. */
export function ErrorLine({ message }: { message: string | null | undefined }) {
  return message ? (
    <p class="tl-error" role="alert">
      {message}
    </p>
  ) : null;
}

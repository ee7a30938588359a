/**
 * Only the rep acts in the panel. Events the page makes up (el.click(), dispatchEvent) stop
 * here, on their way down, before any handler of the panel sees them, and their default
 * action is cancelled: a made-up click on a submit button submits nothing. A form is
 * submitted only by the button the rep just clicked (Enter in a field clicks the form's
 * button too), so form.requestSubmit(), whose submit event the browser makes and marks
 * trusted, changes nothing either.
 */
export function acceptOnlyTheRep(shadow: ShadowRoot): void {
  let armed: EventTarget | null = null;
  const onlyTheRep = (event: Event) => {
    if (
      event.type === 'submit'
        ? !(event as SubmitEvent).submitter?.contains(armed as Node | null)
        : !event.isTrusted
    ) {
      event.preventDefault();
      event.stopImmediatePropagation();
    } else if (event.type === 'click') {
      armed = event.target;
      setTimeout(() => (armed = null));
    }
  };
  for (const type of ['click', 'keydown', 'input', 'change', 'submit'])
    shadow.addEventListener(type, onlyTheRep, true);
}

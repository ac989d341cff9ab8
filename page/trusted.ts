// The page can dispatch synthetic events (isTrusted false) at our listeners: a forged click,
// pointermove or Escape must not open, pin or close anything of ours. Unit tests, which can only
// synthesize events, turn the check off.
export function trustedOnly(fn: EventListener, enabled = true): EventListener {
  return enabled ? (e) => void (e.isTrusted && fn(e)) : fn;
}

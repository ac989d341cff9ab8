// Same-document navigations (pushState, back/forward) of single-page sites. Whatever event hints
// at one — including events the page itself could forge — only the URL actually changing counts,
// and the callback runs after the current task so the new content has a chance to render.
export function watchLocation(onChange: () => void): () => void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  };
  const soon = () => setTimeout(check, 0);
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', soon);
  addEventListener('popstate', soon);
  // Some routers change the URL without any event we can see: a cheap comparison twice a second.
  const timer = setInterval(check, 500);
  return () => {
    nav?.removeEventListener('navigatesuccess', soon);
    removeEventListener('popstate', soon);
    clearInterval(timer);
  };
}

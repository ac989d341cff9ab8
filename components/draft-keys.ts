// Keys of a note editor: Ctrl/⌘+Enter saves; Esc never throws a written draft away (an empty
// editor closes, a written one stays until Cancel), and never reaches the card's own Esc.
export function draftKeys(draft: () => string, save: () => void, cancel: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      if (!draft().trim()) cancel();
    }
  };
}

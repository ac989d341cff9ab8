import type { ComponentChildren, JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import {
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  type Placement,
  type VirtualElement,
} from '@floating-ui/dom';

// The one floating-position helper of Hashiya's page UI: the entity card, the passage card, the
// "Add note" button and the passage editor all sit next to a page range through it. Floating UI,
// fixed strategy, kept in place while the page scrolls or resizes (autoUpdate, one subscription per
// anchor, cleaned up on unmount). Uses the card stylesheet's `.hs-float` and its `data-state`:
// invisible and inert while `placing` (never a flash at the viewport corner), `open` once placed
// (switching anchors keeps it open: no fade between two cards), `closing` while it fades out.

type DivProps = Omit<JSX.HTMLAttributes<HTMLDivElement>, 'ref' | 'class' | 'className' | 'style'>;

export interface FloatingProps extends DivProps {
  anchor: VirtualElement;
  placement?: Placement;
  gap?: number;
  class?: string;
  /** Fading out: stays where it is, `data-state="closing"`. */
  closing?: boolean;
  /** The anchor has no box any more (the page removed or hid its text). */
  onLost?(): void;
  /** The element, for focus checks (null on unmount). */
  elRef?(el: HTMLDivElement | null): void;
  children?: ComponentChildren;
}

export function Floating({
  anchor,
  placement = 'bottom-start',
  gap = 8,
  class: cls,
  closing = false,
  onLost,
  elRef,
  children,
  ...rest
}: FloatingProps) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef({ closing, onLost });
  latest.current = { closing, onLost };

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    elRef?.(el);
    return () => elRef?.(null);
  }, [elRef]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && closing) el.dataset.state = 'closing';
  }, [closing]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let live = true;
    if (el.dataset.state !== 'open') el.dataset.state = 'placing';
    const place = () => {
      if (!anchor.getClientRects?.().length) return latest.current.onLost?.();
      computePosition(anchor, el, {
        strategy: 'fixed',
        placement,
        middleware: [offset(gap), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        if (!live) return; // a newer anchor took over
        el.style.left = `${x}px`;
        el.style.top = `${y}px`;
        if (!latest.current.closing) el.dataset.state = 'open';
      });
    };
    const stop = autoUpdate(anchor, el, place);
    return () => {
      live = false;
      stop();
    };
  }, [anchor, placement, gap]);

  return (
    <div ref={ref} class={cls ? `hs-float ${cls}` : 'hs-float'} {...rest}>
      {children}
    </div>
  );
}

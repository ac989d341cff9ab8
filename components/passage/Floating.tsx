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

// A box positioned next to a page range by Floating UI (fixed strategy, kept in place while the page
// scrolls or resizes). Uses the card stylesheet's `.hs-float`: invisible and inert until placed, so
// it never flashes at the viewport corner.

type DivProps = Omit<JSX.HTMLAttributes<HTMLDivElement>, 'ref' | 'class' | 'className' | 'style'>;

export interface FloatingProps extends DivProps {
  anchor: VirtualElement;
  placement?: Placement;
  gap?: number;
  class?: string;
  children: ComponentChildren;
}

export function Floating({
  anchor,
  placement = 'bottom-start',
  gap = 8,
  class: cls,
  children,
  ...rest
}: FloatingProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let live = true;
    if (el.dataset.state !== 'open') el.dataset.state = 'placing';
    const place = () => {
      computePosition(anchor, el, {
        strategy: 'fixed',
        placement,
        middleware: [offset(gap), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        if (!live) return;
        el.style.left = `${x}px`;
        el.style.top = `${y}px`;
        el.dataset.state = 'open';
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

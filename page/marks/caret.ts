// The text position under a viewport point: caretPositionFromPoint (standard; Chrome 128+,
// Firefox) or caretRangeFromPoint (older Chrome). Null when the point is not over text.
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p && p.offsetNode.nodeType === 3 ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r && r.startContainer.nodeType === 3 ? { node: r.startContainer, offset: r.startOffset } : null;
}

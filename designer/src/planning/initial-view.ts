export interface NodeBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface TreeView {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
  /** The canvas height that shows the whole tree at this zoom, within sensible bounds. */
  readonly height: number;
}

const PADDING = 24;
/** The zoom buttons sit in the bottom-left corner: the order lines start right of them. */
const LEFT = 64;
/** Below this the boxes' text is too small to read: the planner pans instead. */
const MIN_ZOOM = 0.75;

/**
 * The first view of a tree: as large as fits up to 1:1, never below a readable zoom, the order lines at
 * the left edge. A tree taller than the canvas opens centred on the `focus` node (the first order line).
 */
export function initialView(boxes: ReadonlyMap<string, NodeBox>, canvasWidth: number, focus?: string): TreeView {
  let right = 0;
  let bottom = 0;
  for (const box of boxes.values()) {
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  const zoom = Math.min(1, Math.max(MIN_ZOOM, (canvasWidth - LEFT - PADDING) / Math.max(right, 1)));
  const height = Math.min(720, Math.max(320, bottom * zoom + 2 * PADDING));
  const fits = bottom * zoom + 2 * PADDING <= height;
  const focusBox = focus === undefined ? undefined : boxes.get(focus);
  if (fits || focusBox === undefined) return { x: LEFT, y: Math.max(PADDING, (height - bottom * zoom) / 2), zoom, height };
  return { x: LEFT, y: height / 2 - (focusBox.y + focusBox.height / 2) * zoom, zoom, height };
}

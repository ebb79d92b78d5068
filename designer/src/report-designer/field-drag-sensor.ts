import type { Activators, SensorInstance, SensorProps } from '@dnd-kit/core';
import type { PointerEvent as ReactPointerEvent } from 'react';

export interface FieldDragOptions {
  /** How far (px) the pointer moves before a press becomes a drag; less is a click. */
  readonly distance: number;
}

/**
 * Drags a field from the field list with the mouse, pen or finger.
 *
 * dnd-kit's PointerSensor stops every click on the page in the capture phase from the moment a
 * drag starts until 50 ms after it ends (a timer). Right after a drop the shelves and the preview
 * render again; on a busy machine the browser runs the next click before that timer, so a click on
 * a chip just dropped or next to it opened nothing (the CI flake). This sensor swallows only the
 * click that the drag's own release makes, and stops waiting for it at the next press.
 */
export class FieldDragSensor implements SensorInstance {
  static activators: Activators<FieldDragOptions> = [
    {
      eventName: 'onPointerDown',
      handler: ({ nativeEvent }: ReactPointerEvent) => nativeEvent.isPrimary && nativeEvent.button === 0,
    },
  ];

  autoScrollEnabled = true;
  private readonly document: Document;
  private readonly start: { x: number; y: number };
  private activated = false;

  constructor(private readonly props: SensorProps<FieldDragOptions>) {
    const event = props.event as PointerEvent;
    this.document = (event.target as Node | null)?.ownerDocument ?? document;
    this.start = { x: event.clientX, y: event.clientY };
    this.document.addEventListener('pointermove', this.move, { passive: false });
    this.document.addEventListener('pointerup', this.end);
    this.document.addEventListener('pointercancel', this.cancel);
    this.document.addEventListener('keydown', this.keydown);
    window.addEventListener('resize', this.cancel);
    window.addEventListener('contextmenu', preventDefault);
    window.addEventListener('dragstart', preventDefault);
  }

  private readonly move = (event: PointerEvent) => {
    const at = { x: event.clientX, y: event.clientY };
    if (!this.activated) {
      if (Math.hypot(at.x - this.start.x, at.y - this.start.y) < this.props.options.distance) return;
      this.activated = true;
      this.document.getSelection()?.removeAllRanges();
      this.props.onStart(this.start);
    }
    if (event.cancelable) event.preventDefault();
    this.props.onMove(at);
  };

  private readonly end = () => {
    this.detach();
    if (!this.activated) {
      this.props.onAbort(this.props.active);
      this.props.onEnd();
      return;
    }
    // The release of a drag is no click on what lies under it (a field let go where it was picked up).
    swallowNextClick(this.document);
    this.props.onEnd();
  };

  private readonly cancel = () => {
    this.detach();
    if (!this.activated) this.props.onAbort(this.props.active);
    this.props.onCancel();
  };

  private readonly keydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.cancel();
  };

  private detach(): void {
    this.document.removeEventListener('pointermove', this.move);
    this.document.removeEventListener('pointerup', this.end);
    this.document.removeEventListener('pointercancel', this.cancel);
    this.document.removeEventListener('keydown', this.keydown);
    window.removeEventListener('resize', this.cancel);
    window.removeEventListener('contextmenu', preventDefault);
    window.removeEventListener('dragstart', preventDefault);
  }
}

function preventDefault(event: Event): void {
  event.preventDefault();
}

/** Stops the one click a release makes; a new press means that click is not coming (released off the page). */
function swallowNextClick(target: Document): void {
  const stop = (event: Event) => {
    event.stopPropagation();
    forget();
  };
  const forget = () => {
    target.removeEventListener('click', stop, true);
    target.removeEventListener('pointerdown', forget, true);
  };
  target.addEventListener('click', stop, true);
  target.addEventListener('pointerdown', forget, true);
}

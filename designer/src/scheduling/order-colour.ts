/** Muted hues that keep white text readable; late bars are drawn red over them, so red is not among them. */
const PALETTE = ['#3b6fb6', '#2f8a7b', '#7b5ea7', '#b07a2a', '#4a8a3f', '#a0527a', '#52708f', '#8a6d3b', '#3f8fa3', '#6b6fb5'];

/** One colour per order, the same on every render and in both Gantts of a comparison. */
export function orderColour(order: string): string {
  let hash = 0;
  for (let index = 0; index < order.length; index += 1) hash = (hash * 31 + order.charCodeAt(index)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? PALETTE[0]!;
}

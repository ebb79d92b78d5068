/**
 * The latest instance of each class the planner makes per item (netting, demand table, pegs, ...),
 * kept alive. V8 gives a class's instances a hidden class that only they keep alive: at a full
 * collection with none left it is dropped, and every function optimised for it is deoptimised. A
 * planner kept between updates has none left once an update ends, so the next update after any
 * idle full collection ran unoptimised while V8 compiled everything again (at 10k items, about
 * 150 ms instead of 85).
 */
const latest = new Map<abstract new (...args: never[]) => object, object>();

export function keepShape(instance: object): void {
  latest.set(instance.constructor as abstract new (...args: never[]) => object, instance);
}

import type { KyselyPlugin } from 'kysely';

/** Counts the statements sent through a Kysely instance: how suites check that loading is a few set queries. */
export function countingPlugin(counter: { statements: number }): KyselyPlugin {
  return {
    transformQuery(args) {
      counter.statements += 1;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
}

/**
 * Sales orders as numbers, for the planner's per-demand columns: a number column costs a plain
 * store per row, where a column of strings cost a write barrier per row. Codes are handed out as
 * orders are met and never reused, so a code stays valid through every net-change.
 */
export class SalesOrderCodes {
  private readonly codes = new Map<string, number>();
  private readonly names: string[] = [];

  /** -1 for none. */
  code(salesOrder: string | undefined): number {
    if (salesOrder === undefined) return -1;
    let code = this.codes.get(salesOrder);
    if (code === undefined) {
      code = this.names.push(salesOrder) - 1;
      this.codes.set(salesOrder, code);
    }
    return code;
  }

  name(code: number): string | undefined {
    return code === -1 ? undefined : this.names[code];
  }
}

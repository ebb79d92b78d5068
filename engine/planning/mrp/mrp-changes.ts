import type { MrpBom, MrpDemand, MrpItem, MrpOpenSupply, MrpScenario, MrpStock } from '../generated/planning-types.js';

/** One edit of the scenario, as net-change planning takes it. An upsert replaces the record with the same id. */
export type MrpChange =
  | { readonly type: 'upsert-demand'; readonly demand: MrpDemand }
  | { readonly type: 'remove-demand'; readonly id: string }
  | { readonly type: 'upsert-supply'; readonly supply: MrpOpenSupply }
  | { readonly type: 'remove-supply'; readonly id: string }
  | { readonly type: 'replace-stock'; readonly item: string; readonly rows: readonly MrpStock[] }
  | { readonly type: 'upsert-item'; readonly item: MrpItem }
  | { readonly type: 'remove-item'; readonly id: string }
  | { readonly type: 'upsert-bom'; readonly bom: MrpBom }
  | { readonly type: 'remove-bom'; readonly id: string };

/** The scenario with the changes applied: what a regenerative run of the same state plans. */
export function applyMrpChanges(scenario: MrpScenario, changes: readonly MrpChange[]): MrpScenario {
  let { items, boms, stock, supplies, demands } = scenario;
  for (const change of changes) {
    switch (change.type) {
      case 'upsert-demand':
        demands = [...demands.filter((demand) => demand.id !== change.demand.id), change.demand];
        break;
      case 'remove-demand':
        demands = demands.filter((demand) => demand.id !== change.id);
        break;
      case 'upsert-supply':
        supplies = [...supplies.filter((supply) => supply.id !== change.supply.id), change.supply];
        break;
      case 'remove-supply':
        supplies = supplies.filter((supply) => supply.id !== change.id);
        break;
      case 'replace-stock':
        stock = [...stock.filter((row) => row.item !== change.item), ...change.rows.map((row) => ({ ...row, item: change.item }))];
        break;
      case 'upsert-item':
        items = [...items.filter((item) => item.id !== change.item.id), change.item];
        break;
      case 'remove-item':
        items = items.filter((item) => item.id !== change.id);
        break;
      case 'upsert-bom':
        boms = [...boms.filter((bom) => bom.id !== change.bom.id), change.bom];
        break;
      case 'remove-bom':
        boms = boms.filter((bom) => bom.id !== change.id);
        break;
    }
  }
  return { ...scenario, items, boms, stock, supplies, demands };
}

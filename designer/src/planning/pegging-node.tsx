import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { PlanLabels } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import type { PeggingNode } from './pegging-graph.js';
import { itemName } from './plan-names.js';

export type PeggingFlowNode = Node<{ node: PeggingNode; labels: PlanLabels; chosen: boolean }, 'pegging'>;

function nodeClass(node: PeggingNode, chosen: boolean): string {
  const classes = ['peg-node', `peg-${node.type}`];
  if (node.type === 'supply') classes.push(`peg-supply-${node.supply.kind}`);
  if (node.type === 'demand') classes.push(`peg-demand-${node.demand.kind}`);
  if (node.type === 'supply' && (node.late || node.pastDueStart)) classes.push('peg-late');
  if (node.type === 'demand' && (node.demand.shortQty ?? 0) > 0) classes.push('peg-short-demand');
  if (chosen) classes.push('peg-chosen');
  return classes.join(' ');
}

/** One box of the pegging tree: what it is, the item, quantity and date, and its problems in red. */
export function PeggingNodeView({ data }: NodeProps<PeggingFlowNode>) {
  const { t, date, number } = useI18n();
  const { node, labels, chosen } = data;
  return (
    <div
      className={nodeClass(node, chosen)}
      data-testid="peg-node"
      data-kind={node.type === 'supply' ? node.supply.kind : node.type === 'demand' ? node.demand.kind : 'shortage'}
      title={node.id}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {node.type === 'shortage' ? (
        <>
          <div className="peg-head">{t('planning.pegging.short', { qty: number(node.qty) })}</div>
          <div className="peg-line">{itemName(labels, node.demand.item)}</div>
        </>
      ) : null}
      {node.type === 'demand' ? (
        <>
          <div className="peg-head">
            <span className="peg-kind">{t(`planning.demandKind.${node.demand.kind}`)}</span>
            <span className="peg-item">{itemName(labels, node.demand.item)}</span>
          </div>
          <div className="peg-line">
            <strong>{number(node.demand.qty)}</strong> · {t('planning.pegging.due', { date: date(node.demand.due) })}
          </div>
          <div className="peg-line peg-id">
            <span className="peg-id-text">{node.demand.id}</span>
            {(node.demand.shortQty ?? 0) > 0 ? (
              <span className="peg-flag">{t('planning.pegging.short', { qty: number(node.demand.shortQty ?? 0) })}</span>
            ) : null}
          </div>
        </>
      ) : null}
      {node.type === 'supply' ? (
        <>
          <div className="peg-head">
            <span className="peg-kind">{t(`planning.supplyKind.${node.supply.kind}`)}</span>
            <span className="peg-item">{itemName(labels, node.supply.item)}</span>
          </div>
          <div className="peg-line">
            <strong>{number(node.supply.qty)}</strong> · {t('planning.pegging.available', { date: date(node.supply.date) })}
          </div>
          <div className="peg-line peg-id">
            <span className="peg-id-text">{node.supply.id}</span>
            {node.pastDueStart ? <span className="peg-flag">{t('planning.pegging.pastDue')}</span> : null}
            {!node.pastDueStart && node.late ? <span className="peg-flag">{t('planning.pegging.late')}</span> : null}
            {node.hiddenComponents > 0 ? <span className="peg-more">{t('planning.pegging.hidden', { count: node.hiddenComponents })}</span> : null}
          </div>
        </>
      ) : null}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

import { Background, Controls, MarkerType, ReactFlow, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PlanRun } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { navigate } from '../routing/index.js';
import { buildPeggingGraph, readableLevel, type PeggingEdge, type PeggingGraph } from './pegging-graph.js';
import { initialView, type NodeBox, type TreeView } from './initial-view.js';
import { layoutPegging } from './pegging-layout.js';
import { PeggingNodeView, type PeggingFlowNode } from './pegging-node.js';
import { plannedSalesOrders, salesOrderDemands, type PlanIndex } from './plan-index.js';
import { salesOrderHref, salesOrderTitle } from './plan-names.js';
import { WhereUsedPanel } from './where-used-panel.js';

const NODE_TYPES = { pegging: PeggingNodeView };
/** The first drawing of an order shows as many BOM levels as keep it within this many boxes. */
const FIRST_VIEW_NODES = 80;

export interface PeggingViewProps {
  readonly run: PlanRun;
  readonly index: PlanIndex;
  readonly salesOrder: string | undefined;
}

function edgeStyle(edge: PeggingEdge): Pick<Edge, 'className' | 'label' | 'animated'> {
  if (edge.kind === 'short') return { className: 'peg-edge-short' };
  if (edge.kind === 'component') return { className: 'peg-edge-component', label: `×${edge.qty}` };
  return { className: edge.late ? 'peg-edge-peg peg-edge-late' : 'peg-edge-peg', label: String(edge.qty), animated: edge.late };
}

/** 需求追溯: a sales order's pegging tree, drawn left to right, with "where used" for a clicked supply. */
export default function PeggingView({ run, index, salesOrder }: PeggingViewProps) {
  const { t } = useI18n();
  const orders = useMemo(() => plannedSalesOrders(run.plan), [run]);
  const roots = useMemo(() => (salesOrder === undefined ? [] : salesOrderDemands(run.plan, salesOrder)), [run, salesOrder]);
  const firstLevel = useMemo(() => readableLevel(run.plan, roots, index, FIRST_VIEW_NODES), [run, roots, index]);
  const [chosenLevel, setChosenLevel] = useState<{ roots: readonly string[]; level: number } | null>(null);
  // Each BOM level is a demand column and a supply column; `levels` counts the plan's deepest.
  const levels = Math.max(1, run.plan.summary.levels);
  const maxLevel = chosenLevel !== null && chosenLevel.roots === roots ? chosenLevel.level : firstLevel;
  const graph = useMemo(() => (roots.length === 0 ? null : buildPeggingGraph(run.plan, roots, index, { maxLevel })), [run, index, salesOrder, roots, maxLevel]);
  const [layout, setLayout] = useState<{ graph: PeggingGraph; boxes: Map<string, NodeBox>; view: TreeView } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);

  useEffect(() => {
    setChosen(null);
    if (graph === null) return;
    let cancelled = false;
    setLayoutError(null);
    layoutPegging(graph).then(
      (boxes) => {
        if (!cancelled) setLayout({ graph, boxes, view: initialView(boxes, canvas.current?.clientWidth ?? 960, graph.nodes[0]?.id) });
      },
      (error: unknown) => {
        if (!cancelled) setLayoutError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [graph]);

  const current = layout !== null && layout.graph === graph ? layout : null;
  const laidOut = current?.boxes ?? null;
  const nodes = useMemo<PeggingFlowNode[]>(() => {
    if (graph === null || laidOut === null) return [];
    return graph.nodes.map((node) => {
      const box = laidOut.get(node.id);
      return {
        id: node.id,
        type: 'pegging',
        position: { x: box?.x ?? 0, y: box?.y ?? 0 },
        data: { node, labels: run.labels, chosen: node.type === 'supply' && node.supply.id === chosen },
        draggable: false,
        connectable: false,
      };
    });
  }, [graph, laidOut, run, chosen]);
  const edges = useMemo<Edge[]>(
    () =>
      (graph?.edges ?? []).map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        markerEnd: { type: MarkerType.ArrowClosed },
        ...edgeStyle(edge),
      })),
    [graph],
  );

  if (orders.length === 0) return <div className="empty-state">{t('planning.pegging.none')}</div>;
  const recordHref = salesOrder === undefined ? undefined : salesOrderHref(run.labels, salesOrder);
  return (
    <div className="pegging" data-testid="pegging">
      <div className="filter-bar">
        <label className="plan-filter-dates">
          <span>{t('planning.pegging.choose')}</span>
          <select
            value={salesOrder ?? ''}
            onChange={(event) => navigate({ page: 'planning', view: 'pegging', ...(event.target.value ? { salesOrder: event.target.value } : {}) })}
            data-testid="pegging-order"
          >
            <option value="">—</option>
            {orders.map((id) => (
              <option key={id} value={id}>
                {salesOrderTitle(run.labels, id)}
              </option>
            ))}
          </select>
        </label>
        {salesOrder === undefined ? null : (
          <label className="plan-filter-dates">
            <span>{t('planning.pegging.levels')}</span>
            <select
              className="peg-levels"
              value={maxLevel >= levels ? 'all' : String(maxLevel)}
              onChange={(event) => setChosenLevel({ roots, level: event.target.value === 'all' ? levels : Number(event.target.value) })}
              data-testid="pegging-levels"
            >
              {Array.from({ length: levels }, (_, level) => (
                <option key={level} value={String(level)}>
                  {level + 1}
                </option>
              ))}
              <option value="all">{t('planning.pegging.allLevels')}</option>
            </select>
          </label>
        )}
        {recordHref ? <a href={recordHref}>{salesOrderTitle(run.labels, salesOrder ?? '')}</a> : null}
        <span className="muted small">{salesOrder === undefined ? t('planning.pegging.chooseHint') : t('planning.pegging.whereUsedHint')}</span>
      </div>
      {salesOrder !== undefined && roots.length === 0 ? (
        <div className="notice notice-warning" data-testid="pegging-unknown-order">
          {t('planning.pegging.unknownOrder', { order: salesOrder })}
        </div>
      ) : null}
      {graph === null ? null : (
        <>
          <p className="muted small">{t('planning.pegging.legend')}</p>
          {graph.truncated ? <div className="notice notice-warning">{t('planning.pegging.truncated', { count: graph.nodes.length })}</div> : null}
          <div className="pegging-canvas" ref={canvas} style={current ? { height: current.view.height } : undefined} data-testid="pegging-canvas">
            {current === null ? (
              <div className="page-state" role={layoutError ? 'alert' : 'status'}>
                {layoutError ? t('planning.pegging.layoutFailed', { message: layoutError }) : t('planning.pegging.layout')}
              </div>
            ) : (
              <ReactFlow
                nodes={nodes}
                edges={edges}
                nodeTypes={NODE_TYPES}
                defaultViewport={current.view}
                minZoom={0.2}
                nodesConnectable={false}
                nodesDraggable={false}
                onNodeClick={(_event, node) => {
                  if (node.data.node.type === 'supply') setChosen(node.data.node.supply.id);
                }}
              >
                <Background gap={24} />
                <Controls showInteractive={false} />
              </ReactFlow>
            )}
          </div>
          {chosen !== null && salesOrder !== undefined ? (
            <WhereUsedPanel run={run} index={index} supplyId={chosen} salesOrder={salesOrder} onClose={() => setChosen(null)} />
          ) : null}
        </>
      )}
    </div>
  );
}

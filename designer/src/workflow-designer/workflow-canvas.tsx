import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type Connection, type Edge, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { initialViewport, layoutWorkflow } from './canvas-layout.js';
import { NODE_HEIGHT, NODE_WIDTH, type Box } from './elk-graph.js';
import { flowEdges, flowNodes, keepUnchanged, nodeData, type EdgeLabel, type Marks, type MeasuredSizes, type StateNodeData, type WorkflowFlowNode } from './flow-elements.js';
import { PALETTE_KINDS, type PaletteKind } from './new-state.js';
import { GroupNodeView, PseudoNodeView, StateNodeView } from './state-node.js';
import { ANY_STATE, type WorkflowGraph } from './workflow-graph.js';

const NODE_TYPES = { state: StateNodeView, group: GroupNodeView, pseudo: PseudoNodeView };
export const PALETTE_DRAG_TYPE = 'application/x-ordo-workflow-node';

export type CanvasSelection = { readonly type: 'state'; readonly name: string } | { readonly type: 'edge'; readonly id: string } | null;

export interface WorkflowCanvasProps {
  readonly graph: WorkflowGraph;
  readonly marks: ReadonlyMap<string, Marks>;
  readonly activeStates: ReadonlySet<string>;
  readonly selection: CanvasSelection;
  readonly edgeLabel: EdgeLabel;
  readonly onSelect: (selection: CanvasSelection) => void;
  readonly onConnect: (source: string, target: string) => void;
  /** Adds a state of a kind; the canvas has already noted where it goes. */
  readonly onAdd: (kind: PaletteKind) => void;
  /** Bumped by the page to ask for a fresh layout (the toolbar's "tidy up"). */
  readonly layoutRequest: number;
  /** Bumped by the page to fit the whole workflow in view. */
  readonly fitRequest: number;
  /** Set by the canvas: adds a node at the middle of what is in view (the palette's click). */
  readonly addAtCenter: React.MutableRefObject<((kind: PaletteKind) => void) | null>;
}

/** Boxes in flow coordinates: a child's position is relative to its stage. */
function absoluteBoxes(graph: WorkflowGraph, boxes: ReadonlyMap<string, Box>): Box[] {
  const parents = new Map(graph.states.map((state) => [state.name, state.parent]));
  return [...boxes].map(([name, box]) => {
    let { x, y } = box;
    for (let parent = parents.get(name) ?? null; parent !== null; parent = parents.get(parent) ?? null) {
      const outer = boxes.get(parent);
      x += outer?.x ?? 0;
      y += outer?.y ?? 0;
    }
    return { ...box, x, y };
  });
}

/** The nearest place to `point` (to the right, then further down) where a new node covers no other. */
function freeSpot(point: { x: number; y: number }, taken: readonly Box[]): { x: number; y: number } {
  const free = (x: number, y: number) => taken.every((box) => x + NODE_WIDTH / 2 + 16 < box.x || x - NODE_WIDTH / 2 - 16 > box.x + box.width || y + NODE_HEIGHT / 2 + 16 < box.y || y - NODE_HEIGHT / 2 - 16 > box.y + box.height);
  for (let row = 0; row < 20; row += 1) {
    for (let column = 0; column < 4; column += 1) {
      const x = point.x + column * (NODE_WIDTH + 40);
      const y = point.y + row * (NODE_HEIGHT + 24);
      if (free(x, y)) return { x, y };
    }
  }
  return point;
}

function structureOf(graph: WorkflowGraph): string {
  return graph.states.map((state) => `${state.name}<${state.parent ?? ''}`).join('|');
}

function Canvas(props: WorkflowCanvasProps) {
  const { t } = useI18n();
  const { graph, marks, activeStates, selection, edgeLabel, onSelect, onConnect, onAdd, layoutRequest, fitRequest, addAtCenter } = props;
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [boxes, setBoxes] = useState<ReadonlyMap<string, Box> | null>(null);
  const [measured, setMeasured] = useState<MeasuredSizes>(new Map());
  const [firstView, setFirstView] = useState<{ x: number; y: number; zoom: number } | null>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const pending = useRef<{ x: number; y: number } | null>(null);
  const latest = useRef(graph);
  latest.current = graph;
  const structure = useMemo(() => structureOf(graph), [graph]);
  const requested = useRef(layoutRequest);

  // Lays out only when the states themselves change and something has no place yet: typing a title,
  // a guard or a role never moves a node, and a node dropped from the palette stays where it was dropped.
  useEffect(() => {
    const current = latest.current;
    const forced = requested.current !== layoutRequest;
    requested.current = layoutRequest;
    if (boxes !== null && !forced) {
      const names = new Set(current.states.map((state) => state.name));
      const missing = current.states.filter((state) => !boxes.has(state.name));
      const needsAny = current.edges.some((edge) => edge.source === ANY_STATE) && !boxes.has(ANY_STATE);
      if (missing.length === 0 && !needsAny) return;
      const stale = [...boxes.keys()].filter((name) => !names.has(name) && !name.startsWith('^') && name !== ANY_STATE);
      const only = missing[0];
      if (missing.length === 1 && only !== undefined && !needsAny) {
        const drop = pending.current;
        if (drop !== null && only.parent === null) {
          pending.current = null;
          setBoxes(new Map([...boxes, [only.name, { x: drop.x - NODE_WIDTH / 2, y: drop.y - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT }]]));
          return;
        }
        // A renamed state keeps its place.
        const renamed = stale.length === 1 ? boxes.get(stale[0]!) : undefined;
        if (renamed !== undefined) {
          setBoxes(new Map([...boxes, [only.name, renamed]]));
          return;
        }
      }
    }
    let cancelled = false;
    setLayoutError(null);
    layoutWorkflow(current).then(
      (laidOut) => {
        if (cancelled) return;
        setBoxes(laidOut);
        const view = initialViewport(laidOut, wrapper.current?.clientWidth ?? 800, wrapper.current?.clientHeight ?? 600);
        setFirstView((current) => current ?? view);
        if (forced) void flow.setViewport(view, { duration: 200 });
      },
      (error: unknown) => {
        if (!cancelled) setLayoutError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
    };
    // `boxes` is read, not watched: moving a node by hand must not lay the workflow out again.
  }, [structure, layoutRequest]);

  useEffect(() => {
    if (fitRequest > 0) void flow.fitView({ padding: 0.15, duration: 200 });
  }, [fitRequest, flow]);

  const previousData = useRef<ReadonlyMap<string, StateNodeData>>(new Map());
  const data = useMemo(() => (previousData.current = nodeData(graph, marks, activeStates, previousData.current)), [graph, marks, activeStates]);
  const selectedState = selection?.type === 'state' ? selection.name : null;
  const previousNodes = useRef<WorkflowFlowNode[]>([]);
  const nodes = useMemo<WorkflowFlowNode[]>(
    () => (previousNodes.current = boxes === null ? [] : keepUnchanged(flowNodes(graph, data, boxes, selectedState, measured), previousNodes.current)),
    [graph, data, boxes, selectedState, measured],
  );
  const selectedEdge = selection?.type === 'edge' ? selection.id : null;
  const previousEdges = useRef<Edge[]>([]);
  const edges = useMemo(() => (previousEdges.current = keepUnchanged(flowEdges(graph, edgeLabel, marks, selectedEdge), previousEdges.current)), [graph, edgeLabel, marks, selectedEdge]);

  const onNodesChange = useCallback((changes: NodeChange<WorkflowFlowNode>[]) => {
    const sizes = changes.flatMap((change) => (change.type === 'dimensions' && change.dimensions !== undefined ? [{ id: change.id, ...change.dimensions }] : []));
    if (sizes.length > 0) {
      setMeasured((current) => {
        const changed = sizes.filter((size) => current.get(size.id)?.width !== size.width || current.get(size.id)?.height !== size.height);
        if (changed.length === 0) return current;
        const next = new Map(current);
        for (const size of changed) next.set(size.id, { width: size.width, height: size.height });
        return next;
      });
    }
    const moves = changes.filter((change) => change.type === 'position' && change.position !== undefined);
    if (moves.length === 0) return;
    setBoxes((current) => {
      if (current === null) return current;
      const next = new Map(current);
      for (const change of moves) {
        if (change.type !== 'position' || change.position === undefined) continue;
        const box = next.get(change.id) ?? { x: 0, y: 0, width: NODE_WIDTH, height: NODE_HEIGHT };
        next.set(change.id, { ...box, x: change.position.x, y: change.position.y });
      }
      return next;
    });
  }, []);

  const centre = useCallback(() => {
    const rect = wrapper.current?.getBoundingClientRect();
    const point = rect === undefined ? { x: 0, y: 0 } : flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    return freeSpot(point, absoluteBoxes(latest.current, boxes ?? new Map()));
  }, [boxes, flow]);

  useEffect(() => {
    addAtCenter.current = (kind) => {
      pending.current = centre();
      onAdd(kind);
    };
  }, [addAtCenter, centre, onAdd]);

  function onDrop(event: DragEvent) {
    const kind = event.dataTransfer.getData(PALETTE_DRAG_TYPE) as PaletteKind;
    if (!(PALETTE_KINDS as readonly string[]).includes(kind)) return;
    event.preventDefault();
    pending.current = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    onAdd(kind);
  }

  if (boxes === null || firstView === null) {
    return (
      <div className="wd-canvas wd-canvas-state" ref={wrapper} role={layoutError ? 'alert' : 'status'}>
        {layoutError ? t('wd.layoutFailed', { message: layoutError }) : t('wd.layouting')}
      </div>
    );
  }
  return (
    <div
      className="wd-canvas"
      ref={wrapper}
      data-testid="wd-canvas"
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={onDrop}
    >
      <ReactFlow<WorkflowFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeClick={(_event, node) => (node.type === 'pseudo' ? onSelect(null) : onSelect({ type: 'state', name: node.id }))}
        onEdgeClick={(_event, edge) => onSelect(edge.id.startsWith('^') ? null : { type: 'edge', id: edge.id })}
        onPaneClick={() => onSelect(null)}
        onConnect={(connection: Connection) => onConnect(connection.source, connection.target)}
        isValidConnection={(connection) => !String(connection.source).startsWith('^') && connection.target !== undefined && !String(connection.target).startsWith('^') && connection.target !== ANY_STATE}
        deleteKeyCode={null}
        defaultViewport={firstView}
        minZoom={0.15}
        maxZoom={2}
        elevateNodesOnSelect={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

/** The workflow drawn as a graph: drop nodes from the palette, drag between nodes to connect, click to select. */
export function WorkflowCanvas(props: WorkflowCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

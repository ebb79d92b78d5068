import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type Connection, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { DiagramLayout } from '../../../engine/workflows/diagram-layout.js';
import { useI18n } from '../i18n/index.js';
import { initialViewport, layoutWorkflow, quickCanvasLayout } from './canvas-layout.js';
import { labelBox, NODE_HEIGHT, NODE_WIDTH, type LabelSize } from './elk-graph.js';
import { flowEdges, flowNodes, keepUnchanged, nodeData, type EdgeLabel, type Marks, type MeasuredSizes, type RoutedFlowEdge, type StateNodeData, type WorkflowFlowNode } from './flow-elements.js';
import { rememberedLayout, routesAfterMove, toDiagram, type CanvasLayout } from './layout-memory.js';
import { PALETTE_KINDS, type PaletteKind } from './new-state.js';
import { absoluteBoxes, freeSpot, placeInStage, stageAt, type Point } from './node-placement.js';
import { RoutedEdge } from './routed-edge.js';
import { GroupNodeView, PseudoNodeView, StateNodeView } from './state-node.js';
import { ANY_STATE, type WorkflowGraph } from './workflow-graph.js';

const NODE_TYPES = { state: StateNodeView, group: GroupNodeView, pseudo: PseudoNodeView };
const EDGE_TYPES = { routed: RoutedEdge };
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
  /** Adds a state of a kind inside `parent` (a stage, or null for the top level); the canvas has already noted where it goes. */
  readonly onAdd: (kind: PaletteKind, parent: string | null) => void;
  /** Bumped by the page to ask for a fresh layout (the toolbar's "tidy up"). */
  readonly layoutRequest: number;
  /** Bumped by the page to fit the whole workflow in view. */
  readonly fitRequest: number;
  /** Set by the canvas: adds a node at a free spot in view (the palette's click). */
  readonly addAtCenter: React.MutableRefObject<((kind: PaletteKind) => void) | null>;
  /** The drawing saved with the draft; read once, when the canvas opens. */
  readonly savedLayout: DiagramLayout | null;
  /** Told of every drawing the canvas makes, `byHand` when the designer moved a node (a change to save). */
  readonly onLayout: (layout: DiagramLayout, byHand: boolean) => void;
}

function structureOf(graph: WorkflowGraph): string {
  return graph.states.map((state) => `${state.name}<${state.parent ?? ''}`).join('|');
}

/** Where a palette item goes once its state exists: its centre, and the stage it goes into. */
interface PendingPlace {
  readonly at: Point;
  readonly parent: string | null;
}

/** The drawing with a new state where it was dropped or clicked in: inside its stage, which grows to hold it. */
function placed(graph: WorkflowGraph, layout: CanvasLayout, name: string, drop: PendingPlace): CanvasLayout {
  const stage = drop.parent === null ? undefined : layout.boxes.get(drop.parent);
  const stageAt = drop.parent === null ? undefined : absoluteBoxes(graph, layout.boxes).get(drop.parent);
  if (drop.parent === null || stage === undefined || stageAt === undefined) {
    return { boxes: new Map([...layout.boxes, [name, { x: drop.at.x - NODE_WIDTH / 2, y: drop.at.y - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT }]]), routes: layout.routes };
  }
  const siblings = graph.states.filter((state) => state.parent === drop.parent && state.name !== name).flatMap((state) => layout.boxes.get(state.name) ?? []);
  const inside = placeInStage(drop.at, stage, stageAt, siblings);
  const grew = inside.stage.width !== stage.width || inside.stage.height !== stage.height;
  return { boxes: new Map([...layout.boxes, [drop.parent, inside.stage], [name, inside.child]]), routes: grew ? routesAfterMove(layout.routes, [drop.parent], graph) : layout.routes };
}

function Canvas(props: WorkflowCanvasProps) {
  const { t } = useI18n();
  const { graph, marks, activeStates, selection, edgeLabel, onSelect, onConnect, onAdd, layoutRequest, fitRequest, addAtCenter, savedLayout, onLayout } = props;
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  // Drawn at once: from the drawing saved with the draft when it places every state, else from the
  // quick layout, which ELK's replaces when it comes.
  const [start] = useState(() => {
    const remembered = rememberedLayout(graph, savedLayout);
    return remembered === null ? { layout: quickCanvasLayout(graph), elk: true } : { layout: remembered, elk: false };
  });
  const [layout, setLayout] = useState<CanvasLayout>(start.layout);
  // Which layout is drawn (the canvas's `data-layout`): the saved one, the quick one, or ELK's.
  const [drawnBy, setDrawnBy] = useState<'saved' | 'quick' | 'elk'>(start.elk ? 'quick' : 'saved');
  const [measured, setMeasured] = useState<MeasuredSizes>(new Map());
  const [firstView, setFirstView] = useState<{ x: number; y: number; zoom: number } | null>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const [arranging, setArranging] = useState(false);
  const pending = useRef<PendingPlace | null>(null);
  const latest = useRef(graph);
  latest.current = graph;
  const current = useRef(layout);
  current.current = layout;
  const movedByHand = useRef(false);
  // Counts the designer's drags: ELK's first layout, when it comes after one, is not wanted any more.
  const handMoves = useRef(0);
  const viewMoved = useRef(false);
  const labelSize = useRef<LabelSize>(() => null);
  labelSize.current = (edge) => labelBox(edgeLabel(edge));
  const structure = useMemo(() => structureOf(graph), [graph]);
  const requested = useRef(layoutRequest);
  // ELK's layout is still to replace the quick one the canvas opened with (a ref, not a mount flag: React's
  // strict mode runs the effect twice, and the second run must ask again).
  const openingOwed = useRef(start.elk);

  useLayoutEffect(() => {
    if (firstView !== null) return;
    setFirstView(initialViewport(layout.boxes, wrapper.current?.clientWidth ?? 800, wrapper.current?.clientHeight ?? 600));
  }, [firstView, layout]);

  useEffect(() => {
    onLayout(toDiagram(layout), movedByHand.current);
    movedByHand.current = false;
  }, [layout, onLayout]);

  // Lays out only when the states themselves change and something has no place yet: typing a title,
  // a guard or a role never moves a node, and a node dropped from the palette stays where it was dropped.
  useEffect(() => {
    const graphNow = latest.current;
    const forced = requested.current !== layoutRequest;
    requested.current = layoutRequest;
    const opening = openingOwed.current;
    if (!opening && !forced) {
      const { boxes, routes } = current.current;
      const names = new Set(graphNow.states.map((state) => state.name));
      const missing = graphNow.states.filter((state) => !boxes.has(state.name));
      const needsAny = graphNow.edges.some((edge) => edge.source === ANY_STATE) && !boxes.has(ANY_STATE);
      if (missing.length === 0 && !needsAny) return;
      const stale = [...boxes.keys()].filter((name) => !names.has(name) && !name.startsWith('^') && name !== ANY_STATE);
      const only = missing[0];
      if (missing.length === 1 && only !== undefined && !needsAny) {
        const drop = pending.current;
        pending.current = null;
        if (drop !== null && only.parent === drop.parent) {
          setLayout(placed(graphNow, { boxes, routes }, only.name, drop));
          return;
        }
        // A renamed state keeps its place.
        const renamed = stale.length === 1 ? boxes.get(stale[0]!) : undefined;
        if (renamed !== undefined) {
          setLayout({ boxes: new Map([...boxes, [only.name, renamed]]), routes });
          return;
        }
      }
    }
    let cancelled = false;
    pending.current = null;
    const movesBefore = handMoves.current;
    setLayoutError(null);
    setArranging(true);
    layoutWorkflow(graphNow, labelSize.current).then(
      (laidOut) => {
        if (cancelled) return;
        setArranging(false);
        openingOwed.current = false;
        if (!forced && handMoves.current !== movesBefore) return;
        setLayout(laidOut);
        setDrawnBy('elk');
        const view = initialViewport(laidOut.boxes, wrapper.current?.clientWidth ?? 800, wrapper.current?.clientHeight ?? 600);
        // ELK's drawing replaces the quick one in place: the view follows unless the designer already moved it.
        if (forced) void flow.setViewport(view, { duration: 200 });
        else if (opening && !viewMoved.current) void flow.setViewport(view);
      },
      (error: unknown) => {
        if (cancelled) return;
        setArranging(false);
        setLayoutError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
      setArranging(false);
    };
    // `layout` is read, not watched: moving a node by hand must not lay the workflow out again.
  }, [structure, layoutRequest]);

  useEffect(() => {
    if (fitRequest > 0) void flow.fitView({ padding: 0.15, duration: 200 });
  }, [fitRequest, flow]);

  const previousData = useRef<ReadonlyMap<string, StateNodeData>>(new Map());
  const data = useMemo(() => (previousData.current = nodeData(graph, marks, activeStates, previousData.current)), [graph, marks, activeStates]);
  const selectedState = selection?.type === 'state' ? selection.name : null;
  const previousNodes = useRef<WorkflowFlowNode[]>([]);
  const nodes = useMemo<WorkflowFlowNode[]>(
    () => (previousNodes.current = keepUnchanged(flowNodes(graph, data, layout.boxes, selectedState, measured), previousNodes.current)),
    [graph, data, layout.boxes, selectedState, measured],
  );
  const selectedEdge = selection?.type === 'edge' ? selection.id : null;
  const previousEdges = useRef<RoutedFlowEdge[]>([]);
  const edges = useMemo(
    () => (previousEdges.current = keepUnchanged(flowEdges(graph, edgeLabel, marks, selectedEdge, layout.routes), previousEdges.current)),
    [graph, edgeLabel, marks, selectedEdge, layout.routes],
  );

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
    const moves = changes.flatMap((change) => (change.type === 'position' && change.position !== undefined ? [{ id: change.id, position: change.position }] : []));
    if (moves.length === 0) return;
    movedByHand.current = true;
    handMoves.current += 1;
    setLayout((before) => {
      const boxes = new Map(before.boxes);
      for (const { id, position } of moves) {
        const box = boxes.get(id) ?? { x: 0, y: 0, width: NODE_WIDTH, height: NODE_HEIGHT };
        // Whole units: what is saved reads as the designer sees it, without the zoom's fractions.
        boxes.set(id, { ...box, x: Math.round(position.x), y: Math.round(position.y) });
      }
      // The arrows of a node moved by hand no longer follow ELK's routes: they are drawn as smooth steps.
      return { boxes, routes: routesAfterMove(before.routes, moves.map((move) => move.id), latest.current) };
    });
  }, []);

  /** A free spot for a new node, in the part of the canvas on screen. */
  const spotInView = useCallback((): Point => {
    const rect = wrapper.current?.getBoundingClientRect();
    if (rect === undefined) return { x: 0, y: 0 };
    const topLeft = flow.screenToFlowPosition({ x: rect.left, y: rect.top });
    const bottomRight = flow.screenToFlowPosition({ x: rect.right, y: rect.bottom });
    const view = { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
    const centre = { x: view.x + view.width / 2, y: view.y + view.height / 2 };
    return freeSpot(centre, absoluteBoxes(latest.current, current.current.boxes).values(), view);
  }, [flow]);

  useEffect(() => {
    addAtCenter.current = (kind) => {
      pending.current = { at: spotInView(), parent: null };
      onAdd(kind, null);
    };
  }, [addAtCenter, spotInView, onAdd]);

  // Dropped onto a stage's frame, the new state becomes one of its steps.
  function onDrop(event: DragEvent) {
    const kind = event.dataTransfer.getData(PALETTE_DRAG_TYPE) as PaletteKind;
    if (!(PALETTE_KINDS as readonly string[]).includes(kind)) return;
    event.preventDefault();
    const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const parent = stageAt(at, latest.current, absoluteBoxes(latest.current, current.current.boxes));
    pending.current = { at, parent };
    onAdd(kind, parent);
  }

  return (
    <div
      className="wd-canvas"
      ref={wrapper}
      data-testid="wd-canvas"
      data-layout={drawnBy}
      aria-busy={arranging}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={onDrop}
    >
      {layoutError === null ? null : (
        <div className="wd-canvas-alert" role="alert">
          {t('wd.layoutFailed', { message: layoutError })}
        </div>
      )}
      {firstView === null ? null : (
      <ReactFlow<WorkflowFlowNode, RoutedFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onMoveStart={(event) => {
          if (event !== null) viewMoved.current = true;
        }}
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
      )}
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

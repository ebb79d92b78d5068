import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Point } from '../../../engine/workflows/diagram-layout.js';
import { CORNER, routeMidpoint, routePath } from './edge-route.js';
import type { RoutedFlowEdge } from './flow-elements.js';

/**
 * An arrow along ELK's route with its label where ELK put it, so back arrows and labels keep clear of
 * the main path; a smooth step between the handles once an end was moved by hand.
 */
export const RoutedEdge = memo(function RoutedEdge(props: EdgeProps<RoutedFlowEdge>) {
  const { id, data, sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition, label, labelStyle, labelShowBg, labelBgStyle, labelBgPadding, labelBgBorderRadius, markerEnd, style, interactionWidth } = props;
  const route = data?.route;
  let path: string;
  let labelAt: Point;
  if (route !== undefined) {
    path = routePath(route.points);
    labelAt = route.label ?? routeMidpoint(route.points);
  } else {
    const [smooth, x, y] = getSmoothStepPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition, borderRadius: CORNER });
    path = smooth;
    labelAt = [x, y];
  }
  return (
    <BaseEdge
      id={id}
      path={path}
      labelX={labelAt[0]}
      labelY={labelAt[1]}
      label={label}
      labelStyle={labelStyle}
      labelShowBg={labelShowBg}
      labelBgStyle={labelBgStyle}
      labelBgPadding={labelBgPadding}
      labelBgBorderRadius={labelBgBorderRadius}
      markerEnd={markerEnd}
      style={style}
      interactionWidth={interactionWidth}
    />
  );
});

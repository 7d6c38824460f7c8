export {
  buildGraph,
  asCellError,
  type CellNode,
  type CellReads,
  type GraphContext,
  type NotebookGraph,
} from './graph.ts';

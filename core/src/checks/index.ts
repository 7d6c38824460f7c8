export {
  DetectorState,
  scoreSeries,
  scoreSeriesInto,
  SENSITIVITY_THRESHOLDS,
  type DetectOptions,
  type Direction,
  type Sensitivity,
  type SeriesScores,
} from './detector.ts';
export { scoreRatioSeries, type RatioOptions } from './ratio.ts';
export {
  inferCycles,
  parseCsv,
  parseTime,
  scoreCsv,
  SeriesInputError,
  type CsvTable,
  type Cycles,
  type ScoreCsvOptions,
  type ScoredCsv,
} from './series.ts';
export {
  runCheck,
  type CheckAlert,
  type CheckOptions,
  type CheckRun,
  type CheckSource,
} from './cell.ts';
export {
  DEFAULT_CHECKS,
  runDefaultChecks,
  type DefaultCheck,
  type DefaultCheckAlert,
} from './cell-defaults.ts';
export {
  calendarEvents,
  eventDays,
  retailEvents,
  type KnownEvent,
  type RetailMarket,
  type WorkspaceCalendar,
} from './cell-events.ts';
export {
  explainChange,
  type Contribution,
  type DateRange,
  type DrilldownTable,
  type Explanation,
  type ExplainRequest,
} from './drilldown.ts';
export { groupPoints, type FlaggedPoint } from './group.ts';
export {
  explainAlert,
  firstDayOf,
  lastDataDay,
  summarizeAlerts,
  type AlertSummary,
} from './summary.ts';

export {
  DetectorState,
  scoreRatioSeries,
  scoreSeries,
  scoreSeriesInto,
  SENSITIVITY_THRESHOLDS,
  type DetectOptions,
  type Direction,
  type Sensitivity,
  type SeriesScores,
} from './detector.ts';
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

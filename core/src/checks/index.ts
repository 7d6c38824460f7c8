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
  inferPeriod,
  parseCsv,
  parseTime,
  scoreCsv,
  SeriesInputError,
  type CsvTable,
  type ScoreCsvOptions,
  type ScoredCsv,
} from './series.ts';

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

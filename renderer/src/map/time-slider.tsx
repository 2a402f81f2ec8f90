/**
 * The time slider: two range handles over the months from the first seizure to the last (a
 * "from" and a "to" month), the range they select written out, and a play button that moves a
 * window of the same width forward a month at a time until the end. The range is handed to the
 * owner as slider positions; map-filters.ts turns them into dates. With no dated seizure it says
 * so; with every date in one month it names that month instead of a slider.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { formatSeizureDate } from '../format/dates';
import type { TimeSteps } from './map-filters';
import { t } from '../../../shared/messages';

/** Milliseconds between two steps while playing. */
const PLAY_STEP_MS = 700;

/** Props of {@link TimeSlider}: `range` is [from, to] month positions into `steps.months`. */
export interface TimeSliderProps {
  steps: TimeSteps;
  range: [number, number];
  onChange: (range: [number, number]) => void;
}

/** The slider. */
export function TimeSlider(props: TimeSliderProps): ReactNode {
  const { steps, range, onChange } = props;
  const n = steps.months.length;
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const [lo, hi] = range;
      if (hi >= n - 1) setPlaying(false);
      else onChange([lo + 1, hi + 1]);
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, range, n, onChange]);
  if (n === 0) return <p className="map-time-empty">{t('ui.map.no-dates')}</p>;
  // One month has nothing to slide over; say which it is, not that there are no dates (issue 11).
  if (n === 1) return <p className="map-time-empty" data-testid="map-time-range">{t('ui.map.one-month', { month: formatSeizureDate(steps.months[0]!, 'month') })}</p>;
  const [lo, hi] = range;
  const label = (i: number): string => formatSeizureDate(steps.months[i]!, 'month');
  return (
    <div className="map-time" role="group" aria-label={t('ui.map.time-label')}>
      <button
        type="button"
        className="btn btn-sm map-time-play"
        aria-pressed={playing}
        onClick={() => {
          // Playing from the end starts over with the same window width.
          if (!playing && hi >= n - 1) onChange([0, hi - lo]);
          setPlaying(!playing);
        }}
      >
        {playing ? t('ui.map.time-pause') : t('ui.map.time-play')}
      </button>
      <div className="map-time-track">
        <input
          type="range"
          min={0}
          max={n - 1}
          value={lo}
          aria-label={t('ui.map.time-from')}
          aria-valuetext={label(lo)}
          onChange={(e) => onChange([Math.min(Number(e.target.value), hi), hi])}
        />
        <input
          type="range"
          min={0}
          max={n - 1}
          value={hi}
          aria-label={t('ui.map.time-to')}
          aria-valuetext={label(hi)}
          onChange={(e) => onChange([lo, Math.max(Number(e.target.value), lo)])}
        />
      </div>
      <span className="map-time-range" data-testid="map-time-range">
        {t('ui.map.time-range', { from: label(lo), to: label(hi) })}
      </span>
    </div>
  );
}
